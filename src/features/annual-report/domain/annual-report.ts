/**
 * 年度报告: the report JSON other tools rely on. `cells` holds every cell id of the format, zeros
 * included; `checks` the results of the consistency rules (勾稽关系).
 */
import type { CellId, ReportFormatId, SectionId } from './report-format.ts';
import type { ProactiveActivity, ProcessingFeeFacts, WorkActivityItem } from './report-facts.ts';

export type Severity = 'error' | 'warning' | 'info';
/** `incomplete`: a cell the rule needs is missing; `not-applicable`: the rule's input is absent (no previous year). */
export type CheckStatus = 'pass' | 'fail' | 'incomplete' | 'not-applicable';

export interface CheckResult {
  /** The rule instance, e.g. `R1.natural`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly status: CheckStatus;
  readonly lhs: number | null;
  readonly rhs: number | null;
  readonly delta: number | null;
  readonly cells: readonly string[];
  /** A sentence in Chinese for the officer. */
  readonly message: string;
}

export interface AnnualReport {
  readonly format: ReportFormatId;
  readonly year: number;
  readonly agency: { readonly name: string };
  readonly cells: Readonly<Record<CellId, number>>;
  /** Free text of the sections, where known (imported reports, or drafted sentences). */
  readonly sections?: Readonly<Partial<Record<SectionId, string>>>;
  readonly checks: readonly CheckResult[];
  /**
   * Of a report filed from a published file: the cells the file did not yield, read from its text and
   * typed by a person (who), so that no one takes them for figures the reader found.
   */
  readonly typedCells?: Readonly<Record<CellId, { readonly value: number; readonly by: string }>>;
  /** 主动公开 activity of the year, when known: drafted into section 一, not part of the JSON. */
  readonly proactive?: ProactiveActivity;
  /** 信息处理费 of the year, when the cases are handled here: drafted into section 六, checked by R10. */
  readonly fees?: ProcessingFeeFacts;
  /** The office's work records of the year, summed: drafted into section 一's parts （三）–（五）. */
  readonly work?: readonly WorkActivityItem[];
}

export function hasErrors(checks: readonly CheckResult[]): boolean {
  return checks.some((c) => c.severity === 'error' && c.status === 'fail');
}
