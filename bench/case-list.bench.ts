/**
 * The officer's case list at scale: one agency with N cases (100,000 by default), the first page of the
 * default view (open cases, unconfirmed first, then the soonest due) with its counts per status, against
 * its floor — the bare SQL behind it on the driver: the statement for the page's 50 rows and the one for
 * the counts by status (with the overdue ones) the console shows beside the filters. The rows' statement
 * alone is reported too.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import type { IsoDate } from '../src/shared/domain/iso-date.ts';
import { casePage } from '../src/features/requests/db/case-list-query.ts';
import { agencyRepository } from '../src/features/agencies/index.ts';
import { measure, type Timing } from './measure.ts';

const STATUSES = [
  ['replied', 70],
  ['received', 18],
  ['submitted-unconfirmed', 3],
  ['awaiting-clarification', 3],
  ['awaiting-fee', 2],
  ['consulting-third-party', 2],
  ['withdrawn', 2],
] as const;

export async function seedCaseList(db: Kysely<Database>, count: number): Promise<void> {
  await agencyRepository(db).create({ id: 'list-bench', name: '列表基准局' }, '2026-01-01T00:00:00Z');
  let seed = 11;
  const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const total = STATUSES.reduce((s, [, w]) => s + w, 0);
  await db.transaction().execute(async (tx) => {
    for (let start = 0; start < count; start += 1000) {
      const rows = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        let pick = next() * total;
        const status = STATUSES.find(([, w]) => (pick -= w) < 0)?.[0] ?? 'replied';
        const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const open = status !== 'replied' && status !== 'withdrawn';
        rows.push({
          agency_id: 'list-bench',
          id: `YSQ-2025-${String(i + 1).padStart(6, '0')}`,
          channel: i % 3 === 0 ? 'online' : 'in-person',
          submitted_on: day,
          received_on: status === 'submitted-unconfirmed' ? null : day,
          status,
          due_on:
            open && status !== 'submitted-unconfirmed'
              ? `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`
              : null,
          applicant_type: 'natural',
          applicant: JSON.stringify({ name: `申请人${i % 997}` }),
          description: `申请公开第${i}号文件`,
          outcome: status === 'replied' ? 'r3_1' : status === 'withdrawn' ? 'r3_6_3' : null,
          completed_on: open ? null : day,
          query_code_hash: null,
          event_count: 2,
          updated_at: '2026-01-01T00:00:00Z',
          applicant_key: null,
        });
      }
      await tx.insertInto('request_cases').values(rows).execute();
    }
  });
}

export interface CaseListResult {
  readonly dialect: string;
  readonly cases: number;
  /** The page's rows alone, bare. */
  readonly rows: Timing;
  /** The rows and the counts, bare: the floor. */
  readonly floor: Timing;
  readonly page: Timing;
  readonly ratio: number;
}

export async function benchCaseList(
  db: Kysely<Database>,
  dialect: string,
  cases: number,
  runs: number,
): Promise<CaseListResult> {
  const today = '2026-06-01' as IsoDate;
  const closed = ['replied', 'closed-clarification-overdue', 'closed-fee-overdue', 'withdrawn'];
  // The same rows in the same order, on the driver: the floor.
  const bare = () =>
    sql`select * from request_cases where agency_id = ${'list-bench'} and status not in (${sql.join(closed)})
      order by case when status = 'submitted-unconfirmed' then 0 else 1 end, case when due_on is null then 1 else 0 end, due_on, id
      limit 50`.execute(db);
  const counts = () =>
    sql`select status, count(*) as n, sum(case when due_on < ${today} then 1 else 0 end) as overdue
      from request_cases where agency_id = ${'list-bench'} and status not in (${sql.join(closed)}) group by status`.execute(
      db,
    );
  const rows = await measure(bare, runs);
  const floor = await measure(() => Promise.all([bare(), counts()]), runs);
  const page = await measure(() => casePage(db, 'list-bench', { open: true }, today), runs);
  return { dialect, cases, rows, floor, page, ratio: page.medianMs / floor.medianMs };
}
