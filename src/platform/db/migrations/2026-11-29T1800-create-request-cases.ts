// Requests handled in gongkai: the append-only history of each case and its current projection (status,
// due date, who applied). The report keeps reading disclosure_requests, which a case fills once received.
// Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_cases')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('applicant', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('query_code_hash', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_cases_pk', ['agency_id', 'id'])
    .execute();
  await db.schema
    .createIndex('request_cases_status_due')
    .on('request_cases')
    .columns(['agency_id', 'status', 'due_on'])
    .execute();

  await db.schema
    .createTable('request_events')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_events_pk', ['agency_id', 'request_id', 'seq'])
    .addForeignKeyConstraint('request_events_case', ['agency_id', 'request_id'], 'request_cases', [
      'agency_id',
      'id',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_events').execute();
  await db.schema.dropTable('request_cases').execute();
}
