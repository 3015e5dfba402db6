/**
 * Load: the public portal and online intake at 200 concurrent connections for a bounded time
 * (autocannon), on the real server in its own process — throughput, p50/p99 latency and errors — and the
 * floor for intake, a bare Fastify route answering the same POST in a process of its own.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
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
  readonly errors: number;
  readonly non2xx: number;
  readonly total: number;
}

const application = JSON.stringify({
  applicant: { type: 'natural', name: '负载测试', phone: '13900000000' },
  application: { description: '负载测试的申请内容', delivery: 'email' },
});

async function load(
  name: string,
  url: string,
  seconds: number,
  requests: autocannon.Request[],
): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: 200,
    duration: seconds,
    requests: requests.map((r) => ({
      ...r,
      // Each request its own citizen behind the proxy, so the per-citizen limits do not apply.
      setupRequest: (request: autocannon.Request) => {
        n++;
        return {
          ...request,
          headers: {
            ...request.headers,
            'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
        };
      },
    })),
  });
  return {
    name,
    connections: 200,
    seconds,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

function startBare(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动：(http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve({ url: match[1]!, stop: () => child.kill('SIGTERM') });
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
    return [
      await load(`portal (${dialect})`, server.url, seconds, [
        { method: 'GET', path: '/' },
        { method: 'GET', path: '/agencies/demo/documents' },
        { method: 'GET', path: '/agencies/demo/guide' },
        { method: 'GET', path: '/published-reports' },
      ]),
      await load(`intake (${dialect})`, server.url, seconds, [
        { method: 'POST', path: '/api/public/agencies/demo/applications', headers: json, body: application },
      ]),
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
    results.push(
      await load('bare Fastify POST (floor)', bare.url, seconds, [
        { method: 'POST', path: '/bare', headers: json, body: application },
      ]),
    );
    return results;
  } finally {
    bare.stop();
  }
}
