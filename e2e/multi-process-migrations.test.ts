import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { MIGRATIONS } from '../src/platform/db/migrations/index.ts';
import { schemaOf } from '../src/platform/db/database.ts';
import { POSTGRES_SKIP_REASON, POSTGRES_URL } from '../test-support/databases.ts';
import { ROOT } from './run-cli.ts';
import { withScratchSchema } from './scratch-schema.ts';

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
    await withScratchSchema(server, 'mp', async ({ url, sql, schemaName }) => {
      assert.equal(schemaOf(url), schemaName, 'the schema the URL selects keeps its migrations');
      const [first, second] = await Promise.all([
        migrateInProcess(server, schemaName),
        migrateInProcess(server, schemaName),
      ]);
      const all = Object.keys(MIGRATIONS).sort();
      // Between them the two applied every migration, and none twice.
      assert.deepEqual([...first.applied, ...second.applied].sort(), all);
      const recorded = await sql.query<{ name: string }>('select name from kysely_migration order by name');
      assert.deepEqual(
        recorded.rows.map((r) => r.name),
        all,
      );
    });
  },
);
