// A public application form is submitted once: its submission key (a hash of the nonce the form carried)
// names the case it created, so that a reload or a repeated post shows that case's receipt instead of
// filing a second application. The query code is kept sealed (AES-GCM, the server's secret) for the
// receipt page only, and only the browser that submitted (its form cookie) may read it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_submissions')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('cookie_hash', 'text', (c) => c.notNull())
    .addColumn('sealed_query_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_submissions').execute();
}
