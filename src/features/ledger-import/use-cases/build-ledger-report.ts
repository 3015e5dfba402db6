/**
 * The report of one agency-year from its ledger files, and the records behind any cell of it.
 */
import {
  buildAnnualReport,
  selectorForCell,
  formatOfYear,
  type AnnualReport,
  type CheckContext,
  type ProceedingCounting,
} from '../../annual-report/index.ts';
import { ledgerFacts, ledgerRecordsBehind } from '../domain/ledger.ts';
import type { LedgerProblem } from '../domain/ledger-problem.ts';
import { loadLedger, type LedgerFiles } from './load-ledger.ts';

export interface LedgerReportRequest {
  readonly files: LedgerFiles;
  readonly year: number;
  readonly agencyName: string;
  readonly counting: ProceedingCounting;
  readonly previous?: CheckContext['previous'];
}

export type LedgerReportResult =
  | { readonly ok: true; readonly report: AnnualReport; readonly warnings: readonly LedgerProblem[] }
  | { readonly ok: false; readonly problems: readonly LedgerProblem[] };

export async function buildLedgerReport(request: LedgerReportRequest): Promise<LedgerReportResult> {
  const load = await loadLedger(request.files, request.year);
  if (!load.ok) return load;
  const facts = ledgerFacts(load.ledger, request.year, request.counting);
  const context = request.previous ? { previous: request.previous } : {};
  const report = buildAnnualReport(facts, { year: request.year, agencyName: request.agencyName }, context);
  return { ok: true, report, warnings: load.warnings };
}

export type CellExplanation =
  | {
      readonly ok: true;
      readonly cell: string;
      readonly recordIds: readonly string[];
      readonly source: 'requests' | 'proceedings' | 'documents' | 'figures';
    }
  | { readonly ok: false; readonly code: 'unknown-cell'; readonly cell: string }
  | { readonly ok: false; readonly code: 'ledger-problems'; readonly problems: readonly LedgerProblem[] };

export async function explainLedgerCell(
  files: LedgerFiles,
  year: number,
  cell: string,
  counting: ProceedingCounting,
): Promise<CellExplanation> {
  const selector = selectorForCell(cell, formatOfYear(year));
  if (!selector) return { ok: false, code: 'unknown-cell', cell };
  const load = await loadLedger(files, year);
  if (!load.ok) return { ok: false, code: 'ledger-problems', problems: load.problems };
  return {
    ok: true,
    cell,
    source: selector.source,
    recordIds: ledgerRecordsBehind(load.ledger, selector, year, counting),
  };
}
