/** The audit of one published report: its tables read from the text, then every consistency rule. */
import {
  checkConsistency,
  formatOfYear,
  labelAliases,
  reportFormat,
  type CellId,
  type TableId,
  type CheckResult,
  type TextFigure,
} from '../../annual-report/index.ts';
import { proseOf, repeatedShare, statedFigures } from '../domain/report-prose.ts';
import { type Result } from '../../../shared/domain/result.ts';
import { readReportText, type TextLayout, type TextReading } from '../domain/read-report-text.ts';
import { statedSubject } from '../domain/read-report-words.ts';
import { plainText } from '../domain/plain-text.ts';
import { firstReport, severalReportsNote } from '../domain/several-reports.ts';
import { tableHeading } from '../domain/table-headings.ts';
import { carriedOutOf, type CarriedOver } from '../domain/carried-over.ts';
import type { ExtractRefusal, ReportFileKind } from '../extract/extract-report-text.ts';
import {
  sandboxRefusalMessage,
  sharedFileSandbox,
  type SandboxRefusal,
} from '../../../platform/untrusted-files/file-sandbox.ts';

export interface ReportAudit {
  readonly reading: TextReading;
  /** The rules R1–R10 over the cells read; cells not read make a rule `incomplete`, never `pass`. */
  readonly checks: readonly CheckResult[];
  /** The R8 figures the report's text states. */
  readonly stated: Partial<Record<TextFigure, number>>;
  /** With last year's report: the share of this year's prose repeated word for word (digits aside). */
  readonly repeatedShare?: number;
  /** With last year's report: whose and which year's it says it is, and its format (undefined: not found). */
  readonly previous?: { readonly agency?: string; readonly year?: number; readonly format?: string };
  /**
   * For each cell not read: the lines of the text where its row was found (or, failing that, where the
   * nearest cell read before or after it was), so that a person can read the value and type it.
   */
  readonly unreadContext: Readonly<Record<CellId, string>>;
}

const CONTEXT_LINES = 1;
const CONTEXT_MAX = 400;

