/**
 * Warm worker threads for the file sandbox. Starting a worker costs a few hundred milliseconds (loading its
 * readers) and its first files run before the JIT has warmed, so a worker that finished a file cleanly
 * takes the next one — until its heap, measured after each file, holds more than a quarter of its limit
 * (what one file left behind is not allowed to crowd the next), or it has read JOBS_PER_WORKER files. One
 * that ran out of time or memory is stopped, never reused. An idle worker does not keep the process alive
 * and is stopped after a while.
 */
import { Worker } from 'node:worker_threads';
import { err, ok, type Result } from '../../shared/domain/result.ts';
import type { FileLimits } from './file-limits.ts';
import { runnableModule } from '../project-root.ts';
import type { SandboxRefusal } from './file-sandbox.ts';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** Files a worker reads at most before it is replaced (its heap starts afresh). */
const JOBS_PER_WORKER = 1_000;
/** The share of its heap limit a worker may hold after a file and still take the next. */
const HEAP_KEPT_SHARE = 0.25;
const IDLE_MS = 60_000;

interface Warm {
  readonly worker: Worker;
  jobs: number;
  idleTimer?: NodeJS.Timeout;
  /** Set while the worker reads a file: what its death means for that file. */
  onDeath?: (error: Error & { code?: string }) => void;
}

/** A worker's answer, with its heap in use (MB) once the file was read. */
type Reply<T> = ({ id: number; value: T } | { id: number; error: string }) & { heapMb?: number };

export function workerPool() {
  const idle = new Map<string, Warm[]>();
  let nextId = 0;

  const spawn = (entry: URL, limits: FileLimits, key: string): Warm => {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: runnableModule(entry).href },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    const warm: Warm = { worker, jobs: 0 };
    const died = (error: Error & { code?: string }) => {
      const list = idle.get(key);
      if (list?.includes(warm)) list.splice(list.indexOf(warm), 1);
      warm.onDeath?.(error);
    };
    worker.on('error', died);
    worker.on('exit', (code) =>
      died(Object.assign(new Error(`读取进程意外退出（${code}）`), { code: 'EXIT' })),
    );
    return warm;
  };

  const park = (key: string, warm: Warm) => {
    if (warm.jobs >= JOBS_PER_WORKER) {
      void warm.worker.terminate();
      return;
    }
    warm.worker.unref();
    warm.idleTimer = setTimeout(() => void warm.worker.terminate(), IDLE_MS);
    warm.idleTimer.unref();
    const list = idle.get(key) ?? [];
    list.push(warm);
    idle.set(key, list);
  };

  return {
    /** Reads one file in a warm worker (or a new one), within `limits`. */
    run<T>(entry: URL, input: unknown, limits: FileLimits): Promise<Result<T, SandboxRefusal>> {
      const key = `${entry.href}|${limits.heapMb}`;
      const warm = idle.get(key)?.pop() ?? spawn(entry, limits, key);
      clearTimeout(warm.idleTimer);
      warm.worker.ref();
      warm.jobs++;
      const id = nextId++;
      return new Promise((resolve) => {
        const startRss = process.memoryUsage.rss();
        let settled = false;
        const finish = (result: Result<T, SandboxRefusal>, reusable: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          clearInterval(watch);
          warm.worker.off('message', onMessage);
          warm.onDeath = undefined;
          if (reusable) park(key, warm);
          else void warm.worker.terminate();
          resolve(result);
        };
        const onMessage = (reply: Reply<T>) => {
          if (reply.id !== id) return;
          const reusable = (reply.heapMb ?? Infinity) <= limits.heapMb * HEAP_KEPT_SHARE;
          if ('error' in reply) finish(err({ code: 'file-reader-crashed', reason: reply.error }), reusable);
          else finish(ok(reply.value), reusable);
        };
        warm.onDeath = (error) =>
          finish(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? err({ code: 'file-too-big-in-memory', limitMb: limits.heapMb })
              : err({ code: 'file-reader-crashed', reason: error.message.slice(0, 200) }),
            false,
          );
        const timer = setTimeout(
          () => finish(err({ code: 'file-too-slow', limitMs: limits.timeMs }), false),
          limits.timeMs,
        );
        const watch = setInterval(() => {
          if (process.memoryUsage.rss() - startRss > limits.residentMb * 1024 * 1024)
            finish(err({ code: 'file-too-big-in-memory', limitMb: limits.residentMb }), false);
        }, 50);
        warm.worker.on('message', onMessage);
        warm.worker.postMessage({ id, input, limits });
      });
    },
  };
}

/** The worker's side: reads each file it is sent with `handle` and answers with the result or the error. */
export async function serveFiles<I, T>(
  handle: (input: I, limits: FileLimits) => Promise<T> | T,
): Promise<void> {
  const { parentPort } = await import('node:worker_threads');
  const { getHeapStatistics } = await import('node:v8');
  const heapMb = () => getHeapStatistics().used_heap_size / (1024 * 1024);
  parentPort?.on('message', async (job: { id: number; input: I; limits: FileLimits }) => {
    try {
      const value = await handle(job.input, job.limits);
      parentPort.postMessage({ id: job.id, value, heapMb: heapMb() });
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 200);
      parentPort.postMessage({ id: job.id, error: message, heapMb: heapMb() });
    }
  });
}
