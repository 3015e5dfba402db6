/** The evaluator evidence over the database: each figure from the feature that keeps its records. */
import type { WorkCalendar } from '../shared/domain/work-calendar.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import type { AgencyRepository } from '../features/agencies/index.ts';
import type { ReportFactSource } from '../features/annual-report/index.ts';
import { foldCase, replyTimeliness, type ReplyTimeliness } from '../features/requests/index.ts';
import type { CaseStore } from '../features/requests/use-cases/case-store.ts';
import type { SupervisionRepository } from '../features/supervision/db/supervision-repository.ts';
import { gatherEvidence } from '../features/supervision/use-cases/gather-evidence.ts';
import type { TimelinessReport } from '../features/proactive-disclosure/use-cases/document-service.ts';

export function databaseEvidence(deps: {
  agencies: Pick<AgencyRepository, 'find' | 'ancestors'>;
  cases: CaseStore;
  calendarFor: (agencyId: string) => Promise<WorkCalendar>;
  timeliness: (agencyId: string, year: number) => Promise<TimelinessReport>;
  source: ReportFactSource;
  store: SupervisionRepository;
  today: () => IsoDate;
}) {
  /** The cases answered in the year, each with the deadline it had when answered. */
  const replies = async (agencyId: string, year: number): Promise<ReplyTimeliness[]> => {
    const calendar = await deps.calendarFor(agencyId);
    const closed = (await deps.cases.list(agencyId, { limit: 1_000_000 })).filter((c) =>
      c.completedOn?.startsWith(`${year}-`),
    );
    const out: ReplyTimeliness[] = [];
    for (const summary of closed) {
      const stored = await deps.cases.load(agencyId, summary.id);
      const timeliness = stored && replyTimeliness(foldCase(summary.id, stored.history), calendar);
      if (timeliness) out.push(timeliness);
    }
    return out;
  };
  return (agencyId: string, year: number) =>
    gatherEvidence(
      {
        findAgency: (id) => deps.agencies.find(id),
        ancestors: (id) => deps.agencies.ancestors(id),
        replies,
        publication: async (id, y) => {
          const report = await deps.timeliness(id, y);
          return {
            onTimeShare: report.onTimeShare,
            publishedLate: report.publishedLate.length,
            overdue: report.overdue.length,
          };
        },
        proactive: async (id, y) => deps.source.proactiveActivity?.(id, y),
        store: deps.store,
        today: deps.today,
      },
      agencyId,
      year,
    );
}
