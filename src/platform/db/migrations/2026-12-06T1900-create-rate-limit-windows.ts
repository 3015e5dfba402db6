// The per-address limits of the routes that face guessing or abuse (sign-in, the public forms, the
// tracking query) are counted here, not in a server process, so that several processes behind one proxy
// share them: one row per limit and address, the hits in the current window and when it ends (ms since
// the epoch). Rows whose window has ended are removed now and then.
// Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('ends_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_windows_ends')
    .on('rate_limit_windows')
    .column('ends_at_ms')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
