// The public status page finds an application by its number and query code alone (the applicant need
// not know which agency's list to pick): an index on the query code's hash. Frozen once merged.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('request_cases_query_code_hash')
    .on('request_cases')
    .column('query_code_hash')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('request_cases_query_code_hash').execute();
}
