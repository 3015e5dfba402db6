/** Numbering of an agency's records (YSQ-2025-00001, DOC-2025-00001, LY-2025-00001): the last in use. */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { Database } from './schema.ts';

type NumberedTable =
  'request_cases' | 'disclosure_requests' | 'public_documents' | 'public_messages' | 'proceedings';

/** The number of an id of the series, 0 when it has none. */
const numberOf = (id: string | null | undefined, prefix: string) => Number(id?.slice(prefix.length)) || 0;

/**
 * The last id of a series sorts last as text until its numbers outgrow their width: 100000 sorts before
 * 99999. A series whose last id as text is all nines (999, 99999) may have gone on past it, so its widest
 * ids are looked at too — reading the whole series, which only an agency that has reached that many
 * records of a year pays.
 */
async function pastTheWidth(
  db: Kysely<Database>,
  table: NumberedTable,
  agencyId: string,
  prefix: string,
  lastAsText: string | null | undefined,
): Promise<number> {
  const last = numberOf(lastAsText, prefix);
  if (!lastAsText || !/^9+$/.test(lastAsText.slice(prefix.length))) return last;
  const ofSeries = () =>
    db.selectFrom(table).where('agency_id', '=', agencyId).where('id', 'like', `${prefix}%`);
  const widest = await ofSeries()
    .select('id')
    .where(sql<number>`length(id)`, '=', ofSeries().select(sql<number>`max(length(id))`.as('width')))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return Math.max(last, numberOf(widest?.id, prefix));
}

/** The highest number in use after `prefix` in `table`, 0 when none: one indexed lookup (see pastTheWidth). */
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
  return pastTheWidth(db, table, agencyId, prefix, row?.id);
}

/**
 * Inside a transaction: waits until no other transaction numbers the same series (PostgreSQL, an
 * advisory lock released at commit), so that concurrent registrations take consecutive numbers instead
 * of colliding. SQLite has one writer at a time already.
 */
export async function lockNumbering(tx: Kysely<Database>, agencyId: string, prefix: string): Promise<void> {
  if (isPostgres(tx))
    await sql`select pg_advisory_xact_lock(hashtext(${`${agencyId}/${prefix}`}))`.execute(tx);
}

export interface NumberSeries {
  readonly agencyId: string;
  readonly prefix: string;
}

/**
 * Inside a transaction: takes the numbering locks of several series at once (PostgreSQL; one statement,
 * in the order of their keys, the order every writer takes them in, so that no two writers each hold a
 * lock the other waits for) and returns the highest number in use in each, per `tables`, in the order
 * given. SQLite has one writer at a time and answers in-process: one lookup per series.
 */
export async function lockAndReadLastNumbers(
  tx: Kysely<Database>,
  tables: readonly NumberedTable[],
  series: readonly NumberSeries[],
): Promise<number[]> {
  if (!isPostgres(tx)) {
    const last: number[] = [];
    for (const s of series) {
      let highest = 0;
      for (const table of tables)
        highest = Math.max(highest, await lastNumberInUse(tx, table, s.agencyId, s.prefix));
      last.push(highest);
    }
    return last;
  }
  const keys = series.map((s) => `${s.agencyId}/${s.prefix}`);
  await sql`select pg_advisory_xact_lock(hashtext(k))
              from (select k from unnest(${keys}::text[]) as k order by k) as ordered`.execute(tx);
  const agencies = series.map((s) => s.agencyId);
  const prefixes = series.map((s) => s.prefix);
  const lookups = tables.map(
    (table) => sql`(select id from ${sql.table(table)} t
                      where t.agency_id = s.agency_id and t.id like s.prefix || '%'
                      order by t.id desc limit 1)`,
  );
  const { rows } = await sql<{ n: number; ids: (string | null)[] }>`
    select s.n, array[${sql.join(lookups)}] as ids
      from unnest(${agencies}::text[], ${prefixes}::text[]) with ordinality as s(agency_id, prefix, n)`.execute(
    tx,
  );
  const last = series.map(() => 0);
  for (const row of rows) {
    const { agencyId, prefix } = series[Number(row.n) - 1]!;
    const numbers = await Promise.all(
      tables.map((table, t) => pastTheWidth(tx, table, agencyId, prefix, row.ids[t])),
    );
    last[Number(row.n) - 1] = Math.max(0, ...numbers);
  }
  return last;
}
