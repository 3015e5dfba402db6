import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { boundTurns } from './bounded-turns.ts';
import { addSecurityHeaders } from './security-headers.ts';

/** Synchronous work, as a request on SQLite does. */
function spin(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

async function busyApp(gated: boolean, maxWaiting?: number) {
  const app = Fastify({ logger: false });
  // As in the server: the security headers first, so that a "busy" answer carries them too.
  addSecurityHeaders(app);
  const gate = gated ? boundTurns(app, { budgetMs: 5, ...(maxWaiting ? { maxWaiting } : {}) }) : undefined;
  const served: number[] = [];
  app.get('/work/:n', async (request) => {
    spin(1);
    const n = Number((request.params as { n: string }).n);
    served.push(n);
    return { n };
  });
  await app.ready();
  return { app, gate, served };
}

/** Fires `count` requests at once; returns how many were served when a timer set meanwhile fired. */
async function burst(
  app: Awaited<ReturnType<typeof busyApp>>['app'],
  count: number,
  headers: Record<string, string> = {},
) {
  const replies = Array.from({ length: count }, (_, n) =>
    app.inject({ method: 'GET', url: `/work/${n}`, headers }),
  );
  let servedWhenTimerFired = -1;
  let served = 0;
  for (const reply of replies) void reply.then(() => served++);
  const timer = new Promise<void>((resolve) =>
    setTimeout(() => {
      servedWhenTimerFired = served;
      resolve();
    }, 0),
  );
  const all = await Promise.all(replies);
  await timer;
  return { all, servedWhenTimerFired };
}

test('a burst of synchronous requests is served in slices, so the event loop turns in between', async () => {
  const { app, gate, served } = await busyApp(true);
  const { all, servedWhenTimerFired } = await burst(app, 200);
  assert.ok(all.every((r) => r.statusCode === 200));
  // 200 requests of 1 ms each: with a 5 ms budget the loop turned long before the last was served
  // (without the gate the timer fires only after all 200).
  assert.ok(
    servedWhenTimerFired >= 0 && servedWhenTimerFired < 50,
    `served when the timer fired: ${servedWhenTimerFired}`,
  );
  assert.ok(gate!.deferred > 100, `deferred: ${gate!.deferred}`);
  assert.equal(gate!.waiting, 0);
  // First come, first served.
  assert.deepEqual(
    served,
    Array.from({ length: 200 }, (_, n) => n),
  );
  await app.close();
});

test('without the gate the same burst holds the event loop until the last request (the control)', async () => {
  const { app } = await busyApp(false);
  const { servedWhenTimerFired } = await burst(app, 200);
  assert.equal(servedWhenTimerFired, 200);
  await app.close();
});

test('a request that comes while the loop is idle is let in at once', async () => {
  const { app, gate } = await busyApp(true);
  for (let n = 0; n < 5; n++) {
    assert.equal((await app.inject({ method: 'GET', url: `/work/${n}` })).statusCode, 200);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.equal(gate!.deferred, 0);
  await app.close();
});

test('beyond the waiting limit a request is told at once that the server is busy, and nothing else is lost', async () => {
  const { app, gate, served } = await busyApp(true, 20);
  const { all } = await burst(app, 100);
  const busy = all.filter((r) => r.statusCode === 503);
  const ok = all.filter((r) => r.statusCode === 200);
  assert.ok(busy.length > 0 && ok.length > 0, `503: ${busy.length}, 200: ${ok.length}`);
  assert.equal(busy.length + ok.length, 100);
  assert.equal(gate!.refused, busy.length);
  assert.equal(busy[0]!.headers['retry-after'], '5');
  assert.equal(busy[0]!.json().error.code, 'busy');
  assert.match(busy[0]!.json().error.message, /服务器正忙/);
  // Every request let in was served, each once.
  assert.equal(served.length, ok.length);
  assert.equal(new Set(served).size, served.length);
  await app.close();
});

test('a browser asking for a page while the server is busy gets a page in Chinese', async () => {
  const { app } = await busyApp(true, 20);
  const { all } = await burst(app, 100, { accept: 'text/html,application/xhtml+xml' });
  const busy = all.find((r) => r.statusCode === 503)!;
  assert.match(String(busy.headers['content-type']), /text\/html/);
  assert.match(busy.body, /服务器正忙/);
  assert.match(busy.body, /刷新本页/); // a page asked for: nothing was submitted
  assert.equal(busy.headers['x-content-type-options'], 'nosniff');
  assert.ok(busy.headers['content-security-policy']);
  await app.close();
});
