/**
 * A batch's row for one report: agency, year, format, the cells read, ambiguous and unread, the totals,
 * each failed rule — or, for a report that cannot be read, the reason; and a report printed in the format
 * of other years.
 */
import type { CheckResult } from '../../annual-report/index.ts';
import { carriedOutOf } from '../domain/carried-over.ts';
import { formatNotOfYear, type ReportAudit } from './audit-report.ts';

export const BATCH_COLUMNS = [
  'file',
  'agency',
  'year',
  'format',
  'cells_read',
  'cells_ambiguous',
  'cells_unread',
  'received',
  'carried_in',
  'completed',
  'carried_out',
  'reviews',
  'lawsuits',
  'errors',
  'warnings',
  'failed_rules',
  'problem',
  'format_note',
] as const;
export type BatchRow = Readonly<Record<(typeof BATCH_COLUMNS)[number], string>>;

const TOTALS = {
  received: 't3.r1.total',
  carried_in: 't3.r2.total',
  completed: 't3.r3_7.total',
  carried_out: 't3.r4.total',
  reviews: 't4.review.total',
} as const;

function failed(checks: readonly CheckResult[], severity?: CheckResult['severity']): CheckResult[] {
  return checks.filter((c) => c.status === 'fail' && (!severity || c.severity === severity));
}

export function batchRow(file: string, audit: ReportAudit): BatchRow {
  const r = audit.reading;
  const cell = (id: string) => (id in r.cells ? String(r.cells[id]) : '');
  const lawsuits =
    't4.lit_direct.total' in r.cells && 't4.lit_after_review.total' in r.cells
      ? String((r.cells['t4.lit_direct.total'] ?? 0) + (r.cells['t4.lit_after_review.total'] ?? 0))
      : '';
  return {
    file,
    agency: r.agency ?? '',
    year: r.year ? String(r.year) : '',
    format: r.format ?? '',
    cells_read: String(Object.keys(r.cells).length),
    cells_ambiguous: String(Object.keys(r.ambiguous).length),
    cells_unread: String(r.unread.filter((c) => !(c in r.ambiguous)).length),
    received: cell(TOTALS.received),
    carried_in: cell(TOTALS.carried_in),
    completed: cell(TOTALS.completed),
    carried_out: cell(TOTALS.carried_out),
    reviews: cell(TOTALS.reviews),
    lawsuits,
    errors: String(failed(audit.checks, 'error').length),
    warnings: String(failed(audit.checks, 'warning').length),
    failed_rules: failed(audit.checks)
      .map((c) => c.rule)
      .join(' '),
    problem: Object.keys(r.cells).length === 0 ? r.problems.join('；') || '没有读出任何单元格' : '',
    // A report in the format of other years (a 2023 report on the 2019 trial format's tables).
    format_note: formatNotOfYear(r).join('；'),
  };
}

export function unreadableRow(file: string, problem: string): BatchRow {
  return Object.fromEntries(
    BATCH_COLUMNS.map((c) => [c, c === 'file' ? file : c === 'problem' ? problem : '']),
  ) as BatchRow;
}

/**
 * What a batch keeps of a report besides its row, to set the years of one agency against each other: its
 * 结转下年度继续办理 by column where all seven were read, and whether its 上年结转 was left uncertain
 * (digits run together that split more than one way).
 */
export interface BatchReading {
  readonly row: BatchRow;
  readonly carriedOut?: readonly number[];
  readonly carriedInUncertain?: true;
  /**
   * A file holding several reports (a compilation): the readings of the reports after the first, each a
   * row of its own (fileReading).
   */
  readonly more?: readonly BatchReading[];
}

/** A file's readings: its report's, or each report's of a compilation. */
export const readingsOf = (reading: BatchReading): readonly BatchReading[] =>
  reading.more ? [reading, ...reading.more] : [reading];

/**
 * The batch reading of a file from the audits of the reports it holds (one for most files): a
 * compilation's reports are rows file#1/3, file#2/3, file#3/3 (which of how many).
 */
export function fileReading(file: string, audits: readonly ReportAudit[]): BatchReading {
  if (audits.length === 1) return batchReading(file, audits[0]!);
  const [first, ...rest] = audits.map((audit, i) => batchReading(`${file}#${i + 1}/${audits.length}`, audit));
  return { ...first!, more: rest };
}

/** A compilation's row: the file, which report, of how many (file#2/3). */
const PART = /^(.*)#(\d+)\/(\d+)$/;

/**
 * The files a batch's rows show done: each row's file, and a compilation whose last report's row is in
 * (file#3/3: its rows are written in order).
 */
export function filesDone(rows: Iterable<string>): Set<string> {
  const done = new Set<string>();
  for (const file of rows) {
    done.add(file);
    const part = PART.exec(file);
    if (part && part[2] === part[3]) done.add(part[1]!);
  }
  return done;
}

/** Whether a row is the last of its file's (a file's one row, or a compilation's last). */
export function endsItsFile(file: string): boolean {
  const part = PART.exec(file);
  return !part || part[2] === part[3];
}

export function batchReading(file: string, audit: ReportAudit): BatchReading {
  const r = audit.reading;
  const carriedOut = carriedOutOf(r);
  return {
    row: batchRow(file, audit),
    ...(carriedOut ? { carriedOut } : {}),
    ...(Object.keys(r.ambiguous).some((c) => c.startsWith('t3.r2.')) ? { carriedInUncertain: true } : {}),
  };
}
