/** Numbering of an agency's records (YSQ-2025-00001, DOC-2025-00001, LY-2025-00001): the last in use. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

type NumberedTable = 'request_cases' | 'disclosure_requests' | 'public_documents' | 'public_messages';

/** The highest number in use after `prefix` in `table`, 0 when none: one indexed lookup. */
export async function lastNumberInUse(
  db: Kysely<Database>,
  table: NumberedTable,
  agencyId: string,
  prefix: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('id', 'like', `${prefix}%`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return Number(row?.id.slice(prefix.length)) || 0;
}
