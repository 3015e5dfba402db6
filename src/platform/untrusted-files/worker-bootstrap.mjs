// A worker thread that runs one TypeScript module: tsx's loader is registered in this thread (on
// Node 20 the main thread's --import does not reach workers), then the module given in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
