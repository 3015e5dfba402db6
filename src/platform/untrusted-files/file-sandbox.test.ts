import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileSandbox } from './file-sandbox.ts';

const WORKER = new URL('./sandbox-test-worker.ts', import.meta.url);

/** The longest the event loop was held while `work` ran: what the server's other requests would wait. */
async function loopStallDuring<T>(work: Promise<T>): Promise<{ result: T; stallMs: number }> {
  let stallMs = 0;
  let last = Date.now();
  const tick = setInterval(() => {
    stallMs = Math.max(stallMs, Date.now() - last - 10);
    last = Date.now();
  }, 10);
  try {
    return { result: await work, stallMs };
  } finally {
    clearInterval(tick);
  }
}

test('a file is read in a worker and its answer comes back', async () => {
  const sandbox = fileSandbox();
  assert.deepEqual(await sandbox.run(WORKER, { do: 'echo', value: 'ok' }), { ok: true, value: 'OK' });
});

test('a reader that runs past its time is stopped, and the event loop was free all along', async () => {
  const sandbox = fileSandbox({ limits: { timeMs: 1_000 } });
  const started = Date.now();
  const { result, stallMs } = await loopStallDuring(sandbox.run(WORKER, { do: 'spin', ms: 60_000 }));
  assert.deepEqual(result, { ok: false, error: { code: 'file-too-slow', limitMs: 1_000 } });
  assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  // A reader on the main thread would hold the loop for its whole second; scheduling on a busy two-core
  // machine may delay a timer a few hundred milliseconds, which is not what this is about.
  assert.ok(stallMs < 700, `the event loop was held ${stallMs} ms`);
});

test('a reader that fills its heap is stopped at the heap limit', async () => {
  const sandbox = fileSandbox({ limits: { heapMb: 64 } });
  const result = await sandbox.run(WORKER, { do: 'fill-heap' });
  assert.deepEqual(result, { ok: false, error: { code: 'file-too-big-in-memory', limitMb: 64 } });
});

test('a reader that fills memory outside its heap is stopped when the process grows past the limit', async () => {
  const sandbox = fileSandbox({ limits: { residentMb: 300 } });
  const before = process.memoryUsage.rss();
  const result = await sandbox.run(WORKER, { do: 'fill-buffers' });
  assert.deepEqual(result, { ok: false, error: { code: 'file-too-big-in-memory', limitMb: 300 } });
  assert.ok(process.memoryUsage.rss() - before < 1024 * 1024 * 1024);
});

test('a reader that throws ends with its reason', async () => {
  const result = await fileSandbox().run(WORKER, { do: 'throw' });
  assert.equal(result.ok, false);
  assert.match(
    !result.ok && result.error.code === 'file-reader-crashed' ? result.error.reason : '',
    /读不下去了/,
  );
});

test('one account may have two files in the sandbox at once; the queue is bounded; all end', async () => {
  const sandbox = fileSandbox({ workers: 1, queue: 1, perKey: 2 });
  const slow = { do: 'spin', ms: 800 };
  const first = sandbox.run(WORKER, slow, { key: 'li' });
  const second = sandbox.run(WORKER, slow, { key: 'li' });
  const third = await sandbox.run(WORKER, slow, { key: 'li' });
  assert.deepEqual(third, { ok: false, error: { code: 'too-many-files-at-once', limit: 2 } });
  // Another account: one file runs, one waits, so a third finds the queue full.
  const other = await sandbox.run(WORKER, slow, { key: 'wang' });
  assert.deepEqual(other, { ok: false, error: { code: 'sandbox-busy' } });
  assert.deepEqual(await first, { ok: true, value: 'spun' });
  assert.deepEqual(await second, { ok: true, value: 'spun' });
  assert.deepEqual(sandbox.load(), { running: 0, waiting: 0 });
  assert.deepEqual(await sandbox.run(WORKER, slow, { key: 'li' }), { ok: true, value: 'spun' });
});

test('a worker that finished a file cleanly reads the next one; one stopped for its limits is never reused', async () => {
  const sandbox = fileSandbox({ limits: { timeMs: 1_000 } });
  const first = await sandbox.run<number>(WORKER, { do: 'whoami' });
  const second = await sandbox.run<number>(WORKER, { do: 'whoami' });
  assert.ok(first.ok && second.ok);
  assert.equal(second.value, first.value, 'the warm worker took the second file');
  assert.equal((await sandbox.run(WORKER, { do: 'spin', ms: 60_000 })).ok, false);
  const after = await sandbox.run<number>(WORKER, { do: 'whoami' });
  assert.ok(after.ok);
  assert.notEqual(after.value, first.value, 'the worker stopped for its time was replaced');
  const thrown = await sandbox.run(WORKER, { do: 'throw' });
  assert.equal(thrown.ok, false);
  const still = await sandbox.run<number>(WORKER, { do: 'whoami' });
  assert.ok(
    still.ok && still.value === after.value,
    'a file that could not be read does not cost the worker',
  );
});

test('a worker whose heap holds more than a quarter of its limit after a file is replaced', async () => {
  const sandbox = fileSandbox({ limits: { heapMb: 64 } });
  const first = await sandbox.run<number>(WORKER, { do: 'keep', mb: 1 });
  const second = await sandbox.run<number>(WORKER, { do: 'keep', mb: 24 });
  const third = await sandbox.run<number>(WORKER, { do: 'whoami' });
  assert.ok(first.ok && second.ok && third.ok);
  assert.equal(second.value, first.value, 'a megabyte left behind: the worker took the next file');
  assert.notEqual(third.value, second.value, '24 MB of its 64 left behind: the next file had a new worker');
});
