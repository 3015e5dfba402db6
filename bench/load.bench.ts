/**
 * Load: the public portal and online intake at 200 concurrent connections for a bounded time
 * (autocannon), on the real server in its own process — throughput, p50/p99 latency and errors — and the
 * floor for intake, a bare Fastify route answering the same POST in a process of its own.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type autocannon from 'autocannon';
import { startServer } from '../e2e/start-server.ts';
import { withScratchPostgresDatabase } from '../test-support/databases.ts';
import { ROOT } from '../e2e/run-cli.ts';

export interface LoadResult {
  readonly name: string;
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly total: number;
  /** How many answers of each status (201, 500, …). */
  readonly statusCodes?: Readonly<Record<string, number>>;
  /** The server process's peak resident memory by the end of this target's run (MB). */
  readonly serverPeakMb: number | undefined;
}

const CONNECTIONS = 200;

export const application = JSON.stringify({
  applicant: { type: 'natural', name: '负载测试', phone: '13900000000', email: 'load@example.cn' },
  application: { description: '负载测试的申请内容', delivery: 'email' },
});

/** The peak resident memory of a process (Linux: VmHWM in /proc), in MB; undefined where unknown. */
export function peakMemoryOf(pid: number | undefined): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the client (`load-client.ts`) in a process of its own and reads its result: at one server, or
 * spread over several (`urls`), each request to the next of `agencies` (`{agency}` in its path).
 */
export async function load(
  name: string,
  target: string | { readonly urls: readonly string[]; readonly agencies?: readonly string[] },
  seconds: number,
  requests: autocannon.Request[],
): Promise<Omit<LoadResult, 'serverPeakMb'>> {
  const plan = {
    ...(typeof target === 'string' ? { url: target } : { url: target.urls[0], ...target }),
    connections: CONNECTIONS,
    seconds,
    warmupSeconds: seconds > 5 ? 3 : 1,
    requests,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-client.ts', JSON.stringify(plan)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load client for ${name} exited with ${code}: ${stderr}`);
  const measured = JSON.parse(stdout) as Omit<
    LoadResult,
    'name' | 'connections' | 'seconds' | 'serverPeakMb'
  >;
  return { name, connections: CONNECTIONS, seconds, ...measured };
}

function startBare(): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动：(http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve({ url: match[1]!, pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bare server exited with ${code}: ${output}`)));
  });
}

async function loadServer(seconds: number, dialect: string, env: Record<string, string>, database?: string) {
  const server = await startServer(
    { GONGKAI_TRUST_PROXY: '127.0.0.1', GONGKAI_DEMO_PASSWORD: 'load-test-password', ...env },
    database ? { database } : {},
  );
  try {
    const json = { 'content-type': 'application/json' };
    const portal = await load(`portal (${dialect})`, server.url, seconds, [
      { method: 'GET', path: '/' },
      { method: 'GET', path: '/agencies/demo' },
      { method: 'GET', path: '/agencies/demo/documents' },
      { method: 'GET', path: '/agencies/demo/guide' },
      { method: 'GET', path: '/published-reports' },
    ]);
    const portalPeak = peakMemoryOf(server.pid);
    const intake = await load(`intake (${dialect})`, server.url, seconds, [
      { method: 'POST', path: '/api/public/agencies/demo/applications', headers: json, body: application },
    ]);
    return [
      { ...portal, serverPeakMb: portalPeak },
      { ...intake, serverPeakMb: peakMemoryOf(server.pid) },
    ];
  } finally {
    await server.stop();
  }
}

export async function benchLoad(short: boolean, postgresUrl?: string): Promise<LoadResult[]> {
  const seconds = short ? 3 : 20;
  const results = await loadServer(seconds, 'SQLite', {});
  if (postgresUrl)
    results.push(
      ...(await withScratchPostgresDatabase(postgresUrl, 'load', (url) =>
        loadServer(seconds, 'PostgreSQL', { DATABASE_URL: url }, url),
      )),
    );
  const bare = await startBare();
  try {
    const json = { 'content-type': 'application/json' };
    const floor = await load('bare Fastify POST (floor)', bare.url, seconds, [
      { method: 'POST', path: '/bare', headers: json, body: application },
    ]);
    results.push({ ...floor, serverPeakMb: peakMemoryOf(bare.pid) });
    return results;
  } finally {
    bare.stop();
  }
}
