/** Numbering of an agency's records (YSQ-2025-00001, DOC-2025-00001, LY-2025-00001): the last in use. */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

type NumberedTable =
  'request_cases' | 'disclosure_requests' | 'public_documents' | 'public_messages' | 'proceedings';

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

/**
 * Inside a transaction: waits until no other transaction numbers the same series (PostgreSQL, an
 * advisory lock released at commit), so that concurrent registrations take consecutive numbers instead
 * of colliding. SQLite has one writer at a time already.
 */
export async function lockNumbering(tx: Kysely<Database>, agencyId: string, prefix: string): Promise<void> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext(${`${agencyId}/${prefix}`}))`.execute(tx);
}
