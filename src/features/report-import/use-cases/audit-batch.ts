/**
 * Batch audit for a supervisor or researcher: one row per report (agency, year, format, the totals, each
 * failed rule), a report that cannot be read is a row with the reason, and the batch never stops at one
 * bad file. Rows already in the output are skipped, so an interrupted batch resumes where it stopped.
 */
import type { CheckResult } from '../../annual-report/index.ts';
import { auditReportFile, extractRefusalMessage, type ReportAudit } from './audit-report.ts';

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
  };
}

export function unreadableRow(file: string, problem: string): BatchRow {
  return Object.fromEntries(
    BATCH_COLUMNS.map((c) => [c, c === 'file' ? file : c === 'problem' ? problem : '']),
  ) as BatchRow;
}

/** One file of a batch audited: its row, or the reason it could not be read (never a thrown error). */
export async function batchRowOf(file: string, bytes: Uint8Array, account?: string): Promise<BatchRow> {
  const audit = await auditReportFile(file, bytes, undefined, account);
  return audit.ok ? batchRow(file, audit.value) : unreadableRow(file, extractRefusalMessage(audit.error));
}

/** Audits each file not yet done; `onRow` receives each row as soon as it is ready. */
export async function auditBatch(
  files: readonly string[],
  read: (file: string) => Promise<Uint8Array>,
  done: ReadonlySet<string>,
  onRow: (row: BatchRow) => Promise<void> | void,
): Promise<{ audited: number; skipped: number }> {
  let audited = 0;
  for (const file of files) {
    if (done.has(file)) continue;
    let row: BatchRow;
    try {
      row = await batchRowOf(file, await read(file));
    } catch (error) {
      row = unreadableRow(file, `无法读取：${(error as Error).message.slice(0, 200)}`);
    }
    await onRow(row);
    audited++;
  }
  return { audited, skipped: files.length - audited };
}

export interface ReadingTotals {
  readonly read: number;
  readonly ambiguous: number;
  readonly unread: number;
  /** The files with the most cells not read for certain (ambiguous and unread), worst first. */
  readonly worst: ReadonlyArray<{ file: string; read: number; ambiguous: number; unread: number }>;
}

/** Cells read, ambiguous and unread over a batch, with the files read worst. */
export function readingTotals(rows: readonly BatchRow[], worstCount = 10): ReadingTotals {
  const counted = rows
    .filter((r) => !r.problem)
    .map((r) => ({
      file: r.file,
      read: Number(r.cells_read) || 0,
      ambiguous: Number(r.cells_ambiguous) || 0,
      unread: Number(r.cells_unread) || 0,
    }));
  const sum = (key: 'read' | 'ambiguous' | 'unread') => counted.reduce((s, r) => s + r[key], 0);
  const worst = counted
    .filter((r) => r.ambiguous + r.unread > 0)
    .sort((a, b) => b.ambiguous + b.unread - (a.ambiguous + a.unread) || a.file.localeCompare(b.file))
    .slice(0, worstCount);
  return { read: sum('read'), ambiguous: sum('ambiguous'), unread: sum('unread'), worst };
}

/** How often each rule failed across the batch (by rule family, R1…R10), most frequent first. */
export function ruleFailureCounts(rows: readonly BatchRow[]): Array<{ rule: string; reports: number }> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const families = new Set(
      row.failed_rules
        .split(' ')
        .filter(Boolean)
        .map((rule) => rule.split('.')[0]!),
    );
    for (const family of families) counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  return [...counts]
    .map(([rule, reports]) => ({ rule, reports }))
    .sort((a, b) => b.reports - a.reports || a.rule.localeCompare(b.rule, 'en', { numeric: true }));
}
