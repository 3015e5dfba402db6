/**
 * Reads the tables of a published report (2021 format) from its text: table 三 as 25 rows of seven
 * numbers in printed order (each row checked: the six applicant columns add up to 总计), table 四 as
 * one row of 15 numbers, table 二 by its row labels. Every cell keeps the line it was read from; a cell
 * that cannot be read without guessing is named as unread, never filled in.
 */
import { isCellPerLine, joinCellPerLine } from './cell-per-line.ts';
import { isTraditional, simplified } from './traditional-text.ts';
import type { CarriedOver } from './carried-over.ts';
import {
  normalizeLabel,
  reportFormat,
  cellsOfRow,
  labelAliases,
  stripLabelMarker,
  type CellId,
  type ReportFormatId,
  type SectionId,
} from '../../annual-report/index.ts';
import { readFlattenedText } from './read-flattened-text.ts';
import { cellsOfTable, Reading } from './reading.ts';
import { readSections, statedSubject } from './read-report-words.ts';
import { readTable3 } from './read-table3.ts';
import { readTable4 } from './read-table4.ts';
import {
  type PositionedText,
  numbersOfLine,
  ROW_LABEL_WORDS,
  withoutUnits,
  type ExtraRow,
  type LineNumber,
} from './text-numbers.ts';

export type { ExtraRow } from './text-numbers.ts';

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
/** A PDF's text lines with their items' positions, line for line with the text. */
export type TextLayout = ReadonlyArray<readonly PositionedText[] | undefined>;

/** Centres of a PDF header line's cells after 信息内容, pieces a space apart (本年增 / 减) as one. */
function headerCellCenters(items: readonly PositionedText[]): number[] {
  const spans: Array<{ from: number; to: number }> = [];
  for (const item of items.filter((i) => !normalizeLabel(i.text).startsWith('信息内容'))) {
    const last = spans.at(-1);
    if (last && item.x - last.to < 6) last.to = item.x + item.width;
    else spans.push({ from: item.x, to: item.x + item.width });
  }
  return spans.map((span) => (span.from + span.to) / 2);
}

/** The numbers of a PDF line under the header cell nearest to each (none twice under one header). */
function placeByPosition(
  items: readonly PositionedText[],
  centers: readonly number[],
): Array<{ value: number; column: number }> | undefined {
  const placed = items
    .map((item) => ({ item, numbers: numbersOfLine(item.text, 0) }))
    .filter(({ numbers }) => numbers.length === 1)
    .map(({ item, numbers }) => {
      const middle = item.x + item.width / 2;
      const distances = centers.map((c) => Math.abs(c - middle));
      return { value: numbers[0]!.value, column: distances.indexOf(Math.min(...distances)) };
    });
  return new Set(placed.map((p) => p.column)).size === placed.length ? placed : undefined;
}

