/** The cases an agency answered in a year, each with the deadline it had when answered. */
import type { WorkCalendar } from '../shared/domain/work-calendar.ts';
import { firstDayOfYear, lastDayOfYear } from '../shared/domain/iso-date.ts';
import { foldCase, replyTimeliness, type ReplyTimeliness } from '../features/requests/index.ts';
import type { CaseStore } from '../features/requests/use-cases/case-store.ts';

/** undefined when the agency handles no case here (its records came from ledgers, without deadlines). */
export function repliesOfYear(cases: CaseStore, calendarFor: (agencyId: string) => Promise<WorkCalendar>) {
  return async (agencyId: string, year: number): Promise<ReplyTimeliness[] | undefined> => {
    if ((await cases.list(agencyId, { limit: 1 })).length === 0) return undefined;
    const completed = await cases.list(agencyId, {
      completedFrom: firstDayOfYear(year),
      completedThrough: lastDayOfYear(year),
      limit: 1_000_000,
    });
    const calendar = await calendarFor(agencyId);
    const out: ReplyTimeliness[] = [];
    for (const summary of completed) {
      const stored = await cases.load(agencyId, summary.id);
      const timeliness = stored && replyTimeliness(foldCase(summary.id, stored.history), calendar);
      if (timeliness) out.push(timeliness);
    }
    return out;
  };
}
