/** The cases an agency answered in a year, each with the deadline it had when answered. */
import type { WorkCalendar } from '../shared/domain/work-calendar.ts';
import { foldCase, replyTimeliness, type ReplyTimeliness } from '../features/requests/index.ts';
import type { CaseStore } from '../features/requests/use-cases/case-store.ts';

/** undefined when the agency handles no case here (its records came from ledgers, without deadlines). */
export function repliesOfYear(cases: CaseStore, calendarFor: (agencyId: string) => Promise<WorkCalendar>) {
  return async (agencyId: string, year: number): Promise<ReplyTimeliness[] | undefined> => {
    const all = await cases.list(agencyId, { limit: 1_000_000 });
    if (all.length === 0) return undefined;
    const calendar = await calendarFor(agencyId);
    const out: ReplyTimeliness[] = [];
    for (const summary of all.filter((c) => c.completedOn?.startsWith(`${year}-`))) {
      const stored = await cases.load(agencyId, summary.id);
      const timeliness = stored && replyTimeliness(foldCase(summary.id, stored.history), calendar);
      if (timeliness) out.push(timeliness);
    }
    return out;
  };
}
