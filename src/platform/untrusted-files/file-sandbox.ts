/**
 * Reads files from outside off the event loop: each file is handed to a worker thread (worker-pool.ts),
 * which has a bounded heap and is stopped when it runs out of time or when the process's memory grows
 * past the limit (buffers live outside the heap). At most `workers` files are read at once and at most
 * `queue` wait; one account may have at most `perKey` files in the sandbox. A file that breaks a limit
 * ends with a named reason in Chinese; the server goes on answering meanwhile.
 */
import { err, type Result } from '../../shared/domain/result.ts';
import { FILE_LIMITS, type FileLimits } from './file-limits.ts';
import { workerPool } from './worker-pool.ts';

export type SandboxRefusal =
  | { readonly code: 'file-too-slow'; readonly limitMs: number }
  | { readonly code: 'file-too-big-in-memory'; readonly limitMb: number }
  | { readonly code: 'file-reader-crashed'; readonly reason: string }
  | { readonly code: 'sandbox-busy' }
  | { readonly code: 'too-many-files-at-once'; readonly limit: number };

export function sandboxRefusalMessage(refusal: SandboxRefusal): string {
  switch (refusal.code) {
    case 'file-too-slow':
      return `文件在 ${refusal.limitMs / 1000} 秒内未能读完，已停止读取（文件过于复杂或已损坏）`;
    case 'file-too-big-in-memory':
      return `读取文件所需内存超过 ${refusal.limitMb} MB，已停止读取（文件过于复杂或已损坏）`;
    case 'file-reader-crashed':
      return `文件无法读取：${refusal.reason}`;
    case 'sandbox-busy':
      return '正在读取的文件过多，请稍后再试';
    case 'too-many-files-at-once':
      return `同一账号同时只能读取 ${refusal.limit} 个文件，请等前一个完成后再试`;
  }
}

export interface SandboxOptions {
  readonly workers?: number;
  readonly queue?: number;
  readonly perKey?: number;
  readonly limits?: Partial<FileLimits>;
}

export interface RunOptions {
  /** Who asked (an account), for the per-account limit. */
  readonly key?: string;
  /** Limits of this kind of file, over the sandbox's own. */
  readonly limits?: Partial<FileLimits>;
}

export interface FileSandbox {
  /**
   * Runs the worker module `entry` on `input` (copied into the worker), within the limits.
   */
  run<T>(entry: URL, input: unknown, options?: RunOptions): Promise<Result<T, SandboxRefusal>>;
  /** Files being read and files waiting, for tests and the health of the server. */
  readonly load: () => { running: number; waiting: number };
}

let shared: FileSandbox | undefined;

/** The process's one sandbox: the server's routes and the CLI share its workers and its queue. */
export function sharedFileSandbox(): FileSandbox {
  return (shared ??= fileSandbox());
}

export function fileSandbox(options: SandboxOptions = {}): FileSandbox {
  const workers = options.workers ?? 2;
  const queueLimit = options.queue ?? 20;
  const perKey = options.perKey ?? 2;
  const own: FileLimits = { ...FILE_LIMITS, ...options.limits };
  let running = 0;
  const waiting: Array<() => void> = [];
  const byKey = new Map<string, number>();

  const release = () => {
    running--;
    waiting.shift()?.();
  };
  const acquire = (): Promise<void> | undefined => {
    if (running < workers) {
      running++;
      return Promise.resolve();
    }
    if (waiting.length >= queueLimit) return undefined;
    return new Promise((resolve) =>
      waiting.push(() => {
        running++;
        resolve();
      }),
    );
  };

  const pool = workerPool();

  return {
    async run<T>(entry: URL, input: unknown, run: RunOptions = {}): Promise<Result<T, SandboxRefusal>> {
      const { key } = run;
      if (key !== undefined && (byKey.get(key) ?? 0) >= perKey)
        return err({ code: 'too-many-files-at-once', limit: perKey });
      const turn = acquire();
      if (!turn) return err({ code: 'sandbox-busy' });
      if (key !== undefined) byKey.set(key, (byKey.get(key) ?? 0) + 1);
      try {
        await turn;
        return await pool.run<T>(entry, input, { ...own, ...run.limits });
      } finally {
        release();
        if (key !== undefined) {
          const left = (byKey.get(key) ?? 1) - 1;
          if (left > 0) byKey.set(key, left);
          else byKey.delete(key);
        }
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}

const ZIP_WORKER = new URL('./zip-worker.ts', import.meta.url);

/**
 * What is wrong with a zip from outside (broken, too many entries, inflating past the limit), inflated
 * in the shared sandbox; undefined when it is sound.
 */
export async function inspectZip(bytes: Uint8Array, account?: string): Promise<string | undefined> {
  const done = await sharedFileSandbox().run<string | undefined>(
    ZIP_WORKER,
    { bytes },
    account !== undefined ? { key: account } : {},
  );
  return done.ok ? done.value : sandboxRefusalMessage(done.error);
}
