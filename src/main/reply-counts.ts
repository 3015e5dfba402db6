/**
 * The cases agencies answered in a year, each with the deadline it had when answered — for many agencies
 * at once (a province filed together) or one (its filing, the evaluator's evidence): the same read.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { WorkCalendar } from '../shared/domain/work-calendar.ts';
import { firstDayOfYear, lastDayOfYear } from '../shared/domain/iso-date.ts';
import { chunk } from '../platform/db/report-period.ts';
import { ofOne, perAgencies } from '../platform/db/by-agency.ts';
import { foldCase, replyTimeliness, type ReplyTimeliness } from '../features/requests/index.ts';
import type { RecordedEvent } from '../features/requests/domain/case-events.ts';
import { recordedEventOf } from '../features/requests/db/case-intake.ts';

export interface YearReplies {
  /** undefined when the agency handles no case here (its records came from ledgers, without deadlines). */
  of(agencyId: string, year: number): Promise<ReplyTimeliness[] | undefined>;
  many(agencyIds: readonly string[], year: number): Promise<Map<string, ReplyTimeliness[] | undefined>>;
}

export function yearReplies(
  db: Kysely<Database>,
  calendarFor: (agencyId: string) => Promise<WorkCalendar>,
): YearReplies {
  const many = (agencyIds: readonly string[], year: number) =>
    perAgencies(agencyIds, async (ids) => {
      const handling = await db
        .selectFrom('request_cases')
        .select('agency_id')
        .distinct()
        .where('agency_id', 'in', ids)
        .execute();
      const out = new Map<string, ReplyTimeliness[] | undefined>(ids.map((id) => [id, undefined]));
      for (const { agency_id } of handling) out.set(agency_id, []);
      if (handling.length === 0) return out;
      // Soonest due first, as the case list orders them (NULLs last on both databases).
      const completed = await db
        .selectFrom('request_cases')
        .select(['agency_id', 'id'])
        .where('agency_id', 'in', ids)
        .where('completed_on', '>=', firstDayOfYear(year))
        .where('completed_on', '<=', lastDayOfYear(year))
        .orderBy('agency_id')
        .orderBy(sql`case when due_on is null then 1 else 0 end`)
        .orderBy('due_on')
        .orderBy('id')
        .execute();
      const calendars = new Map<string, WorkCalendar>();
      for (const some of chunk(completed)) {
        const histories = await historiesOf(db, some);
        for (const { agency_id, id } of some) {
          let calendar = calendars.get(agency_id);
          if (!calendar) calendars.set(agency_id, (calendar = await calendarFor(agency_id)));
          const history = histories.get(`${agency_id}\u0000${id}`) ?? [];
          const timeliness = replyTimeliness(foldCase(id, history), calendar);
          if (timeliness) out.get(agency_id)!.push(timeliness);
        }
      }
      return out;
    });
  return { many, of: (agencyId, year) => ofOne(agencyId, (ids) => many(ids, year)) };
}

/** The histories of these cases, keyed by agency and case, each in its order. */
async function historiesOf(
  db: Kysely<Database>,
  cases: ReadonlyArray<{ agency_id: string; id: string }>,
): Promise<Map<string, RecordedEvent[]>> {
  const rows = await db
    .selectFrom('request_events')
    .selectAll()
    .where('agency_id', 'in', [...new Set(cases.map((c) => c.agency_id))])
    .where(
      'request_id',
      'in',
      cases.map((c) => c.id),
    )
    .orderBy('agency_id')
    .orderBy('request_id')
    .orderBy('seq')
    .execute();
  const out = new Map<string, RecordedEvent[]>(cases.map((c) => [`${c.agency_id}\u0000${c.id}`, []]));
  for (const e of rows) out.get(`${e.agency_id}\u0000${e.request_id}`)?.push(recordedEventOf(e));
  return out;
}
