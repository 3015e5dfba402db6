// Writes the schema every migration produces, per dialect, to src/platform/db/schema/ so a reviewer sees
// the effect of a migration. Run after adding one: node --import tsx scripts/dump-schema.ts
// (PostgreSQL needs TEST_DATABASE_URL and pg_dump on the PATH).
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { freshPostgres, freshSqlite } from '../test-support/databases.ts';
import { sqliteSchemaText } from '../test-support/sqlite-schema.ts';

const target = new URL('../src/platform/db/schema/', import.meta.url);

const sqlite = await freshSqlite();
writeFileSync(new URL('sqlite.sql', target), await sqliteSchemaText(sqlite.db));
await sqlite.close();

if (process.env.TEST_DATABASE_URL) {
  const postgres = await freshPostgres();
  const schema = new URL(postgres.url).searchParams.get('options')?.split('=')[1] ?? '';
  const dump = execFileSync(
    'pg_dump',
    ['--schema-only', '--no-owner', '--no-privileges', '-n', schema, process.env.TEST_DATABASE_URL],
    { encoding: 'utf8' },
  );
  const cleaned = dump
    .split('\n')
    .filter(
      (line) =>
        !line.startsWith('--') &&
        !line.startsWith('SET ') &&
        !line.startsWith('SELECT pg_catalog') &&
        !/^\\(un)?restrict/.test(line),
    )
    .join('\n')
    .replaceAll(`${schema}.`, '')
    .replace(/CREATE SCHEMA \w+;\n/, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  writeFileSync(new URL('postgres.sql', target), cleaned + '\n');
  await postgres.close();
}
console.log('schema dumps written');
