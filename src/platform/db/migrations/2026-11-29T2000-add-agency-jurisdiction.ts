// An agency's jurisdiction decides its working-day calendar (national, or with local holidays such as
// an ethnic autonomous area's). Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agencies')
    .addColumn('jurisdiction', 'text', (c) => c.notNull().defaultTo('CN'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').dropColumn('jurisdiction').execute();
}