/** Table 二's rows by their words (normalised), with the words agencies print instead; and their labels. */
function table2Rows(format: ReportFormatId) {
  const dataRows = reportFormat(format).tables.t2.rows.filter((r) => r.kind === 'data');
  const rows = new Map(dataRows.map((r) => [normalizeLabel(r.label), r.id]));
  // The words agencies print instead (a 2021 report's 表二 row headed 规范性文件, as in 2019).
  if (format === '2021')
    for (const r of dataRows)
      for (const alias of labelAliases(`t2.${r.id}`))
        if (!rows.has(normalizeLabel(alias))) rows.set(normalizeLabel(alias), r.id);
  return { rows, labels: new Map(dataRows.map((r) => [r.id, r.label])) };
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

/**
 * Table 二 by its row labels, line by line. A tab-separated row puts each number under the header cell
 * whose column it falls in (a spreadsheet spreads one printed column over several); otherwise the
 * numbers are taken in order — with the 2021 case of three columns and two numbers read as 制发 and
 * 现行有效 (a blank 本年废止件数 lost in conversion, the usual case). A label split over two lines, and a
 * label alone on its line with the numbers on the next, are joined. A row that names none of the
 * format's rows (a local addition such as 其他主动公开文件) is kept aside as extra and named.
 */
function readTable2(
  lines: readonly string[],
  from: number,
  to: number,
  format: ReportFormatId,
  out: Reading,
  layout?: TextLayout,
): void {
  const { rows, labels } = table2Rows(format);
  const read = new Set<string>();
  const match = (words: string) => {
    const row = rows.get(words) ?? rows.get(stripLabelMarker(words));
    return row && !read.has(row) ? row : undefined;
  };
  let header: number[] | undefined;
  let headerCenters: number[] | undefined;
  let carried: { words: string; row?: string } | undefined;
  for (let i = from + 1; i < to; i++) {
    const text = withoutUnits(lines[i] ?? '');
    const tabbed = text.includes('\t') && !text.includes('|');
    const words = ROW_LABEL_WORDS(text);
    if (/^第[一二三四五六七八九十]+条/.test(words)) {
      carried = undefined;
      continue;
    }
    if (words.startsWith('信息内容')) {
      const starts = text
        .split('\t')
        .map((cell, k) => (k > 0 && cell.trim() ? k : -1))
        .filter((k) => k > 0);
      header = tabbed && starts.length > 0 ? starts : undefined;
      headerCenters = layout?.[i] && headerCellCenters(layout[i]!);
      carried = undefined;
      continue;
    }
    let numbers = numbersOfLine(text, i + 1);
    let row = words ? match(words) : undefined;
    if (!row && carried && !carried.row && words) row = match(carried.words + words);
    if (!row && carried?.row && !words) {
      row = carried.row;
      // A page saved one cell a line (规章 | / 2 | / 1 | / 9 |): the row's numbers on the lines under it.
      const more =
        numbers.length === 1
          ? numbersBelow(lines, i, to, cellsOfRow(format, 't2', row).length - 1)
          : undefined;
      if (more) {
        numbers = [...numbers, ...more.numbers];
        i = more.last;
      }
    }
    if (numbers.length === 0) {
      carried = { words, ...(row ? { row } : {}) };
      continue;
    }
    carried = undefined;
    if (!row) {
      // A bracketed note under a cell (（其中修订 16 件）) is not a row.
      if (words && !/^\(.*\)$/.test(words))
        out.extra(
          { table: 't2', label: words, line: i + 1, values: numbers.map((n) => n.value) },
          `表二第 ${i + 1} 行“${words}”不是格式中的行，未计入`,
        );
      continue;
    }
    read.add(row);
    const cells = cellsOfRow(format, 't2', row);
    if (tabbed && numbers.length < cells.length + 1) {
      const parts = text.split('\t');
      const labelAt = parts.findIndex((p) => p.trim() !== '');
      parts.forEach((cell, k) => {
        const value = k > labelAt ? numbersOfLine(cell, i + 1)[0] : undefined;
        if (!value) return;
        const column = header ? header.filter((start) => start <= k).length - 1 : k - labelAt - 1;
        if (column >= 0 && column < cells.length && !out.has(cells[column]!))
          out.put(cells[column]!, value.value, { line: i + 1, column: k + 1, ...blankOf(value) });
      });
    } else if (numbers.length < cells.length && headerCenters?.length === cells.length && layout?.[i]) {
      // A PDF drops a blank cell from the text: each number goes under the header it is printed below.
      const placed = placeByPosition(layout[i]!, headerCenters);
      if (placed && placed.length === numbers.length)
        placed.forEach(({ value, column }) =>
          out.put(cells[column]!, value, { line: i + 1, column: column + 1 }),
        );
      else out.problems.push(`表二“${labels.get(row)}”一行的数字无法对应到表头，未读`);
    } else if (numbers.length === cells.length)
      numbers.forEach((n, k) => out.put(cells[k]!, n.value, { line: n.line, ...blankOf(n) }));
    else if (format === '2021' && cells.length === 3 && numbers.length === 2) {
      out.put(cells[0]!, numbers[0]!.value, { line: i + 1, ...blankOf(numbers[0]!) });
      out.put(cells[2]!, numbers[1]!.value, { line: i + 1, ...blankOf(numbers[1]!) });
    } else
      out.problems.push(
        `表二“${labels.get(row)}”一行读到 ${numbers.length} 个数字，应为 ${cells.length} 个，未读`,
      );
  }
}

const blankOf = (n: LineNumber) => (n.blank ? { blank: true } : {});

/**
 * The `wanted` numbers on the lines after line `at` (0-based), one a line and no words with them, as a
 * page saved one table cell a line prints a row; undefined unless exactly so.
 */
function numbersBelow(
  lines: readonly string[],
  at: number,
  to: number,
  wanted: number,
): { numbers: LineNumber[]; last: number } | undefined {
  if (wanted <= 0) return undefined;
  const numbers: LineNumber[] = [];
  for (let k = at + 1; k < to && numbers.length < wanted; k++) {
    const text = withoutUnits(lines[k] ?? '');
    const found = numbersOfLine(text, k + 1);
    if (found.length !== 1 || ROW_LABEL_WORDS(text) !== '') return undefined;
    numbers.push(found[0]!);
    if (numbers.length === wanted) return { numbers, last: k };
  }
  return undefined;
}
/** A unit after a number: the number is the prose's (收到申请74件), not a table cell's. */
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
export function readReportText(printed: string, layout?: TextLayout, carried?: CarriedOver): TextReading {
  const traditional = isTraditional(printed);
  const text = traditional ? simplified(printed) : printed;
  const split = text.split(/\r?\n/);
  const format = detectFormat(text);
  const cellNotes: string[] = [];
  const lines =
    format && /[|｜]/.test(text) && isCellPerLine(split)
      ? joinCellPerLine(split, cellCountOfLabel(format), cellNotes)
      : split;
  const out = new Reading();
  if (traditional) out.problems.push('这份报告是繁体字，按简体读取（所列证据是转换后的文字）');
  out.problems.push(...cellNotes);
  // The headings of tables 二, 三 and 四: the tables lie below them, the agency's own text around them.
  // By their words, whatever numeral the page gives them (a table 三 headed “二、收到和处理…”).
  // Only a line ending a heading's words (…情况, …复议) is normalised and tried.
  // A markdown heading's marks (## 三、…) are not its words.
  const flat = lines.map((line) =>
    /[况议]/.test(line) ? normalizeLabel(line.slice(0, 80)).replace(/^#+/, '') : '',
  );
  const t2 = findLine(flat, /^[一二三四五六七八九十]\.主动公开政府信息情况/);
  const t3 = findLine(flat, /^[一二三四五六七八九十]\.收到和处理政府信息公开申请情况/, Math.max(t2, 0));
  const t4 = findLine(flat, /^[一二三四五六七八九十]\.政府信息公开行政复议/, Math.max(t3, 0));
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