function unreadContext(text: string, reading: TextReading): Record<CellId, string> {
  if (!reading.format || reading.unread.length === 0) return {};
  const lines = text.split(/\r?\n/);
  const format = reportFormat(reading.format);
  const order = format.cellIds;
  // Sources count lines from 1. A long line (a page's text run together) is shown around the row's
  // label, not from its start.
  const excerpt = (line: number, table: TableId, label: string | undefined) => {
    const own = lines[line - 1] ?? '';
    // In the table (after its heading), where the label is followed by its numbers — not where the
    // prose names it.
    const heading = TABLE_HEADING[table];
    const from = Math.max(0, heading ? own.search(heading) : own.indexOf(label ?? ''));
    const at =
      label && own.length > CONTEXT_MAX
        ? own.slice(from).search(new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[\\d+-]`))
        : -1;
    if (at >= 0) return own.slice(from + at, from + at + CONTEXT_MAX).trim();
    return lines
      .slice(Math.max(0, line - 1 - CONTEXT_LINES), line + CONTEXT_LINES)
      .map((l) => l.trim().slice(0, CONTEXT_MAX))
      .filter(Boolean)
      .join('\n')
      .slice(0, CONTEXT_MAX);
  };
  const context: Record<CellId, string> = {};
  // The cells of one row share their context.
  const ofRow = new Map<string, string | undefined>();
  for (const cell of reading.unread) {
    const [tableId, rowId] = cell.split('.') as [TableId, string];
    const row = `${tableId}.${rowId}`;
    if (!ofRow.has(row)) {
      const sameRow = order.find((c) => c.startsWith(`${row}.`) && reading.sources[c]);
      const index = order.indexOf(cell);
      let near: number | undefined;
      for (let k = index - 1; k >= 0 && near === undefined; k--) near = reading.sources[order[k]!]?.line;
      for (let k = index + 1; k < order.length && near === undefined; k++)
        near = reading.sources[order[k]!]?.line;
      if (sameRow) near = reading.sources[sameRow]!.line;
      // The row's own line, where its label is printed: the one nearest the cells read around it.
      const label = format.tables[tableId]?.rows.find((r) => r.id === rowId)?.label;
      let line = sameRow ? near : undefined;
      if (line === undefined && label) {
        // By its label or the words agencies print instead (规范性文件); a row of cells before prose.
        const words = [label, ...labelAliases(row)];
        let best: { line: number; cells: boolean } | undefined;
        lines.forEach((text, i) => {
          if (!words.some((w) => text.includes(w))) return;
          // (A short label — 其他 — names many rows: there only the nearest.)
          const cells = label.length >= 4 && (text.includes('|') || text.includes('\t'));
          const closer =
            !best ||
            (cells && !best.cells) ||
            (cells === best.cells && Math.abs(i + 1 - (near ?? 0)) < Math.abs(best.line - (near ?? 0)));
          if (closer) best = { line: i + 1, cells };
        });
        line = best?.line;
      }
      line ??= near;
      ofRow.set(row, line !== undefined ? excerpt(line, tableId, label && stripMarkerOf(label)) : undefined);
    }
    const found = ofRow.get(row);
    if (found !== undefined) context[cell] = found;
  }
  return context;
}

/** Each table's heading, where a page's text run together reaches the table (table-headings.ts). */
const TABLE_HEADING: Record<string, RegExp> = {
  t2: tableHeading('t2'),
  t3: tableHeading('t3'),
  t4: tableHeading('t4'),
};

/** A label without its 一、/（一）/1. marker, as a page's text run together may print it. */
const stripMarkerOf = (label: string) =>
  label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '');

/**
 * Last year's 结转下年度继续办理 row, to split this year's 上年结转 by (carried-over.ts): only when last
 * year's report printed all seven for certain, and is of the year before and of the same agency where the
 * two reports say so; else the reason it was not used.
 */
function carriedFrom(previous: TextReading, text: string): { carried?: CarriedOver; notUsed?: string } {
  const carried = carriedOutOf(previous);
  if (!carried) return {};
  const subject = statedSubject(text);
  if (subject.year !== undefined && previous.year !== undefined && previous.year !== subject.year - 1)
    return {
      notUsed: `上年报告是 ${previous.year} 年度的，不是 ${subject.year - 1} 年度，未用它的结转数拆分上年结转`,
    };
  if (subject.agency && previous.agency && subject.agency !== previous.agency)
    return {
      notUsed: `上年报告是“${previous.agency}”的，不是“${subject.agency}”的，未用它的结转数拆分上年结转`,
    };
  return { carried };
}

export function auditReportText(
  given: string,
  givenBefore?: string,
  layout?: TextLayout,
  /**
   * Last year's 结转下年度继续办理 from the records (a version filed here), where no report file is given:
   * used for a report of the year it carries into (or one that does not say its year).
   */
  onRecord?: CarriedOnRecord,
): ReportAudit {
  // The text as the readers take it (plain-text.ts), so that its prose and context lines are theirs.
  // Of a file holding several reports, the first (what readReportText reads; it says so).
  const { text, others } = firstReport(plainText(given));
  const previousText = givenBefore === undefined ? undefined : firstReport(plainText(givenBefore)).text;
  const previous = previousText ? readReportText(previousText) : undefined;
  const statedYear = onRecord && !previous ? statedSubject(text).year : undefined;
  const { carried, notUsed } = previous
    ? carriedFrom(previous, text)
    : onRecord && (statedYear === undefined || statedYear === onRecord.into)
      ? { carried: onRecord.columns }
      : {};
  const read = readReportText(text, layout, carried);
  // Why last year's report did not decide 上年结转: said only where it would have had something to decide.
  const said = [
    ...(others.length > 0 ? [severalReportsNote(others)] : []),
    ...(notUsed && Object.keys(read.ambiguous).some((c) => c.startsWith('t3.r2.')) ? [notUsed] : []),
    ...formatNotOfYear(read),
  ];
  const reading = said.length > 0 ? { ...read, problems: [...read.problems, ...said] } : read;
  const prose = proseOf(text);
  const stated = statedFigures(prose);
  const checks =
    // Some cell read (counted by the unread ones: a report's cells are many, their keys not listed).
    reading.format && reading.unread.length < reportFormat(reading.format).cellIds.length
      ? checkConsistency(
          { format: reading.format, cells: reading.cells },
          {
            statedFigures: stated,
            blankCells: reading.blank,
            ...(previous?.format ? { previous: { format: previous.format, cells: previous.cells } } : {}),
          },
        )
      : [];
  return {
    reading,
    checks,
    stated,
    unreadContext: unreadContext(text, reading),
    ...(previousText ? { repeatedShare: repeatedShare(prose, proseOf(previousText)) } : {}),
    ...(previous
      ? {
          previous: {
            ...(previous.agency ? { agency: previous.agency } : {}),
            ...(previous.year !== undefined ? { year: previous.year } : {}),
            ...(previous.format ? { format: previous.format } : {}),
          },
        }
      : {}),
  };
}

const FORMAT_NAMES = {
  '2019': '国办公开办函〔2019〕60号的试行格式',
  '2021': '国办公开办函〔2021〕30号的格式',
} as const;

/** A report printed in the format of other years (the 2019 trial format for 2019 and 2020, then 2021's). */
export function formatNotOfYear(reading: Pick<TextReading, 'format' | 'year'>): string[] {
  if (!reading.format || reading.year === undefined) return [];
  const due = formatOfYear(reading.year);
  if (due === reading.format) return [];
  return [
    `${reading.year} 年度报告应使用${FORMAT_NAMES[due]}，这份报告的表格用的是${FORMAT_NAMES[reading.format]}`,
  ];
}

/** `inPrevious`: the refused file is last year's report given beside the one audited. */
export type AuditRefusal = (ExtractRefusal & { readonly inPrevious?: true }) | SandboxRefusal;
export type FileAudit = ReportAudit & { kind: ReportFileKind };
export interface ReportFileInput {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly previous?: { fileName: string; bytes: Uint8Array };
  /** Last year's 结转下年度继续办理 by column as filed here (when no last year's file is given). */
  readonly carried?: CarriedOnRecord;
}

/** A year's 上年结转 as the records hold it: the year before's filed 结转下年度继续办理, by column. */
export interface CarriedOnRecord {
  /** The year whose 上年结转 it is. */
  readonly into: number;
  readonly columns: CarriedOver;
}

const WORKER = new URL('./audit-report-worker.ts', import.meta.url);

/**
 * A report file of any published form — a file from outside — its text extracted and audited in the
 * file sandbox (a worker thread with limits on time, memory, inflated bytes, pages and nesting), so a
 * hostile file never holds up the server. `account` names who asked, for the per-account limit.
 */
export async function auditReportFile(
  fileName: string,
  bytes: Uint8Array,
  previous?: { fileName: string; bytes: Uint8Array },
  account?: string,
  carried?: CarriedOnRecord,
): Promise<Result<FileAudit, AuditRefusal>> {
  const input: ReportFileInput = {
    fileName,
    bytes,
    ...(previous ? { previous } : {}),
    ...(carried ? { carried } : {}),
  };
  const done = await sharedFileSandbox().run<Result<FileAudit, AuditRefusal>>(
    WORKER,
    input,
    account !== undefined ? { key: account } : {},
  );
  return done.ok ? done.value : done;
}

export function extractRefusalMessage(refusal: AuditRefusal): string {
  return 'inPrevious' in refusal && refusal.inPrevious
    ? `上年报告：${refusalMessage(refusal)}`
    : refusalMessage(refusal);
}

/** What to save a file of an older or other office format as, to have it read. */
const SAVE_AS: Readonly<Record<string, string>> = {
  '.doc': '（旧版 Word 文件请另存为 DOCX 或 PDF 后再核查）',
  '.wps': '（WPS 文字文件请另存为 DOCX 或 PDF 后再核查）',
  '.rtf': '（请另存为 DOCX 或 PDF 后再核查）',
  '.xls': '（旧版 Excel 文件请另存为 XLSX 后再核查）',
  '.et': '（WPS 表格文件请另存为 XLSX 后再核查）',
  '.ofd': '（OFD 版式文件请转为 PDF 后再核查）',
  '.jpg': '（图片请先做文字识别，或找文字版的 PDF、网页）',
  '.png': '（图片请先做文字识别，或找文字版的 PDF、网页）',
};

function refusalMessage(refusal: AuditRefusal): string {
  switch (refusal.code) {
    case 'file-too-slow':
    case 'file-too-big-in-memory':
    case 'file-reader-crashed':
    case 'sandbox-busy':
    case 'too-many-files-at-once':
      return sandboxRefusalMessage(refusal);
    case 'unsupported-file':
      return `不支持 ${refusal.extension || '无扩展名'} 文件：可读取 TXT、HTML、MHT、DOCX、PDF、XLSX${SAVE_AS[refusal.extension] ?? ''}`;
    case 'file-too-large':
      return `文件超过 ${refusal.limitBytes / 1024 / 1024} MB`;
    case 'no-text-layer':
      return 'PDF 没有文字层（可能是扫描件），无法读取';
    case 'unreadable-file':
      return `${refusal.kind.toUpperCase()} 文件已损坏或无法解析：${refusal.reason}`;
  }
}

/** The HTTP error code for a refused file: busy and per-account limits are not the file's fault. */
export function auditRefusalCode(
  refusal: AuditRefusal,
): 'unsupported-media-type' | 'invalid-request' | 'busy' | 'too-many-requests' {
  if (refusal.code === 'unsupported-file') return 'unsupported-media-type';
  if (refusal.code === 'sandbox-busy') return 'busy';
  if (refusal.code === 'too-many-files-at-once') return 'too-many-requests';
  return 'invalid-request';
}
