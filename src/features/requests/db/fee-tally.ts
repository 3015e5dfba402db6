/**
 * 信息处理费 of a year from the cases' histories: fee notices issued (by the day issued), fees paid,
 * waived, and applications closed for an unpaid fee (by the day each happened). Known only where the
 * agency handles its cases here: without a case of the year there is nothing to say (a ledger agency).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { ProcessingFeeFacts } from '../../annual-report/index.ts';
import { ofOne, perAgencies } from '../../../platform/db/by-agency.ts';

const FEE_EVENTS = ['fee-notice-issued', 'fee-paid', 'fee-waived', 'fee-lapsed'] as const;

export async function feeTally(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<ProcessingFeeFacts | undefined> {
  return ofOne(agencyId, (ids) => feeTallyMany(db, ids, year));
}

/** Each agency's fees of the year; undefined for an agency without a case of the year here. */
export function feeTallyMany(
  db: Kysely<Database>,
  agencyIds: readonly string[],
  year: number,
): Promise<Map<string, ProcessingFeeFacts | undefined>> {
  const [from, through] = [`${year}-01-01`, `${year}-12-31`];
  return perAgencies(agencyIds, async (ids) => {
    const withCases = await db
      .selectFrom('request_cases')
      .select('agency_id')
      .distinct()
      .where('agency_id', 'in', ids)
      .where(sql<boolean>`coalesce(received_on, submitted_on) between ${from} and ${through}`)
      .execute();
    const out = new Map<string, ProcessingFeeFacts | undefined>(ids.map((id) => [id, undefined]));
    if (withCases.length === 0) return out;
    const facts = new Map(withCases.map((r) => [r.agency_id, noFees()]));
    const rows = await db
      .selectFrom('request_events')
      .select(['agency_id', 'type', 'event'])
      .where('agency_id', 'in', [...facts.keys()])
      .where('type', 'in', [...FEE_EVENTS])
      .execute();
    for (const row of rows) count(facts.get(row.agency_id)!, row, from, through);
    for (const [id, of] of facts) out.set(id, of);
    return out;
  });
}

const noFees = () => ({
  noticesIssued: 0,
  noticedYuan: 0,
  paidCount: 0,
  paidYuan: 0,
  waivedCount: 0,
  lapsedCount: 0,
});

function count(
  facts: ReturnType<typeof noFees>,
  row: { type: string; event: string },
  from: string,
  through: string,
): void {
  const event = JSON.parse(row.event) as { on?: string; issuedOn?: string; amountYuan?: number };
  const on = row.type === 'fee-notice-issued' ? event.issuedOn : event.on;
  if (!on || on < from || on > through) return;
  switch (row.type) {
    case 'fee-notice-issued':
      facts.noticesIssued++;
      facts.noticedYuan += event.amountYuan ?? 0;
      break;
    case 'fee-paid':
      facts.paidCount++;
      facts.paidYuan += event.amountYuan ?? 0;
      break;
    case 'fee-waived':
      facts.waivedCount++;
      break;
    case 'fee-lapsed':
      facts.lapsedCount++;
      break;
  }
}
