/**
 * Cell lineage: which records a generated cell counts. Every cell of the 2021 format maps to one
 * selector; a fact source lists the ids of the records a selector matches.
 */
import { isApplicantType, type ApplicantType } from './applicant-type.ts';
import { isOutcomeRow, type OutcomeRow } from './outcome-row.ts';
import {
  PROCEEDING_KINDS,
  PROCEEDING_RESULTS,
  type NormativeDocumentKind,
  type ProceedingKind,
  type ProceedingStatus,
  type AgencyFigures,
} from './report-facts.ts';
import { FORMAT_2021, type CellId } from './report-format.ts';

export type RequestMeasure = 'received' | 'carried-in' | 'carried-out' | 'completed';

export type CellSelector =
  | {
      readonly source: 'requests';
      readonly measure: RequestMeasure;
      /** Only with `completed`: the result row; absent for （七）总计. */
      readonly outcome?: OutcomeRow;
      /** Absent for the 总计 column. */
      readonly applicantType?: ApplicantType;
    }
  | { readonly source: 'proceedings'; readonly kind: ProceedingKind; readonly status?: ProceedingStatus }
  | {
      readonly source: 'documents';
      readonly kind: NormativeDocumentKind;
      readonly measure: 'made' | 'repealed' | 'in-force';
    }
  | { readonly source: 'figures'; readonly figure: keyof AgencyFigures };

const ROW_MEASURES: Readonly<Record<string, RequestMeasure>> = {
  r1: 'received',
  r2: 'carried-in',
  r4: 'carried-out',
  r3_7: 'completed',
};
const DOCUMENT_MEASURES = { made: 'made', repealed: 'repealed', in_force: 'in-force' } as const;
const FIGURES: Readonly<Record<string, keyof AgencyFigures>> = {
  't2.licensing.decisions': 'licensing',
  't2.penalty.decisions': 'penalty',
  't2.coercion.decisions': 'coercion',
  't2.admin_fees.amount_wan': 'adminFeesWan',
};

function requestSelector(row: string, column: string): CellSelector | undefined {
  const applicantType = isApplicantType(column) ? column : undefined;
  if (!applicantType && column !== 'total') return undefined;
  const byType = applicantType ? { applicantType } : {};
  const measure = ROW_MEASURES[row];
  if (measure) return { source: 'requests', measure, ...byType };
  if (isOutcomeRow(row)) return { source: 'requests', measure: 'completed', outcome: row, ...byType };
  return undefined;
}

function proceedingSelector(row: string, column: string): CellSelector | undefined {
  const kind = PROCEEDING_KINDS.find((k) => k === row);
  if (!kind) return undefined;
  if (column === 'total') return { source: 'proceedings', kind };
  const status = [...PROCEEDING_RESULTS, 'pending' as const].find((s) => s === column);
  return status ? { source: 'proceedings', kind, status } : undefined;
}

function documentSelector(row: string, column: string): CellSelector | undefined {
  const kind = row === 'regulations' ? 'regulation' : row === 'normative_docs' ? 'normative_doc' : undefined;
  const measure = DOCUMENT_MEASURES[column as keyof typeof DOCUMENT_MEASURES];
  return kind && measure ? { source: 'documents', kind, measure } : undefined;
}

/** The selector behind a cell of the 2021 format, or undefined for an id that is not one. */
export function selectorForCell(cell: CellId): CellSelector | undefined {
  if (!FORMAT_2021.cellIds.includes(cell)) return undefined;
  const figure = FIGURES[cell];
  if (figure) return { source: 'figures', figure };
  const [table, row = '', column = ''] = cell.split('.');
  if (table === 't3') return requestSelector(row, column);
  if (table === 't4') return proceedingSelector(row, column);
  return documentSelector(row, column);
}
