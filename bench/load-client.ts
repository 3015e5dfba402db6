/**
 * The load client in a process of its own (`load.bench.ts` starts it): autocannon at the given
 * connections for the given seconds, each request from its own citizen behind the proxy, the result as
 * JSON on stdout. A fresh process, so that what the benchmark process holds (a generated corpus, a
 * province) and its garbage collection never delay the client's sockets.
 *
 * With several servers (`urls`), the connections are shared among them, each server driven by its own
 * autocannon at once; requests per second and errors are summed, and the p50/p99/max reported are the
 * worst of the servers'. With `agencies`, each request goes to the next agency in turn (`{agency}` in
 * its path).
 */
import autocannon from 'autocannon';

interface LoadPlan {
  readonly url: string;
  readonly urls?: readonly string[];
  readonly agencies?: readonly string[];
  readonly connections: number;
  readonly seconds: number;
  /** Seconds of the same load first, not measured: the server's code warms up (JIT, caches). */
  readonly warmupSeconds: number;
  readonly requests: autocannon.Request[];
}

const plan = JSON.parse(process.argv[2] ?? '') as LoadPlan;
const urls = plan.urls ?? [plan.url];
let n = 0;
const requests = plan.requests.map((r) => ({
  ...r,
  // Each request its own citizen behind the proxy, so the per-citizen limits do not apply.
  setupRequest: (request: autocannon.Request) => {
    n++;
    const agency = plan.agencies?.[n % plan.agencies.length];
    return {
      ...request,
      ...(agency && request.path ? { path: request.path.replace('{agency}', agency) } : {}),
      headers: {
        ...request.headers,
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
    };
  },
}));
const run = (duration: number) =>
  Promise.all(
    urls.map((url, i) =>
      autocannon({
        url,
        // The connections shared out: the first servers take the remainder.
        connections:
          Math.floor(plan.connections / urls.length) + (i < plan.connections % urls.length ? 1 : 0),
        duration,
        requests,
      }),
    ),
  );
if (plan.warmupSeconds > 0) await run(plan.warmupSeconds);
const results = await run(plan.seconds);
const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
const worst = (pick: (r: autocannon.Result) => number) => Math.max(...results.map(pick));
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: Math.round(sum((r) => r.requests.average)),
    p50Ms: worst((r) => r.latency.p50),
    p99Ms: worst((r) => r.latency.p99),
    maxMs: worst((r) => r.latency.max),
    errors: sum((r) => r.errors + r.timeouts),
    non2xx: sum((r) => r.non2xx),
    total: sum((r) => r.requests.total),
    statusCodes: results.reduce<Record<string, number>>((codes, r) => {
      for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {}))
        codes[code] = (codes[code] ?? 0) + (count ?? 0);
      return codes;
    }, {}),
  }),
);
