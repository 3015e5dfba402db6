/**
 * The officer's case list, page by page from the database: search by number, applicant or subject;
 * filters (status, open, overdue, due by a date, channel, outcome, year, handler, awaiting approval); sorting by any column
 * (unconfirmed applications first by default, then the soonest due); the counts per status of the
 * search, so that each filter shows how many it holds.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { RequestStatus } from '../domain/request-status.ts';

export const CASE_SORTS = [
  'due',
  'id',
  'submittedOn',
  'receivedOn',
  'dueOn',
  'status',
  'applicant',
  'completedOn',
  'handler',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CasePageQuery {
  readonly q?: string;
  readonly statuses?: readonly RequestStatus[];
  readonly open?: boolean;
  readonly overdue?: boolean;
  /** Open cases due on or before this day (the service turns "within N working days" into it). */
  readonly dueThrough?: IsoDate;
  readonly channel?: string;
  readonly outcome?: string;
  /** Received (or, unconfirmed, submitted) in this year. */
  readonly year?: number;
  /** Handled by this account (username); the empty string: not yet assigned to anyone. */
  readonly handler?: string;
  /** Only cases with an extension or later date awaiting another person's approval. */
  readonly awaitingApproval?: boolean;
  readonly sort?: CaseSort;
  readonly descending?: boolean;
  readonly page?: number;
  readonly pageSize?: number;
}

const CLOSED = ['replied', 'closed-clarification-overdue', 'closed-fee-overdue', 'withdrawn'];

type CaseQuery = SelectQueryBuilder<Database, 'request_cases', object>;

/** Escapes LIKE wildcards: a search for "100%" finds that text. */
const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function searched(query: CaseQuery, q: string | undefined): CaseQuery {
  const text = q?.trim();
  if (!text) return query;
  const pattern = like(text);
  const idPattern = like(text.toUpperCase());
  // ESCAPE spelled out: SQLite has no default LIKE escape character.
  return query.where(
    sql<boolean>`(id like ${idPattern} escape '\\' or applicant like ${pattern} escape '\\' or description like ${pattern} escape '\\')`,
  );
}

function filtered(query: CaseQuery, filter: CasePageQuery, today: IsoDate, withStatus: boolean): CaseQuery {
  let q = query;
  if (withStatus && filter.statuses?.length) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.open || filter.overdue || filter.dueThrough) q = q.where('status', 'not in', CLOSED);
  if (filter.overdue) q = q.where('due_on', '<', today);
  if (filter.dueThrough) q = q.where('due_on', '<=', filter.dueThrough);
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  if (filter.handler !== undefined)
    q = filter.handler === '' ? q.where('handler', 'is', null) : q.where('handler', '=', filter.handler);
  if (filter.awaitingApproval) q = q.where('awaiting_approval', 'is not', null);
  if (filter.year)
    q = q.where(
      sql<boolean>`coalesce(received_on, submitted_on) between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}`,
    );
  return q;
}

const COLUMN: Readonly<Record<Exclude<CaseSort, 'due'>, string>> = {
  id: 'id',
  submittedOn: 'submitted_on',
  receivedOn: 'received_on',
  dueOn: 'due_on',
  status: 'status',
  applicant: 'applicant',
  completedOn: 'completed_on',
  handler: 'handler_name',
};

function sorted(query: CaseQuery, sort: CaseSort, descending: boolean): CaseQuery {
  if (sort === 'due')
    return query
      .orderBy(sql`case when status = 'submitted-unconfirmed' then 0 else 1 end`)
      .orderBy(sql`case when due_on is null then 1 else 0 end`)
      .orderBy('due_on')
      .orderBy('id');
  const column = sql.ref(COLUMN[sort]);
  // Empty values last, whichever the direction (SQLite and PostgreSQL place NULLs differently).
  return query
    .orderBy(sql`case when ${column} is null then 1 else 0 end`)
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('id', descending ? 'desc' : 'asc');
}

export interface CasePageRows<Row> {
  readonly rows: Row[];
  readonly total: number;
  readonly byStatus: Readonly<Partial<Record<RequestStatus, number>>>;
  readonly overdue: number;
}

export async function casePage(
  db: Kysely<Database>,
  agencyId: string,
  filter: CasePageQuery,
  today: IsoDate,
) {
  const base = searched(db.selectFrom('request_cases').where('agency_id', '=', agencyId), filter.q);
  const pageSize = Math.min(100, Math.max(1, filter.pageSize ?? 50));
  const page = Math.max(1, filter.page ?? 1);
  const [rows, counts] = await Promise.all([
    sorted(filtered(base, filter, today, true).selectAll(), filter.sort ?? 'due', filter.descending ?? false)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    // The counts of the search under the other filters, by status (every status filter shows its
    // number), and of each the overdue ones — one pass over the index.
    filtered(base, filter, today, false)
      .select([
        'status',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        sql<string | number>`sum(case when due_on < ${today} then 1 else 0 end)`.as('overdue'),
      ])
      .groupBy('status')
      .execute(),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<
    Record<RequestStatus, number>
  >;
  const counted = (status: string) =>
    !filter.statuses?.length || filter.statuses.includes(status as RequestStatus);
  const total = counts.filter((c) => counted(c.status)).reduce((sum, c) => sum + Number(c.n), 0);
  const overdue = counts
    .filter((c) => counted(c.status) && !CLOSED.includes(c.status))
    .reduce((sum, c) => sum + Number(c.overdue ?? 0), 0);
  return { rows, total, byStatus, overdue, page, pageSize };
}
