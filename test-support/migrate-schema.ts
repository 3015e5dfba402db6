/**
 * `node --import tsx test-support/migrate-schema.ts <postgres-url> <schema>`: migrates one schema to the
 * latest version and prints the names of the migrations this process applied (one per line) — a second
 * server starting at the same moment, for the multi-process test.
 */
import { migrateToLatest, openDatabase } from '../src/platform/db/database.ts';

const [url, schema] = process.argv.slice(2);
if (!url || !schema) throw new Error('usage: migrate-schema.ts <postgres-url> <schema>');
const address = new URL(url);
address.searchParams.set('options', `-c search_path=${schema}`);
const handle = openDatabase(address.toString());
try {
  const result = await migrateToLatest(handle.db, { schema });
  for (const applied of result.results ?? [])
    if (applied.status === 'Success') console.log(applied.migrationName);
} finally {
  await handle.close();
}
