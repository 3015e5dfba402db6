import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { freshSqlite } from '../../../test-support/databases.ts';
import { sqliteSchemaText } from '../../../test-support/sqlite-schema.ts';

test('the SQLite schema dump a reviewer reads is the schema the migrations make (rerun scripts/dump-schema.ts)', async () => {
  const handle = await freshSqlite();
  const made = await sqliteSchemaText(handle.db);
  await handle.close();
  assert.equal(readFileSync(new URL('schema/sqlite.sql', import.meta.url), 'utf8'), made);
});
