/**
 * An agency's ledger (台账): its requests, reconsideration and litigation records, normative documents
 * and entered figures. The in-memory fact source of the annual report, used for ledger files; the
 * database has the same in SQL.
 */
import type {
  AgencyFigures,
  CellSelector,
  ProceedingCounting,
  ReportFacts,
} from '../../annual-report/index.ts';
import { isCountedBy, tallyRequests, type DisclosureRequest } from '../../requests/index.ts';
import { isCountedInTable4, tallyProceedings, type Proceeding } from '../../reviews/index.ts';
import {
  isCountedInTable2,
  tallyDocuments,
  type NormativeDocument,
} from '../../proactive-disclosure/index.ts';

export interface Ledger {
  readonly requests: readonly DisclosureRequest[];
  readonly proceedings: readonly Proceeding[];
  readonly documents: readonly NormativeDocument[];
  /** Figures are entered for one year: the ledger's report year. */
  readonly figures: { readonly year: number; readonly values: AgencyFigures } | undefined;
}

export function ledgerFacts(ledger: Ledger, year: number, counting: ProceedingCounting): ReportFacts {
  return {
    requests: tallyRequests(ledger.requests, year),
    proceedings: tallyProceedings(ledger.proceedings, year, counting),
    documents: tallyDocuments(ledger.documents, year),
    figures: ledger.figures?.year === year ? ledger.figures.values : undefined,
  };
}

/** The ids of the records a cell counts; figures have none (they were entered as numbers). */
export function ledgerRecordsBehind(
  ledger: Ledger,
  selector: CellSelector,
  year: number,
  counting: ProceedingCounting,
): string[] {
  switch (selector.source) {
    case 'requests':
      return ledger.requests.filter((r) => isCountedBy(r, selector, year)).map((r) => r.id);
    case 'proceedings':
      return ledger.proceedings
        .filter((p) => isCountedInTable4(p, selector, year, counting))
        .map((p) => p.id);
    case 'documents':
      return ledger.documents.filter((d) => isCountedInTable2(d, selector, year)).map((d) => d.id);
    case 'figures':
      return [];
    default: {
      const never: never = selector;
      throw new Error(`unknown selector ${JSON.stringify(never)}`);
    }
  }
}
