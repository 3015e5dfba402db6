import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { POSTGRES_SKIP_REASON, POSTGRES_URL } from '../test-support/databases.ts';
import { startServer, type RunningServer } from './start-server.ts';
import { HttpClient } from './http-client.ts';

const PASSWORD = 'demo-password-for-tests';
const SCHEMAS = "hashtext('gongkai-test-schemas')";

test(
  'two server processes on one PostgreSQL database: a session opened on one is good on the other, a sign-out ends it on both, applications numbered without gaps',
  { skip: POSTGRES_URL ? false : POSTGRES_SKIP_REASON, timeout: 120_000 },
  async () => {
    const server = POSTGRES_URL!;
    const schema = `ms_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`select pg_advisory_lock_shared(${SCHEMAS})`);
    let locked = true;
    await admin.query(`create schema ${schema}`);
    const url = new URL(server);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const shared = { GONGKAI_SECRET: randomBytes(32).toString('hex'), GONGKAI_TODAY: '2025-03-03' };
    let first: RunningServer | undefined;
    let second: RunningServer | undefined;
    try {
      // The first process migrates and makes the demo agency (holding the schemas' lock shared, as every
      // migrating test does); the second starts on what it left.
      first = await startServer({ ...shared, GONGKAI_DEMO_PASSWORD: PASSWORD }, { database: url.toString() });
      await admin.query(`select pg_advisory_unlock_shared(${SCHEMAS})`);
      locked = false;
      second = await startServer({ ...shared, GONGKAI_NO_DEMO: '1' }, { database: url.toString() });
      // Signed in through the first, known to the second.
      const officer = new HttpClient(first.url);
      assert.equal((await officer.login('officer', PASSWORD)).status, 200);
      const onSecond = new HttpClient(second.url);
      onSecond.adopt(officer);
      const seen = await onSecond.request('GET', '/api/session');
      assert.equal(seen.body.account?.username, 'officer', JSON.stringify(seen.body));
      // Signed out through the second: over on the first too.
      assert.equal((await onSecond.request('DELETE', '/api/session')).status, 200);
      const after = await officer.request('GET', '/api/session');
      assert.equal(after.body.account ?? null, null, JSON.stringify(after.body));

      // Applications registered at once through both processes: every number once, none skipped.
      const apply = (base: string, i: number) =>
        new HttpClient(base).request('POST', '/api/public/agencies/demo/applications', {
          applicant: { type: 'natural', name: `申请人${i}`, phone: '13800000000', email: `a${i}@example.cn` },
          application: { description: `多进程申请 ${i}`, delivery: 'email' },
        });
      const [one, two] = [first.url, second.url];
      const made = await Promise.all(Array.from({ length: 10 }, (_, i) => apply(i % 2 === 0 ? one : two, i)));
      for (const response of made) assert.equal(response.status, 201, JSON.stringify(response.body));
      const numbers = made.map((r) => Number(/^YSQ-2025-(\d{5})$/.exec(r.body.id)![1])).sort((a, b) => a - b);
      assert.equal(new Set(numbers).size, 10, 'no number given twice');
      assert.equal(numbers.at(-1)! - numbers[0]!, 9, `no number skipped: ${numbers.join(', ')}`);
    } finally {
      await second?.stop();
      await first?.stop();
      if (locked) await admin.query(`select pg_advisory_unlock_shared(${SCHEMAS})`);
      await admin.query(`select pg_advisory_lock(${SCHEMAS})`);
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  },
);
