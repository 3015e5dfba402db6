/**
 * A case's events anchored in the audit log (platform/audit/record-anchors.ts): each event row's hash
 * is written in the same transaction as the row, and `audit-log verify` compares them.
 */
import type { Kysely } from 'kysely';
import type { Database, RequestEventTable } from '../../../platform/db/schema.ts';
import { recordHash, type RecordAnchor, type StoredRecord } from '../../../platform/audit/record-anchors.ts';

export const CASE_EVENT_ACTION = 'case-event';

type EventRow = Pick<
  RequestEventTable,
  'agency_id' | 'request_id' | 'seq' | 'at' | 'actor' | 'reason' | 'type' | 'event'
>;

const keyOf = (row: Pick<EventRow, 'request_id' | 'seq'>) => `${row.request_id}#${Number(row.seq)}`;

function hashOf(row: EventRow): string {
  return recordHash([
    row.agency_id,
    row.request_id,
    Number(row.seq),
    row.at,
    row.actor,
    row.reason,
    row.type,
    row.event,
  ]);
}

export function caseEventAnchor(row: EventRow): RecordAnchor {
  return {
    action: CASE_EVENT_ACTION,
    agencyId: row.agency_id,
    key: keyOf(row),
    at: row.at,
    actor: row.actor,
    hash: hashOf(row),
    what: row.type,
  };
}

/** Every event row as stored now, a page at a time, for verification. */
export async function* storedCaseEvents(db: Kysely<Database>): AsyncIterable<StoredRecord[]> {
  let after: [string, string, number] = ['', '', 0];
  for (;;) {
    const [agency, request, seq] = after;
    const rows = await db
      .selectFrom('request_events')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('agency_id', '>', agency),
          eb.and([eb('agency_id', '=', agency), eb('request_id', '>', request)]),
          eb.and([eb('agency_id', '=', agency), eb('request_id', '=', request), eb('seq', '>', seq)]),
        ]),
      )
      .orderBy('agency_id')
      .orderBy('request_id')
      .orderBy('seq')
      .limit(5_000)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((row) => ({ agencyId: row.agency_id, key: keyOf(row), hash: hashOf(row) }));
    const last = rows.at(-1)!;
    after = [last.agency_id, last.request_id, Number(last.seq)];
    if (rows.length < 5_000) return;
  }
}
