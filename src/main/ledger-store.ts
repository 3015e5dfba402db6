/** The database implementation of LedgerStore: one transaction over every feature's repository. */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { appendAudit } from '../platform/audit/audit-log.ts';
import type { LedgerImportRecord, LedgerStore } from '../features/ledger-import/index.ts';
import type { Ledger } from '../features/ledger-import/domain/ledger.ts';
import { databaseFactSource } from './database-fact-source.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import { proceedingRepository } from '../features/reviews/db/proceeding-repository.ts';
import { normativeDocumentRepository } from '../features/proactive-disclosure/db/normative-document-repository.ts';
import { figuresRepository } from '../features/proactive-disclosure/db/figures-repository.ts';

/** Saving would have changed the figures of a filed year: the transaction is rolled back. */
class LockedYearChanged extends Error {
  constructor(readonly years: number[]) {
    super(`figures of locked years ${years.join(', ')} would change`);
  }
}

const guardedYearsOf = (before: readonly string[], after: readonly string[], years: readonly number[]) =>
  years.filter((_, i) => before[i] !== after[i]);

export function databaseLedgerStore(db: Kysely<Database>): LedgerStore {
  return {
    async saveLedger(ledger, record, guardedYears = []) {
      // The figures of each filed year some record is dated in, before and after: any change rolls back.
      const figuresOf = (tx: Kysely<Database>) =>
        Promise.all(
          guardedYears.map(async (year) => {
            const source = databaseFactSource(tx);
            return JSON.stringify(
              await Promise.all([
                source.tallyRequests(record.agencyId, year),
                source.tallyProceedings(record.agencyId, year, 'filed-in-year'),
                source.tallyProceedings(record.agencyId, year, 'decided-or-pending'),
                source.tallyDocuments(record.agencyId, year),
                source.figures(record.agencyId, year),
              ]),
            );
          }),
        );
      try {
        return await save(ledger, record, figuresOf, guardedYears);
      } catch (error) {
        if (error instanceof LockedYearChanged) return { caseIdsTaken: [], lockedYearsChanged: error.years };
        throw error;
      }
    },
  };

  function save(
    ledger: Ledger,
    record: LedgerImportRecord,
    figuresOf: (tx: Kysely<Database>) => Promise<string[]>,
    guardedYears: readonly number[],
  ) {
    const files = Object.fromEntries(
      Object.entries(record.files)
        .filter(([, v]) => v)
        .map(([k, v]) => [k, basename(v as string)]),
    );
    return db.transaction().execute(async (tx) => {
      const before = await figuresOf(tx);
      const ids = ledger.requests.map((r) => r.id);
      const taken: string[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await tx
          .selectFrom('request_cases')
          .select('id')
          .where('agency_id', '=', record.agencyId)
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        taken.push(...rows.map((r) => r.id));
      }
      if (taken.length > 0) return { caseIdsTaken: taken.sort() };
      await tx
        .insertInto('ledger_imports')
        .values({
          id: record.id,
          agency_id: record.agencyId,
          year: record.year,
          imported_at: record.importedAt,
          imported_by: record.importedBy,
          files: JSON.stringify(files),
          request_count: ledger.requests.length,
          proceeding_count: ledger.proceedings.length,
          document_count: ledger.documents.length,
        })
        .execute();
      await requestRepository(tx).save(record.agencyId, ledger.requests, record.id);
      await proceedingRepository(tx).save(record.agencyId, ledger.proceedings, record.id);
      await normativeDocumentRepository(tx).save(record.agencyId, ledger.documents, record.id);
      if (ledger.figures)
        await figuresRepository(tx).save(
          record.agencyId,
          ledger.figures.year,
          ledger.figures.values,
          record.importedBy,
          record.importedAt,
        );
      await appendAudit(tx, {
        at: record.importedAt,
        actor: record.importedBy,
        action: 'ledger.import',
        agencyId: record.agencyId,
        subject: `ledger_imports/${record.id}`,
        detail: {
          year: record.year,
          files,
          requests: ledger.requests.length,
          proceedings: ledger.proceedings.length,
          documents: ledger.documents.length,
          figures: ledger.figures !== undefined,
        },
      });
      const after = await figuresOf(tx);
      const changed = guardedYearsOf(before, after, guardedYears);
      if (changed.length > 0) throw new LockedYearChanged(changed);
      return { caseIdsTaken: [] };
    });
  }
}
