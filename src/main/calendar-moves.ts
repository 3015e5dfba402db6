/**
 * What a newly imported holiday notice moves: for every open case of the agencies on the calendar, the
 * reply due date on the calendar before and after the import, and those that changed — so that the
 * office sees which applicants' dates moved (the dates were provisional until then).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { WorkCalendar } from '../shared/domain/work-calendar.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import { foldCase } from '../features/requests/domain/disclosure-case.ts';
import { replyDeadline } from '../features/requests/domain/reply-deadline.ts';
import { loadWorkCalendar, calendarRepository } from '../features/work-calendar/index.ts';

export interface MovedDate {
  readonly agencyId: string;
  readonly caseId: string;
  readonly before: string;
  readonly after: string;
}

const dueOn = (deadline: ReturnType<typeof replyDeadline>) =>
  deadline.kind === 'running' || deadline.kind === 'later-date' ? deadline.dueOn : undefined;

/** The calendars of every jurisdiction in use, as they stand now. */
export async function calendarsInUse(db: Kysely<Database>): Promise<Map<string, WorkCalendar>> {
  const calendars = new Map<string, WorkCalendar>();
  for (const agency of await agencyRepository(db).list()) {
    const jurisdiction = agency.jurisdiction ?? 'CN';
    if (!calendars.has(jurisdiction))
      calendars.set(jurisdiction, await loadWorkCalendar(calendarRepository(db), jurisdiction));
  }
  return calendars;
}

/** The open cases whose reply due date differs between the calendars before and after an import. */
export async function movedDueDates(
  db: Kysely<Database>,
  before: ReadonlyMap<string, WorkCalendar>,
  after: ReadonlyMap<string, WorkCalendar>,
): Promise<MovedDate[]> {
  const store = caseRepository(db);
  const moved: MovedDate[] = [];
  for (const agency of await agencyRepository(db).list()) {
    const jurisdiction = agency.jurisdiction ?? 'CN';
    const old = before.get(jurisdiction);
    const now = after.get(jurisdiction);
    if (!old || !now) continue;
    for (const summary of await store.list(agency.id, { open: true, limit: 100_000 })) {
      const stored = await store.load(agency.id, summary.id);
      if (!stored) continue;
      const state = foldCase(summary.id, stored.history);
      const was = dueOn(replyDeadline(state, old));
      const is = dueOn(replyDeadline(state, now));
      if (was && is && was !== is)
        moved.push({ agencyId: agency.id, caseId: summary.id, before: was, after: is });
    }
  }
  return moved;
}
