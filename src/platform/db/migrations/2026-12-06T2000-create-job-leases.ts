// Work that one server process does for all of them (the hourly sweep of lapsed periods): who holds it
// (a process, until its lease ends unless renewed) and when it last finished, so that with several
// processes on one database one runs it at a time, and another takes it over when that one dies.
// Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('lease_ends_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('finished_at_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
}
