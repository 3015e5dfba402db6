// Each letter a case issues (a reply, a notice, a consultation letter…) has its 文号: the agency's
// series for the letter's year, numbered without gaps. A number is taken in the transaction that records
// the step, and never given to another letter. Letters of steps recorded before this table take theirs
// the first time they are drafted.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('letter_references')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_references_pk', ['agency_id', 'year', 'number'])
    .addUniqueConstraint('letter_references_letter', ['agency_id', 'request_id', 'event_seq', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('letter_references').execute();
}
