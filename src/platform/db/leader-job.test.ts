import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../test-support/databases.ts';
import { leaderJob } from './leader-job.ts';

testOnBothDatabases(
  'one process at a time runs a job; another takes it over when its lease ends',
  async ({ db }) => {
    let clock = 1_800_000_000_000;
    const runs: string[] = [];
    const job = (who: string) =>
      leaderJob(db, {
        name: 'sweep',
        everyMs: 3_600_000,
        tickMs: 60_000,
        leaseMs: 180_000,
        run: async () => void runs.push(who),
        onError: (error) => assert.fail(String(error)),
        now: () => clock,
      });
    const [a, b] = [job('a'), job('b')];
    assert.equal(await a.tick(), 'ran');
    await a.running();
    assert.equal(await b.tick(), 'held-elsewhere');
    clock += 60_000;
    assert.equal(await a.tick(), 'not-due', 'it finished a minute ago');
    assert.equal(await b.tick(), 'held-elsewhere');
    // a stops renewing (it died): after its lease, b holds the job; the work is due an hour after it finished.
    clock += 180_000;
    assert.equal(await b.tick(), 'not-due');
    assert.equal(await a.tick(), 'held-elsewhere');
    clock += 3_600_000;
    assert.equal(await b.tick(), 'ran');
    await b.running();
    assert.deepEqual(runs, ['a', 'b']);
  },
);

testOnBothDatabases(
  'a holder that dies mid-run never noted the work finished: the next holder runs it at once',
  async ({ db }) => {
    let clock = 1_800_000_000_000;
    let release: () => void = () => undefined;
    const runs: string[] = [];
    const options = (who: string, run: () => Promise<void>) => ({
      name: 'sweep',
      everyMs: 3_600_000,
      tickMs: 60_000,
      leaseMs: 180_000,
      run: async () => {
        runs.push(who);
        await run();
      },
      onError: (error: unknown) => assert.fail(String(error)),
      now: () => clock,
    });
    const a = leaderJob(
      db,
      options('a', () => new Promise<void>((resolve) => (release = resolve))),
    );
    const b = leaderJob(
      db,
      options('b', async () => undefined),
    );
    assert.equal(await a.tick(), 'ran');
    clock += 60_000;
    assert.equal(await a.tick(), 'running', 'a renews its lease while it runs');
    clock += 170_000;
    assert.equal(await b.tick(), 'held-elsewhere', 'renewed a minute in: still a’s');
    clock += 20_000;
    assert.equal(await b.tick(), 'ran', 'a’s lease ended and it never finished');
    await b.running();
    release();
    await a.running();
    assert.deepEqual(runs, ['a', 'b']);
  },
);

testOnBothDatabases('a process that stops hands the lease back at once', async ({ db }) => {
  const clock = 1_800_000_000_000;
  const job = () =>
    leaderJob(db, {
      name: 'sweep',
      everyMs: 0,
      tickMs: 60_000,
      leaseMs: 180_000,
      run: async () => undefined,
      onError: (error) => assert.fail(String(error)),
      now: () => clock,
    });
  const [a, b] = [job(), job()];
  assert.equal(await a.tick(), 'ran');
  await a.stop();
  assert.equal(await b.tick(), 'ran');
  await b.running();
});
