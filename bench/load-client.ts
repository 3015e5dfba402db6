/**
 * The load client in a process of its own (`load.bench.ts` starts it): autocannon at the given
 * connections for the given seconds, each request from its own citizen behind the proxy, the result as
 * JSON on stdout. A fresh process, so that what the benchmark process holds (a generated corpus, a
 * province) and its garbage collection never delay the client's sockets.
 */
import autocannon from 'autocannon';

interface LoadPlan {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Seconds of the same load first, not measured: the server's code warms up (JIT, caches). */
  readonly warmupSeconds: number;
  readonly requests: autocannon.Request[];
}

const plan = JSON.parse(process.argv[2] ?? '') as LoadPlan;
let n = 0;
const run = (duration: number) =>
  autocannon({ url: plan.url, connections: plan.connections, duration, requests });
const requests = plan.requests.map((r) => ({
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
}));
if (plan.warmupSeconds > 0) await run(plan.warmupSeconds);
const result = await run(plan.seconds);
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  }),
);
