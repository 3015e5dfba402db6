/**
 * Across a batch: each report's 上年结转 against the 结转下年度继续办理 of the same agency's report of the
 * year before, when both are in the batch (R6 on the totals; the rows hold the totals, so a resumed batch
 * is checked whole). Agencies are matched by the name their titles state (agencyKey); a pair is
 * only made where both totals were read. And the files that report the same agency's same year.
 */
import type { BatchRow } from './batch-row.ts';

export interface CarryMismatch {
  readonly agency: string;
  readonly year: number;
  /** This year's 上年结转 (总计). */
  readonly carriedIn: number;
  /** Last year's 结转下年度继续办理 (总计). */
  readonly carriedOutBefore: number;
  readonly file: string;
  readonly previousFile: string;
}

export interface CarryAcrossYears {
  /** Pairs of reports of one agency in consecutive years, both totals read. */
  readonly pairs: number;
  readonly mismatches: readonly CarryMismatch[];
}

/** A report's figures compared between files of one agency and year (the totals a batch row holds). */
const FIGURES = ['received', 'carried_in', 'completed', 'carried_out', 'reviews', 'lawsuits'] as const;

/** The figures as the report names them. */
export const FIGURE_NAMES: Readonly<Record<(typeof FIGURES)[number], string>> = {
  received: '本年新收',
  carried_in: '上年结转',
  completed: '本年办结',
  carried_out: '结转下年度',
  reviews: '行政复议',
  lawsuits: '行政诉讼',
};

/** What differs between the files of one agency's year, in words: 本年新收 17/95、上年结转 4/5. */
export const differingText = (same: SameYearReports) =>
  same.differing.map((d) => `${FIGURE_NAMES[d.figure]} ${d.values.join('/')}`).join('、');

export interface SameYearReports {
  readonly agency: string;
  readonly year: number;
  /** Every file in the batch reporting the agency's year (a page and its PDF, a report republished). */
  readonly files: readonly string[];
  /** The figures the files give differently, each with the values given; none: one report, several files. */
  readonly differing: ReadonlyArray<{ readonly figure: (typeof FIGURES)[number]; readonly values: number[] }>;
}

/**
 * An agency as titles name it, for matching: white space and a bracketed addition aside (平潭综合实验区 and
 * 平潭综合实验区（管委会） are the same agency in two titles).
 */
export const agencyKey = (name: string) =>
  name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)/g, '');

/** An agency's year in a batch (`year`: another year of the same agency). */
export const yearKey = (row: BatchRow, year = Number(row.year)) => `${agencyKey(row.agency)}|${year}`;

/** The batch's read reports by agency (as its title names it, white space aside) and year. */
function byAgencyYear(rows: readonly BatchRow[]): Map<string, BatchRow[]> {
  const groups = new Map<string, BatchRow[]>();
  for (const row of rows) {
    if (row.problem || !row.agency || !/^\d{4}$/.test(row.year)) continue;
    const key = yearKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The distinct values a figure is read as across files, each with the first file giving it. */
function valuesOf(group: readonly BatchRow[], figure: (typeof FIGURES)[number]): Map<number, string> {
  const values = new Map<number, string>();
  for (const row of group)
    if (row[figure] !== '' && !values.has(Number(row[figure]))) values.set(Number(row[figure]), row.file);
  return values;
}

/**
 * One agency's year reported by more than one file of the batch: the same report in two forms when their
 * figures agree, else two reports that say different things (a figure read in one file and not in the
 * other is no difference).
 */
export function sameAgencyYear(rows: readonly BatchRow[]): SameYearReports[] {
  const found: SameYearReports[] = [];
  for (const group of byAgencyYear(rows).values()) {
    if (group.length < 2) continue;
    const differing = FIGURES.flatMap((figure) => {
      const values = [...valuesOf(group, figure).keys()];
      return values.length > 1 ? [{ figure, values: values.sort((a, b) => a - b) }] : [];
    });
    found.push({
      agency: group[0]!.agency,
      year: Number(group[0]!.year),
      files: group.map((r) => r.file),
      differing,
    });
  }
  return found.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.year - b.year);
}

/**
 * R6 across the batch, one pair for each agency's two consecutive years whatever the number of files of
 * each (a report published as a page and a PDF is one report); where the files of a year differ, each
 * value read is set against each value of the other year.
 */
export function carryAcrossYears(rows: readonly BatchRow[]): CarryAcrossYears {
  const groups = byAgencyYear(rows);
  let pairs = 0;
  const mismatches: CarryMismatch[] = [];
  for (const group of groups.values()) {
    const year = Number(group[0]!.year);
    const before = groups.get(yearKey(group[0]!, year - 1));
    if (!before) continue;
    const carriedIn = valuesOf(group, 'carried_in');
    const carriedOut = valuesOf(before, 'carried_out');
    if (carriedIn.size === 0 || carriedOut.size === 0) continue;
    pairs++;
    for (const [inValue, file] of carriedIn)
      for (const [outValue, previousFile] of carriedOut)
        if (inValue !== outValue)
          mismatches.push({
            agency: group[0]!.agency,
            year,
            carriedIn: inValue,
            carriedOutBefore: outValue,
            file,
            previousFile,
          });
  }
  mismatches.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.year - b.year);
  return { pairs, mismatches };
}
