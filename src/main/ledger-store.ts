/** The database implementation of LedgerStore: one transaction over every feature's repository. */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { appendAudit } from '../platform/audit/audit-log.ts';
import type { LedgerStore } from '../features/ledger-import/index.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import { proceedingRepository } from '../features/reviews/db/proceeding-repository.ts';
import { normativeDocumentRepository } from '../features/proactive-disclosure/db/normative-document-repository.ts';
import { figuresRepository } from '../features/proactive-disclosure/db/figures-repository.ts';

export function databaseLedgerStore(db: Kysely<Database>): LedgerStore {
  return {
    async saveLedger(ledger, record) {
      const files = Object.fromEntries(
        Object.entries(record.files)
          .filter(([, v]) => v)
          .map(([k, v]) => [k, basename(v as string)]),
      );
      return db.transaction().execute(async (tx) => {
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
        return { caseIdsTaken: [] };
      });
    },
  };
}
