// Supervision of the year's reports: each agency's level (for the season's deadlines), the reporting
// seasons a supervising office opens, the reports agencies file (every version kept), the corrections
// that re-open a filed year, and the reminders sent. Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agencies')
    .addColumn('level', 'text', (c) => c.notNull().defaultTo('department'))
    .execute();
  await db.schema
    .createTable('reporting_seasons')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('deadlines', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reporting_seasons_pk', ['agency_id', 'year'])
    .execute();
  await db.schema
    .createTable('filed_reports')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('explanations', 'text', (c) => c.notNull())
    .addColumn('children', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text')
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('reopened_at', 'text')
    .addPrimaryKeyConstraint('filed_reports_pk', ['agency_id', 'year', 'version'])
    .execute();
  await db.schema
    .createIndex('filed_reports_by_year')
    .on('filed_reports')
    .columns(['year', 'agency_id'])
    .execute();
  await db.schema
    .createTable('report_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('refiled_version', 'integer')
    .execute();
  await db.schema
    .createIndex('report_corrections_by_agency_year')
    .on('report_corrections')
    .columns(['agency_id', 'year'])
    .execute();
  await db.schema
    .createTable('season_reminders')
    .addColumn('season_agency_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('season_reminders_by_season')
    .on('season_reminders')
    .columns(['season_agency_id', 'year', 'agency_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('season_reminders').execute();
  await db.schema.dropTable('report_corrections').execute();
  await db.schema.dropTable('filed_reports').execute();
  await db.schema.dropTable('reporting_seasons').execute();
  await db.schema.alterTable('agencies').dropColumn('level').execute();
}
