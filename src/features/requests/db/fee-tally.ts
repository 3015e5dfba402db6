/**
 * 信息处理费 of a year from the cases' histories: fee notices issued (by the day issued), fees paid,
 * waived, and applications closed for an unpaid fee (by the day each happened). Known only where the
 * agency handles its cases here: without a case of the year there is nothing to say (a ledger agency).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { ProcessingFeeFacts } from '../../annual-report/index.ts';

const FEE_EVENTS = ['fee-notice-issued', 'fee-paid', 'fee-waived', 'fee-lapsed'] as const;

export async function feeTally(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<ProcessingFeeFacts | undefined> {
  const [from, through] = [`${year}-01-01`, `${year}-12-31`];
  const cases = await db
    .selectFrom('request_cases')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where(sql<boolean>`coalesce(received_on, submitted_on) between ${from} and ${through}`)
    .executeTakeFirst();
  if (Number(cases?.n ?? 0) === 0) return undefined;
  const rows = await db
    .selectFrom('request_events')
    .select(['type', 'event'])
    .where('agency_id', '=', agencyId)
    .where('type', 'in', [...FEE_EVENTS])
    .execute();
  const facts = {
    noticesIssued: 0,
    noticedYuan: 0,
    paidCount: 0,
    paidYuan: 0,
    waivedCount: 0,
    lapsedCount: 0,
  };
  for (const row of rows) {
    const event = JSON.parse(row.event) as { on?: string; issuedOn?: string; amountYuan?: number };
    const on = row.type === 'fee-notice-issued' ? event.issuedOn : event.on;
    if (!on || on < from || on > through) continue;
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
  return facts;
}
