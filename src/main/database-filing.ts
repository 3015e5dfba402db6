/** The filing service over the database: own reports built from the stored records, audited. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { appendAudit, appendAuditEntries } from '../platform/audit/audit-log.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import {
  buildStoredReport,
  buildStoredReports,
  type ReportFactSource,
} from '../features/annual-report/index.ts';
import { supervisionRepository } from '../features/supervision/db/supervision-repository.ts';
import { filingService } from '../features/supervision/use-cases/filing-service.ts';
import { filedEntry } from '../features/supervision/use-cases/records-filing.ts';
import { databaseFactSource, storedCalendarFor } from './database-fact-source.ts';
import { yearReplies, type YearReplies } from './reply-counts.ts';
import type { ReplyTimeliness } from '../features/requests/index.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';

const countsOf = (answered: readonly ReplyTimeliness[] | undefined) =>
  answered && { replied: answered.length, repliedOnTime: answered.filter((r) => r.onTime).length };

export function databaseFiling(
  db: Kysely<Database>,
  clock: { today: () => IsoDate; now: () => string },
  source: ReportFactSource = databaseFactSource(db),
  /** The cases answered in a year with their timeliness (the server passes its cached calendars). */
  replies: YearReplies = yearReplies(db, storedCalendarFor(db)),
  /** How many agencies a tree's filing takes together (tests make the parts small). */
  parts: { leavesPerPart?: number } = {},
) {
  const store = supervisionRepository(db);
  return filingService({
    ...parts,
    store,
    agencies: agencyRepository(db),
    buildOwnReport: (agency, year, previous) =>
      buildStoredReport(source, {
        agencyId: agency.id,
        agencyName: agency.name,
        year,
        counting: 'filed-in-year',
        ...(previous ? { previous } : {}),
      }),
    buildOwnReports: (agencies, year, previous, known) =>
      buildStoredReports(source, agencies, year, 'filed-in-year', previous, known),
    requestTalliesMany: (agencyIds, year) => requestRepository(db).tallyMany(agencyIds, year),
    replyCounts: async (agencyId, year) => countsOf(await replies.of(agencyId, year)),
    replyCountsMany: async (agencyIds, year) =>
      new Map([...(await replies.many(agencyIds, year))].map(([id, answered]) => [id, countsOf(answered)])),
    fileTogether: (filings) =>
      store.fileMany(filings, (trx, stored) =>
        appendAuditEntries(
          trx,
          stored.map(({ filed, correctionId }) => ({ ...filedEntry(filed, correctionId), at: clock.now() })),
        ),
      ),
    today: clock.today,
    now: clock.now,
    newId: () => randomUUID(),
    audit: (entry) => appendAudit(db, { ...entry, at: clock.now() }),
  });
}
