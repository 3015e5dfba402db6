/**
 * The figures the comparison views put side by side — applications, the outcome mix, reconsiderations,
 * lawsuits and corrected outcomes — read from a filed report's cells in either format, and the report's
 * written text (for the share repeated from the year before).
 */
import { draftNarrative, reportFormat, type AnnualReport } from '../../annual-report/index.ts';

export const OUTCOME_GROUPS = [
  ['r3_1', '予以公开'],
  ['r3_2', '部分公开'],
  ['r3_3', '不予公开'],
  ['r3_4', '无法提供'],
  ['r3_5', '不予处理'],
  ['r3_6', '其他处理'],
] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number][0];

export interface ComparedFigures {
  readonly applications: number;
  readonly carriedIn: number;
  readonly completed: number;
  readonly carriedOut: number;
  readonly outcomes: Readonly<Record<OutcomeGroup, number>>;
  readonly reconsiderations: number;
  readonly lawsuits: number;
  /** Reconsiderations and lawsuits whose result corrected the agency (结果纠正). */
  readonly corrected: number;
}

export function comparedFigures(report: Pick<AnnualReport, 'format' | 'cells'>): ComparedFigures {
  const cell = (id: string) => report.cells[id] ?? 0;
  const leaves = reportFormat(report.format).resultLeafRows;
  const outcomes = Object.fromEntries(
    OUTCOME_GROUPS.map(([group]) => [
      group,
      leaves
        .filter((row) => row === group || row.startsWith(`${group}_`))
        .reduce((s, row) => s + cell(`t3.${row}.total`), 0),
    ]),
  ) as Record<OutcomeGroup, number>;
  return {
    applications: cell('t3.r1.total'),
    carriedIn: cell('t3.r2.total'),
    completed: cell('t3.r3_7.total'),
    carriedOut: cell('t3.r4.total'),
    outcomes,
    reconsiderations: cell('t4.review.total'),
    lawsuits: cell('t4.lit_direct.total') + cell('t4.lit_after_review.total'),
    corrected:
      cell('t4.review.corrected') + cell('t4.lit_direct.corrected') + cell('t4.lit_after_review.corrected'),
  };
}

/** The text the agency published: its written sections, else the sentences drafted from the records. */
export function writtenText(report: AnnualReport): string {
  const drafted = draftNarrative(report);
  return (['s1', 's5', 's6'] as const)
    .map(
      (id) =>
        report.sections?.[id] ??
        drafted[id]
          .filter((p) => p.kind === 'generated')
          .map((p) => p.text)
          .join('\n'),
    )
    .join('\n');
}
