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
import { FORMAT_2019, FORMAT_2021, type CellId, type ReportFormatId } from './report-format.ts';

export type RequestMeasure = 'received' | 'carried-in' | 'carried-out' | 'completed';

export type CellSelector =
  | {
      readonly source: 'requests';
      readonly measure: RequestMeasure;
      /** Only with `completed`: the result row; absent for （七）总计. */
      readonly outcome?: OutcomeRow;
      /** Only with `completed`, in the 2019 format: （六）其他处理 as one row, the three results of 2021. */
      readonly outcomes?: readonly OutcomeRow[];
      /** Absent for the 总计 column. */
      readonly applicantType?: ApplicantType;
    }
  | { readonly source: 'proceedings'; readonly kind: ProceedingKind; readonly status?: ProceedingStatus }
  | {
      readonly source: 'documents';
      readonly kind: NormativeDocumentKind;
      readonly measure: 'made' | 'repealed' | 'in-force';
    }
  | {
      readonly source: 'figures';
      readonly figure: FigureKey;
      /** For `entered2019`: the 2019-format cell the agency entered. */
      readonly cell?: CellId;
    };

/** The figures an agency enters; `entered2019`: a cell of the 2019 format's table 二, by its id. */
export type FigureKey = Exclude<keyof AgencyFigures, 'entered2019'> | 'entered2019';

const ROW_MEASURES: Readonly<Record<string, RequestMeasure>> = {
  r1: 'received',
  r2: 'carried-in',
  r4: 'carried-out',
  r3_7: 'completed',
};
const DOCUMENT_MEASURES = { made: 'made', repealed: 'repealed', in_force: 'in-force' } as const;
const FIGURES: Readonly<Record<string, FigureKey>> = {
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

/** （六）其他处理 of the 2019 format: the three 2021 results it held before they were told apart. */
const OTHER_RESULTS: readonly OutcomeRow[] = ['r3_6_1', 'r3_6_2', 'r3_6_3'];

/**
 * The 2019 format's cells (reports for 2019 and 2020): table 三 as in 2021 but for （六）其他处理 as one
 * row; table 四 the same; table 二's 本年新制作数量 from the register, the rest as the agency entered it
 * (its concepts — 项目数量, 本年增/减, 采购 — are not in the records).
 */
function selector2019(cell: CellId): CellSelector | undefined {
  if (!FORMAT_2019.cellIds.includes(cell)) return undefined;
  const [table, row = '', column = ''] = cell.split('.');
  if (table === 't3' && row === 'r3_6') {
    const byType = isApplicantType(column) ? { applicantType: column } : {};
    return column === 'total' || isApplicantType(column)
      ? { source: 'requests', measure: 'completed', outcomes: OTHER_RESULTS, ...byType }
      : undefined;
  }
  if (table === 't3') return requestSelector(row, column);
  if (table === 't4') return proceedingSelector(row, column);
  if (column === 'new_made') return documentSelector(row, 'made');
  const decisions = { licensing: 'licensing', penalty: 'penalty', coercion: 'coercion' } as const;
  if (column === 'decisions' && row in decisions)
    return { source: 'figures', figure: decisions[row as keyof typeof decisions] };
  return { source: 'figures', figure: 'entered2019', cell };
}

function selector2021(cell: CellId): CellSelector | undefined {
  if (!FORMAT_2021.cellIds.includes(cell)) return undefined;
  const figure = FIGURES[cell];
  if (figure) return { source: 'figures', figure };
  const [table, row = '', column = ''] = cell.split('.');
  if (table === 't3') return requestSelector(row, column);
  if (table === 't4') return proceedingSelector(row, column);
  return documentSelector(row, column);
}

/** Each format's selectors, worked out once (a province builds thousands of reports). */
const SELECTORS: Record<ReportFormatId, Map<CellId, CellSelector | undefined>> = {
  '2021': new Map(),
  '2019': new Map(),
};

/** The selector behind a cell of a format (2021 unless said), or undefined for an id that is not one. */
export function selectorForCell(cell: CellId, format: ReportFormatId = '2021'): CellSelector | undefined {
  const known = SELECTORS[format];
  if (known.has(cell)) return known.get(cell);
  const selector = format === '2019' ? selector2019(cell) : selector2021(cell);
  // Only the format's own cells are kept: an unknown id from outside must not grow the map.
  if (selector) known.set(cell, selector);
  return selector;
}

/** The 2019 format's table 二 cells the agency enters (none of them is in the records). */
export const ENTERED_2019_CELLS: readonly CellId[] = FORMAT_2019.cellIds.filter((cell) => {
  const selector = selector2019(cell);
  return selector?.source === 'figures' && selector.figure === 'entered2019';
});
