/**
 * A worker for the sandbox's own tests: does what it is told (answer, sleep, fill the heap or memory, keep
 * memory after a file, throw).
 */
import { threadId } from 'node:worker_threads';
import { serveFiles } from './worker-pool.ts';

type Order =
  | { do: 'echo'; value: string }
  | { do: 'whoami' }
  | { do: 'keep'; mb: number }
  | { do: 'spin'; ms: number }
  | { do: 'fill-heap' }
  | { do: 'fill-buffers' }
  | { do: 'throw' };

/** What a reader left behind in its heap after a file (a leak, a cache). */
const leftBehind: number[][] = [];

await serveFiles(async (order: Order) => {
  switch (order.do) {
    case 'echo':
      return order.value.toUpperCase();
    case 'whoami':
      return threadId;
    case 'keep':
      leftBehind.push(new Array<number>((order.mb * 1024 * 1024) / 8).fill(1.5));
      return threadId;
    case 'spin': {
      const until = Date.now() + order.ms;
      while (Date.now() < until);
      return 'spun';
    }
    case 'fill-heap': {
      const kept: string[][] = [];
      for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${kept.length}`));
    }
    case 'fill-buffers': {
      const kept: Buffer[] = [];
      for (;;) {
        kept.push(Buffer.alloc(64 * 1024 * 1024, 1));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    case 'throw':
      throw new Error('读不下去了');
  }
});
