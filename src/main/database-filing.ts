/** The filing service over the database: own reports built from the stored records, audited. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { appendAudit } from '../platform/audit/audit-log.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { buildStoredReport, type ReportFactSource } from '../features/annual-report/index.ts';
import { supervisionRepository } from '../features/supervision/db/supervision-repository.ts';
import { filingService } from '../features/supervision/use-cases/filing-service.ts';
import { databaseFactSource, storedCalendarFor } from './database-fact-source.ts';
import { repliesOfYear } from './reply-counts.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import type { ReplyTimeliness } from '../features/requests/index.ts';

export function databaseFiling(
  db: Kysely<Database>,
  clock: { today: () => IsoDate; now: () => string },
  source: ReportFactSource = databaseFactSource(db),
  /** The cases answered in a year with their timeliness (the server passes its cached calendars). */
  replies: (
    agencyId: string,
    year: number,
  ) => Promise<readonly ReplyTimeliness[] | undefined> = repliesOfYear(
    caseRepository(db),
    storedCalendarFor(db),
  ),
) {
  return filingService({
    store: supervisionRepository(db),
    agencies: agencyRepository(db),
    buildOwnReport: (agency, year, previous) =>
      buildStoredReport(source, {
        agencyId: agency.id,
        agencyName: agency.name,
        year,
        counting: 'filed-in-year',
        ...(previous ? { previous } : {}),
      }),
    replyCounts: async (agencyId, year) => {
      const answered = await replies(agencyId, year);
      return answered && { replied: answered.length, repliedOnTime: answered.filter((r) => r.onTime).length };
    },
    today: clock.today,
    now: clock.now,
    newId: () => randomUUID(),
    audit: (entry) => appendAudit(db, { ...entry, at: clock.now() }),
  });
}
