// The same applicant for the monthly fee tiers is the same identity document number (the name only
// where there is none): a hashed key per case, filled in from each case's first event. Frozen: the
// identity rule is written out again below on purpose.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

function key(applicant: { name?: string; idNumber?: string }): string {
  const id = applicant.idNumber?.replace(/[\s-]/g, '').toUpperCase();
  const identity = id ? `id:${id}` : `name:${(applicant.name ?? '').trim()}`;
  return createHash('sha256').update(identity).digest('hex');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_cases').addColumn('applicant_key', 'text').execute();
  const first = (
    await sql<{ agency_id: string; request_id: string; event: string }>`select agency_id, request_id, event
      from request_events where seq = 1`.execute(db)
  ).rows;
  for (const row of first) {
    const applicant = (JSON.parse(row.event) as { applicant?: { name?: string; idNumber?: string } })
      .applicant;
    if (!applicant) continue;
    await sql`update request_cases set applicant_key = ${key(applicant)}
      where agency_id = ${row.agency_id} and id = ${row.request_id}`.execute(db);
  }
  await db.schema
    .createIndex('request_cases_applicant_key')
    .on('request_cases')
    .columns(['agency_id', 'applicant_key', 'received_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('request_cases_applicant_key').execute();
  await db.schema.alterTable('request_cases').dropColumn('applicant_key').execute();
}
