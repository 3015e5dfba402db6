/**
 * Crash safety: the server is killed with SIGKILL in the middle of a burst of concurrent online
 * applications, then started again on the same database. Every application that got a success reply is
 * there whole — its number, its query code, its history — and nothing is half-written: no case without
 * its events, no event without its case. On SQLite (WAL) and on PostgreSQL (a database of its own).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import {
  POSTGRES_SKIP_REASON,
  POSTGRES_URL,
  withScratchPostgresDatabase,
} from '../test-support/databases.ts';
import { startServer } from './start-server.ts';

const application = {
  applicant: { type: 'natural', name: '王五', phone: '13900000000' },
  application: { description: '本区老旧小区改造计划', delivery: 'online' },
};

/** Workers submitting until the server stops answering; the replies that said 201. */
async function burst(
  url: string,
  workers: number,
  until: () => boolean,
  succeeded: Array<{ id: string; queryCode: string }>,
) {
  let attempts = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (!until()) {
        attempts++;
        try {
          const response = await fetch(`${url}/api/public/agencies/demo/applications`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              // Citizens behind the proxy: each its own address, so the per-citizen limit does not stop the burst.
              'x-forwarded-for': `10.${worker}.${Math.floor(attempts / 250) % 250}.${attempts % 250}`,
            },
            body: JSON.stringify(application),
          });
          if (response.status === 201)
            succeeded.push((await response.json()) as { id: string; queryCode: string });
        } catch {
          return; // the connection died with the server
        }
      }
    }),
  );
  return { attempts };
}

async function crashAndCheck(env: Record<string, string>, database?: string) {
  const config = { GONGKAI_TRUST_PROXY: '127.0.0.1', GONGKAI_DEMO_PASSWORD: 'crash-test-password', ...env };
  const first = await startServer(config, database ? { database } : {});
  let killed = false;
  const succeeded: Array<{ id: string; queryCode: string }> = [];
  // Killed in full flight: once a good number were acknowledged (or after a while on a slow machine).
  const killer = (async () => {
    const started = Date.now();
    while (succeeded.length < 60 && Date.now() - started < 10_000)
      await new Promise((resolve) => setTimeout(resolve, 25));
    await first.kill();
    killed = true;
  })();
  const { attempts } = await burst(first.url, 16, () => killed, succeeded);
  await killer;
  assert.ok(
    succeeded.length > 20,
    `only ${succeeded.length} of ${attempts} submissions succeeded before the kill`,
  );

  const second = await startServer(config, { database: first.database });
  try {
    for (const { id, queryCode } of succeeded) {
      const response = await fetch(`${second.url}/api/public/status`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.200.${id.slice(-3, -2)}.${id.slice(-2)}`,
        },
        body: JSON.stringify({ agencyId: 'demo', id, queryCode }),
      });
      assert.equal(response.status, 200, `${id} was acknowledged before the crash but is not there`);
    }
  } finally {
    await second.stop();
  }
  const handle = openDatabase(first.database);
  try {
    const orphans = await sql<{ n: number }>`
      select count(*) as n from request_events e
      where not exists (select 1 from request_cases c where c.agency_id = e.agency_id and c.id = e.request_id)`.execute(
      handle.db,
    );
    const partial = await sql<{ n: number }>`
      select count(*) as n from request_cases c
      where c.event_count <> (select count(*) from request_events e where e.agency_id = c.agency_id and e.request_id = c.id)
         or c.event_count = 0`.execute(handle.db);
    assert.equal(Number(orphans.rows[0]!.n), 0, 'no event without its case');
    assert.equal(Number(partial.rows[0]!.n), 0, 'no case without all its events');
  } finally {
    await handle.close();
  }
}

test(
  '[sqlite] SIGKILL in a burst of applications: every acknowledged one is stored whole',
  { timeout: 180_000 },
  async () => {
    await crashAndCheck({});
  },
);

test(
  '[postgres] SIGKILL in a burst of applications: every acknowledged one is stored whole',
  { timeout: 180_000, skip: POSTGRES_URL ? false : POSTGRES_SKIP_REASON },
  async () => {
    await withScratchPostgresDatabase(POSTGRES_URL!, 'crash', (url) =>
      crashAndCheck({ DATABASE_URL: url }, url),
    );
  },
);
