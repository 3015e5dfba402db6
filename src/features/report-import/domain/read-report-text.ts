/**
 * Reads the tables of a published report (2021 format) from its text: table 三 as 25 rows of seven
 * numbers in printed order (each row checked: the six applicant columns add up to 总计), table 四 as
 * one row of 15 numbers, table 二 by its row labels. Every cell keeps the line it was read from; a cell
 * that cannot be read without guessing is named as unread, never filled in.
 */
import { isCellPerLine, joinCellPerLine } from './cell-per-line.ts';
import { rejoinWrappedRows } from './piped-rows.ts';
import { plainText } from './plain-text.ts';
import { firstReport, severalReportsNote } from './several-reports.ts';
import { tableHeading } from './table-headings.ts';
import { isTraditional, simplified } from './traditional-text.ts';
import type { CarriedOver } from './carried-over.ts';
import {
  normalizeLabel,
  reportFormat,
  cellsOfRow,
  stripLabelMarker,
  type CellId,
  type ReportFormatId,
  type SectionId,
} from '../../annual-report/index.ts';
import { readFlattenedText } from './read-flattened-text.ts';
import { cellsOfTable, Reading } from './reading.ts';
import { readSections, statedSubject } from './read-report-words.ts';
import { readTable2, table2Rows, type TextLayout } from './read-table2.ts';
import { readTable3 } from './read-table3.ts';
import { readTable4 } from './read-table4.ts';
import { ROW_LABEL_WORDS, type ExtraRow } from './text-numbers.ts';

export type { ExtraRow } from './text-numbers.ts';
export type { TextLayout } from './read-table2.ts';

export type { CellSource } from './reading.ts';
import type { CellSource } from './reading.ts';

export interface TextReading {
  readonly format: ReportFormatId | undefined;
  readonly agency?: string;
  readonly year?: number;
  readonly cells: Readonly<Record<CellId, number>>;
  readonly sources: Readonly<Record<CellId, CellSource>>;
  /**
   * Of the unread cells, those more than one reading leaves possible, with their candidate values (never
   * stated as read: a person, or the rules, must choose).
   */
  readonly ambiguous: Readonly<Record<CellId, readonly number[]>>;
  /** Every cell not read for certain (the ambiguous ones among them). */
  readonly unread: readonly CellId[];
  /** Cells printed blank or as a mark (-, /, 无): in `cells` as 0 (§7), named here, never taken for a printed 0. */
  readonly blank: readonly CellId[];
  readonly extraRows: readonly ExtraRow[];
  /** The agency's own text of sections 一, 五 and 六, where their headings were found. */
  readonly sections?: Readonly<Partial<Record<SectionId, string>>>;
  readonly problems: readonly string[];
}

const FORMAT_2021_WORDS = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'];
const FORMAT_2019_WORDS = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
];

/** §7: the header words tell the format (white space aside; 本年增/减 with either slash). */
export function detectFormat(text: string): ReportFormatId | undefined {
  // Most texts print the words whole: only a text that does not is read again without its white space.
  if (FORMAT_2021_WORDS.some((w) => text.includes(w))) return '2021';
  const flat = text.replace(/\s+/g, '').replace(/／/g, '/');
  if (FORMAT_2021_WORDS.some((w) => flat.includes(w))) return '2021';
  if (FORMAT_2019_WORDS.some((w) => flat.includes(w))) return '2019';
  return undefined;
}

/** The first line (from `from`) whose words match; `flat` holds the lines normalised once. */
function findLine(flat: readonly string[], pattern: RegExp, from = 0): number {
  for (let i = from; i < flat.length; i++) if (pattern.test(flat[i]!)) return i;
  return -1;
}
/**
 * How many cells the row a label names has (tables 二 and 三), undefined for other words — a table 三
 * label by its words whole, marker and all, or without the marker where they are not as short as 总计
 * (a header's word).
 */
function cellCountOfLabel(format: ReportFormatId): (label: string) => number | undefined {
  const { rows } = table2Rows(format);
  const t3 = reportFormat(format).tables.t3;
  const table3Cells = t3.columns.length;
  const table3 = new Set<string>();
  for (const row of t3.rows.filter((r) => r.kind === 'data')) {
    table3.add(normalizeLabel(row.label));
    const bare = stripLabelMarker(normalizeLabel(row.label));
    if (bare.length >= 4) table3.add(bare);
  }
  return (label) => {
    const words = ROW_LABEL_WORDS(label);
    if (table3.has(words) || table3.has(stripLabelMarker(words))) return table3Cells;
    const row = rows.get(words) ?? rows.get(stripLabelMarker(words));
    return row ? cellsOfRow(format, 't2', row).length : undefined;
  };
}
const PROSE_UNIT = /^\s*[件元万年月日号%％个次人家名份条]/u;
/**
 * Numbers printed as a table's cells (no unit after them), counted up to `enough`; seven digits or more
 * in a run are a row's cells run together, enough on their own.
 */
function tableNumbers(line: string, enough: number): number {
  let count = 0;
  for (const match of line.matchAll(/\d+(?:\.\d+)?/gu)) {
    const end = match.index + match[0].length;
    if (PROSE_UNIT.test(line.slice(end, end + 3))) continue;
    count = match[0].length >= 7 ? enough : count + 1;
    if (count >= enough) break;
  }
  return count;
}

