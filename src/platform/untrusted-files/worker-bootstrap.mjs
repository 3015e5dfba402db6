// A worker thread that runs one module given in workerData: from the TypeScript sources, tsx's loader is
// registered in this thread first (on Node 20 the main thread's --import does not reach workers);
// compiled (dist/server/*.mjs), the module runs as it is.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(workerData.entry);
