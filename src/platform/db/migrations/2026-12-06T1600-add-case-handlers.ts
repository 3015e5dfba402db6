// Who handles a case, and what of it waits for another person's approval (an extension or a later
// date, where the agency separates duties): kept on the list's row so that the officer's filter and
// the approver's queue are one indexed query. Both start empty: no earlier case was assigned or asked.
// Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_cases').addColumn('handler', 'text').execute();
  await db.schema.alterTable('request_cases').addColumn('handler_name', 'text').execute();
  await db.schema.alterTable('request_cases').addColumn('awaiting_approval', 'text').execute();
  await db.schema
    .createIndex('request_cases_handler')
    .on('request_cases')
    .columns(['agency_id', 'handler'])
    .execute();
  await db.schema
    .createIndex('request_cases_awaiting_approval')
    .on('request_cases')
    .columns(['agency_id', 'awaiting_approval'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('request_cases_awaiting_approval').execute();
  await db.schema.dropIndex('request_cases_handler').execute();
  for (const column of ['awaiting_approval', 'handler_name', 'handler'])
    await db.schema.alterTable('request_cases').dropColumn(column).execute();
}
