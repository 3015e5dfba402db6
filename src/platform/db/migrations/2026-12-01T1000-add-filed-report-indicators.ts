// Figures a filed report does not print but comparisons and evaluators need (replies answered and
// answered on time), kept with each filed version. Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('filed_reports').addColumn('indicators', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('filed_reports').dropColumn('indicators').execute();
}
