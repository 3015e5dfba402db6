/**
 * Starts the real server on a fresh SQLite file and an ephemeral port: what `npm start` runs — the
 * compiled dist/server/server.mjs when no source is newer than it (as after `npm ci`), else the sources.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';

export interface RunningServer {
  readonly url: string;
  readonly database: string;
  readonly output: () => string;
  /** The server process's id (to read its memory from /proc, say). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
  /** Kills the process outright (SIGKILL): nothing is flushed or closed. */
  kill(): Promise<void>;
}

/** The newest change under a folder (ms since the epoch). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** How to run the server: compiled when dist/server is at least as new as every source. */
function serverCommand(): string[] {
  const compiled = join(ROOT, 'dist', 'server', 'server.mjs');
  try {
    if (statSync(compiled).mtimeMs >= newest(join(ROOT, 'src'))) return [compiled];
  } catch {
    // not built
  }
  return ['--import', 'tsx', 'src/main/server.ts'];
}

export async function startServer(
  env: Record<string, string> = {},
  options: { database?: string } = {},
): Promise<RunningServer> {
  const database = options.database ?? join(mkdtempSync(join(tmpdir(), 'gongkai-server-')), 'gongkai.db');
  const child: ChildProcess = spawn(process.execPath, serverCommand(), {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动：(http:\/\/[^/\s]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    database,
    output: () => output,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
