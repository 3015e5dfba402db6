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
import { databaseFactSource } from './database-fact-source.ts';

export function databaseFiling(
  db: Kysely<Database>,
  clock: { today: () => IsoDate; now: () => string },
  source: ReportFactSource = databaseFactSource(db),
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
    today: clock.today,
    now: clock.now,
    newId: () => randomUUID(),
    audit: (entry) => appendAudit(db, { ...entry, at: clock.now() }),
  });
}
