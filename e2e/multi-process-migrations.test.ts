import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from '../src/platform/db/migrations/index.ts';
import { schemaOf } from '../src/platform/db/database.ts';
import { POSTGRES_SKIP_REASON, POSTGRES_URL } from '../test-support/databases.ts';
import { ROOT } from './run-cli.ts';

function migrateInProcess(url: string, schema: string): Promise<{ code: number | null; applied: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test-support/migrate-schema.ts', url, schema],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ code, applied: out.split('\n').filter(Boolean) }) : reject(new Error(err)),
    );
  });
}

test(
  'two server processes starting together on one PostgreSQL database: every migration applied once',
  { skip: POSTGRES_URL ? false : POSTGRES_SKIP_REASON },
  async () => {
    const server = POSTGRES_URL!;
    const schema = `mp_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    // Other tests' schemas are created and dropped under this lock (test-support/databases.ts).
    await admin.query("select pg_advisory_lock_shared(hashtext('gongkai-test-schemas'))");
    await admin.query(`create schema ${schema}`);
    try {
      const url = new URL(server);
      url.searchParams.set('options', `-c search_path=${schema}`);
      assert.equal(schemaOf(url.toString()), schema, 'the schema the URL selects keeps its migrations');
      const [first, second] = await Promise.all([
        migrateInProcess(server, schema),
        migrateInProcess(server, schema),
      ]);
      const all = Object.keys(MIGRATIONS).sort();
      // Between them the two applied every migration, and none twice.
      assert.deepEqual([...first.applied, ...second.applied].sort(), all);
      const recorded = await admin.query<{ name: string }>(
        `select name from ${schema}.kysely_migration order by name`,
      );
      assert.deepEqual(
        recorded.rows.map((r) => r.name),
        all,
      );
    } finally {
      // Dropped holding the lock alone, as the other tests drop theirs.
      await admin.query("select pg_advisory_unlock_shared(hashtext('gongkai-test-schemas'))");
      await admin.query("select pg_advisory_lock(hashtext('gongkai-test-schemas'))");
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  },
);
