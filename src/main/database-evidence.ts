/** The evaluator evidence over the database: each figure from the feature that keeps its records. */
import type { IsoDate } from '../shared/domain/iso-date.ts';
import type { AgencyRepository } from '../features/agencies/index.ts';
import type { ReportFactSource } from '../features/annual-report/index.ts';
import type { ReplyTimeliness } from '../features/requests/index.ts';
import type { SupervisionRepository } from '../features/supervision/db/supervision-repository.ts';
import { gatherEvidence } from '../features/supervision/use-cases/gather-evidence.ts';
import type { TimelinessReport } from '../features/proactive-disclosure/use-cases/document-service.ts';

export function databaseEvidence(deps: {
  agencies: Pick<AgencyRepository, 'find' | 'ancestors'>;
  /** The cases answered in a year (the same function the filings use). */
  replies: (agencyId: string, year: number) => Promise<readonly ReplyTimeliness[] | undefined>;
  timeliness: (agencyId: string, year: number) => Promise<TimelinessReport>;
  source: ReportFactSource;
  store: SupervisionRepository;
  today: () => IsoDate;
}) {
  return (agencyId: string, year: number) =>
    gatherEvidence(
      {
        findAgency: (id) => deps.agencies.find(id),
        ancestors: (id) => deps.agencies.ancestors(id),
        replies: async (id, y) => (await deps.replies(id, y)) ?? [],
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