/**
 * Whether a table's rows run together on one line (a web page's flattened text): only then can the
 * flattened reader do better than the line readers once they have read half the cells or more. The
 * rows' words with a table's numbers among them (several without a unit after them): the prose's own
 * summary (本年新收…74件，上年结转1件) names the same rows, its numbers each with its unit.
 */
export function tableRowsRunTogether(lines: readonly string[]): boolean {
  return lines.some(
    (line) =>
      ((line.includes('本年新收') && line.includes('上年结转')) ||
        (line.includes('规章') && line.includes('规范性文件'))) &&
      tableNumbers(line, 4) >= 4,
  );
}

/** A line that begins with a table's heading (table-headings.ts). */
const HEADING_LINE = {
  t2: tableHeading('t2', { atStart: true }),
  t3: tableHeading('t3', { atStart: true }),
  t4: tableHeading('t4', { atStart: true }),
} as const;

const EVIDENCE_MAX = 160;
/**
 * Problems and extra rows listed at most (a report has a few; a hostile text can make one a line — the
 * first are listed and the rest counted).
 */
const MAX_LISTED = 100;
const evidenceOf = (line: string) => line.replace(/\s+/g, ' ').trim().slice(0, EVIDENCE_MAX);

/**
 * Reads a published report's text. `carried`: last year's 结转下年度继续办理 by column, from its report,
 * which decides this year's 上年结转 row when its numbers were printed run together (carried-over.ts).
 */
export function readReportText(given: string, layout?: TextLayout, carried?: CarriedOver): TextReading {
  // Of a file holding several reports (a compilation), the first (several-reports.ts).
  const { text: printed, others } = firstReport(plainText(given));
  const traditional = isTraditional(printed);
  const text = traditional ? simplified(printed) : printed;
  const split = text.split(/\r?\n/);
  const format = detectFormat(text);
  const cellNotes: string[] = [];
  // Rows of cells between bars: saved one cell a line, or wrapped over lines, put back together.
  const piped = /[|｜]/.test(text);
  const lines =
    format && piped && isCellPerLine(split)
      ? joinCellPerLine(split, cellCountOfLabel(format), cellNotes)
      : piped
        ? rejoinWrappedRows(split)
        : split;
  const out = new Reading();
  if (traditional) out.problems.push('这份报告是繁体字，按简体读取（所列证据是转换后的文字）');
  if (others.length > 0) out.problems.push(severalReportsNote(others));
  for (const note of cellNotes) out.problems.push(note);
  // The headings of tables 二, 三 and 四: the tables lie below them, the agency's own text around them.
  // By their words, whatever numeral the page gives them (a table 三 headed “二、收到和处理…”).
  // Only a line ending a heading's words (…情况, …复议) is normalised and tried.
  // A markdown heading's marks (## 三、…) are not its words.
  const flat = lines.map((line) =>
    /[况议]/.test(line) ? normalizeLabel(line.slice(0, 80)).replace(/^#+/, '') : '',
  );
  const t2 = findLine(flat, HEADING_LINE.t2);
  const t3 = findLine(flat, HEADING_LINE.t3, Math.max(t2, 0));
  const t4 = findLine(flat, HEADING_LINE.t4, Math.max(t3, 0));
  if (format) {
    if (t2 >= 0 && t3 > t2) readTable2(lines, t2, t3, format, out, layout);
    else out.problems.push('没有找到表二');
    if (t3 >= 0 && t4 > t3) readTable3(lines, t3, t4, format, out, carried);
    else out.problems.push('没有找到表三');
    if (t4 >= 0) readTable4(lines, t4 + 1, out);
    else out.problems.push('没有找到表四');
  } else out.problems.push('看不出是哪一种年度报告格式（没有找到表头用语）');
  // Tables flattened into running text (a web page's text): read by labels and arithmetic instead —
  // each table from the reading that reads more of it (a page may run one table together, not another).
  const all = format ? reportFormat(format).cellIds.length : 0;
  const read = out.size;
  if (format && read < all && (read < all / 2 || tableRowsRunTogether(lines))) {
    const flattened = readFlattenedText(text, format, carried);
    // The cells taken keep the line of their table's heading, or of table 三's words in a run-on line.
    const runOn = Math.max(1, lines.findIndex((l) => /收到和处理政府信息公开申请情况/.test(l)) + 1);
    const headings = { t2, t3, t4 } as const;
    for (const table of ['t2', 't3', 't4'] as const) {
      if (cellsOfTable(flattened.cells.keys(), table) > out.countOf(table))
        out.replaceTable(table, flattened, { line: headings[table] >= 0 ? headings[table] + 1 : runOn });
    }
  }
  if (format) out.leaveNegativesUnread(format);
  const cellIds = format ? reportFormat(format).cellIds : [];
  // Each cell read from a line keeps that line as printed (trimmed) as its evidence.
  const { cells, sources } = out.withEvidence((line) => evidenceOf(lines[line - 1] ?? ''), cellIds);
  const sections = format ? readSections(lines, t2, t4) : undefined;
  return {
    format,
    ...statedSubject(text),
    ...(sections ? { sections } : {}),
    cells,
    sources,
    ambiguous: out.ambiguous,
    unread: cellIds.filter((c) => !out.has(c)),
    blank: cellIds.filter((c) => sources[c]?.blank),
    extraRows: out.extraRows.slice(0, MAX_LISTED),
    problems:
      out.problems.length > MAX_LISTED
        ? [...out.problems.slice(0, MAX_LISTED), `另有 ${out.problems.length - MAX_LISTED} 条问题未列出`]
        : out.problems,
  };
}
