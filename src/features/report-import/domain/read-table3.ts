/**
 * Table 三 of a report's text: runs of seven numbers, each checked by its arithmetic (the six applicant
 * columns add up to 总计), with the label words on and around their lines; put in the format's 25 rows
 * (20 in the 2019 format) by their labels and, between labelled rows, by order (place-table3-rows.ts);
 * rows the format does not have are kept aside and named; a page's row with empty value cells read in
 * place.
 */
import {
  FORMAT_2021,
  reportFormat,
  stripLabelMarker,
  type CellId,
  type ReportFormatId,
} from '../../annual-report/index.ts';
import { numbersOfLine, ROW_LABEL_WORDS, type ExtraRow, type LineNumber } from './text-numbers.ts';
import { namesTable3Row, table3Numbers } from './table3-line-cells.ts';
import { pipedWidths, rowCells, rowFit, tabbedValueWidth } from './piped-rows.ts';
import { placeTable3Rows, type FoundRow } from './place-table3-rows.ts';
import { withLabels } from './table3-labels.ts';
import { splitSumRow } from './split-digits.ts';
import { strayNote, withoutStrayCells } from './stray-cells.ts';
import { CARRIED_NOTE, splitCarriedOver, type CarriedOver } from './carried-over.ts';

/** Where a table's reader puts what it reads (read-report-text.ts's Reading). */
export interface CellSink {
  readonly problems: string[];
  extra(row: ExtraRow, problem: string): void;
  /** A cell more than one reading leaves possible, with its candidates (never stated as read). */
  uncertain(cell: CellId, candidates: readonly number[]): void;
  put(
    cell: CellId,
    value: number,
    source: { line: number; column?: number; text?: string; blank?: boolean },
  ): void;
}

const T3_COLUMNS = FORMAT_2021.tables.t3.columns.map((c) => c.id);
const ROW_CELLS = new Map<string, readonly CellId[]>();
/** A row's seven cell ids in column order, built once (a report puts 175 of them). */
function cellsOf(rowId: string): readonly CellId[] {
  let cells = ROW_CELLS.get(rowId);
  if (!cells) ROW_CELLS.set(rowId, (cells = T3_COLUMNS.map((column) => `t3.${rowId}.${column}`)));
  return cells;
}

/**
 * Dashes gathered from several lines (the empty header cells of an OCR's 申请人情况 blocks, “| - | - |”)
 * are no row: a row of seven blanks is one only on one line.
 */
const blankMarksOfSeveralLines = (run: readonly LineNumber[]) =>
  run.every((n) => n.blank) && run.some((n) => n.line !== run[0]!.line);

/**
 * A run of seven over several lines takes its first line from its first number and its last line to its
 * last (a row split over lines): one that would leave numbers of those lines to another row mixes two.
 */
function wholeLines(pending: readonly LineNumber[], start: number): boolean {
  const first = pending[start]!.line;
  const last = pending[start + 6]!.line;
  if (first === last) return true;
  return pending[start - 1]?.line !== first && pending[start + 7]?.line !== last;
}

/**
 * A run of seven numbers whose first six add up to the seventh, from one line or a few in a row — never
 * into a line that has words of its own (`labelled`): its numbers are its own row's, and a row that lost
 * a number does not take them.
 */
function rowsOfSeven(
  numbersByLine: readonly LineNumber[][],
  labelled: (index: number) => boolean,
  /** Lines whose numbers make no row, nor part of one (a row with a stray cell). */
  unread: (index: number) => boolean,
): LineNumber[][] {
  const rows: LineNumber[][] = [];
  let pending: LineNumber[] = [];
  for (const [index, numbers] of numbersByLine.entries()) {
    if (unread(index)) {
      pending = [];
      continue;
    }
    if (pending.length > 0 && numbers.length > 0 && labelled(index)) pending = [];
    pending = [...pending, ...numbers];
    while (pending.length >= 7) {
      const start = pending.findIndex(
        (_, i) =>
          i + 7 <= pending.length &&
          pending.slice(i, i + 6).reduce((s, n) => s + n.value, 0) === pending[i + 6]!.value &&
          !blankMarksOfSeveralLines(pending.slice(i, i + 7)) &&
          wholeLines(pending, i),
      );
      if (start < 0) break;
      rows.push(pending.slice(start, start + 7));
      pending = pending.slice(start + 7);
    }
    // A line's leftovers (a stray extra cell) do not carry into the next row, and a run of numbers that
    // never makes a row is not carried far (garbled or hostile input stays linear).
    if (numbers.length >= 7) pending = [];
    else if (pending.length > 21) pending = pending.slice(-21);
  }
  return rows;
}

/**
 * What is said of each line that names a row of the table and prints numbers that made no row (a cell
 * lost, a number garbled): its label and what it printed (a line said already, `said`, aside).
 */
function unmadeRows(
  rows: readonly FoundRow[],
  numbersByLine: readonly LineNumber[][],
  lines: readonly string[],
  from: number,
  format: ReportFormatId,
  said: ReadonlySet<number>,
): string[] {
  const used = new Set(rows.flatMap((row) => row.numbers.map((n) => n.line)));
  return numbersByLine.flatMap((numbers, i) => {
    const line = from + i + 1;
    if (numbers.length === 0 || used.has(line) || said.has(i)) return [];
    if (!namesTable3Row(ROW_LABEL_WORDS(lines[line - 1] ?? ''), format)) return [];
    const printed = (lines[line - 1] ?? '').replace(/\s+/g, ' ').trim();
    return [
      `表三第 ${line} 行（${printed.slice(0, 80)}${printed.length > 80 ? '…' : ''}）读到 ${numbers.length} 个数字，不成一行（应为 7 个，前六个之和等于总计），未读`,
    ];
  });
}

/** A row's own words on its line ("其中：网上申请" of a local extra row), numbers left out. */
function rowWords(line: string): string {
  // The numbers of its cells left out, its own number (7. of 7.属于行政执法案卷) with its marker.
  return stripLabelMarker(ROW_LABEL_WORDS(line));
}

const MAX_TABLE3_ROWS = 200;

/**
 * Of a run-together row's readings, those the table's columns confirm: with every other row of a column
 * read, its results must add up to （七）总计 (R3's columns) and 一 + 二 must equal 七 + 四 (R1). When no
 * reading fits (the report's own columns do not add up) or every one does, all are kept.
 */
function confirmedByColumns(
  readings: number[][],
  rowId: string,
  placed: ReadonlyMap<string, FoundRow>,
  uncertain: ReadonlyMap<number, number[][]>,
  zeroFromGroup: ReadonlyMap<string, FoundRow>,
  format: ReportFormatId,
): number[][] {
  const leaves = reportFormat(format).resultLeafRows;
  const fits = (reading: readonly number[]) =>
    T3_COLUMNS.every((_, c) => {
      const value = (id: string): number | undefined => {
        if (id === rowId) return reading[c];
        if (zeroFromGroup.has(id)) return 0;
        const row = placed.get(id);
        return row && !uncertain.has(row.numbers[0]!.line) ? row.numbers[c]!.value : undefined;
      };
      const total = value('r3_7');
      const parts = leaves.map(value);
      if (total !== undefined && parts.every((v) => v !== undefined))
        if (parts.reduce((sum: number, v) => sum + v!, 0) !== total) return false;
      const [r1, r2, r4] = [value('r1'), value('r2'), value('r4')];
      if (total !== undefined && r1 !== undefined && r2 !== undefined && r4 !== undefined)
        if (r1 + r2 !== total + r4) return false;
      return true;
    });
  const kept = readings.filter(fits);
  return kept.length > 0 ? kept : readings;
}

/**
 * A row whose seven numbers an OCR or a copy ran together on its labelled line ("1.属于国家秘密 1000001"):
 * split by its arithmetic (six add up to 总计). Where several splits do, the row is still a row (it keeps
 * its place) and `readings` holds them all: its cells are stated only where every reading agrees.
 * Only a line with its label and one run of digits, nothing else, is taken so.
 */
function runTogether(
  text: string,
  line: number,
  out: CellSink,
): { numbers: LineNumber[]; readings: number[][]; several: string } | undefined {
  const run = /(?<![\d.])(\d{7,49})[\s|｜]*$/.exec(text);
  if (!run) return undefined;
  const rest = text.slice(0, run.index);
  if (numbersOfLine(rest, line).length > 0) return undefined;
  const digits = run[1]!;
  const label = ROW_LABEL_WORDS(rest);
  if (label.length < 2) return undefined;
  const readings = splitSumRow(digits, 7);
  if (readings.length === 0) {
    out.problems.push(`表三第 ${line} 行“${label}”的数字连在一起（${digits}），拆不出七个数，未读`);
    return undefined;
  }
  const column = rest.split(/[|｜\t]|\s+/).length;
  return {
    numbers: readings[0]!.map((value) => ({ value, line, column })),
    readings,
    several: `表三第 ${line} 行“${label}”的数字连在一起（${digits}），可以拆成 ${readings.length} 种`,
  };
}

export function readTable3(
  lines: readonly string[],
  from: number,
  to: number,
  format: ReportFormatId,
  out: CellSink,
  carried?: CarriedOver,
): void {
  // Lines whose run of digits splits more than one way: every reading, by line (and what to say of it).
  const uncertain = new Map<number, number[][]>();
  const several = new Map<number, string>();
  const widths = pipedWidths(lines.slice(from, to), 7);
  const tabbed = tabbedValueWidth(lines.slice(from, to));
  // Rows of cells with a cell too many and empty cells among them: their numbers are theirs (no label
  // above is lent to the next line), but which cell is stray is not known — no row is read from them.
  const stray = new Set<number>();
  const numbersByLine = lines.slice(from, to).map((text, i) => {
    const line = from + i + 1;
    const fit = rowFit(text, { piped: widths[i], tabbed });
    const printed = fit === 'wide' ? numbersOfLine(text, line) : undefined;
    if (printed && printed.length < 8) {
      stray.add(i);
      const cells = rowCells(text)!.map((c) => c.trim());
      out.problems.push(
        `表三第 ${line} 行比表中别的行多一个单元格（${cells.join('|').slice(0, 120)}），看不出哪一格是多的，未读`,
      );
      return printed;
    }
    const joined = runTogether(text, line, out);
    if (joined) {
      if (joined.readings.length > 1) {
        uncertain.set(line, joined.readings);
        several.set(line, joined.several);
      }
      return joined.numbers;
    }
    const numbers = printed ?? table3Numbers(text, line, format, fit);
    // A number or two too many on one line: the readings without them that add up.
    const readings = withoutStrayCells(numbers);
    if (readings.length === 0) return numbers;
    if (readings.length > 1) {
      uncertain.set(
        line,
        readings.map((r) => r.map((n) => n.value)),
      );
      several.set(line, strayNote(line, numbers.length, readings.length));
    } else out.problems.push(strayNote(line, numbers.length, 1));
    return readings[0]!;
  });
  const labelled = (index: number) => ROW_LABEL_WORDS(lines[from + index] ?? '') !== '';
  const rows = withLabels(
    rowsOfSeven(numbersByLine, labelled, (index) => stray.has(index)),
    lines,
    from + 1,
    numbersByLine,
  );
  if (rows.length === 0) {
    out.problems.push('表三没有读到一行数字（每行七个、前六个之和等于总计）');
    return;
  }
  for (const problem of unmadeRows(rows, numbersByLine, lines, from, format, stray))
    out.problems.push(problem);
  // Far more rows than the format's, with the few local rows a report adds: not a report's table.
  if (rows.length > MAX_TABLE3_ROWS) {
    out.problems.push(`表三读到 ${rows.length} 行数字，远多于格式的行数，不像是年度报告的表格，未读`);
    return;
  }
  const placement = placeTable3Rows(rows, format);
  const { zeroFromGroup, extra, problems } = placement;
  const placed = new Map(placement.placed);
  for (const row of extra) {
    const line = row.numbers[0]!.line;
    const label = rowWords(lines[line - 1] ?? '');
    out.extra(
      { table: 't3', label, line, values: row.numbers.map((n) => n.value) },
      !label
        ? `表三第 ${line} 行的数字不属于格式中的任何一行，未计入`
        : namesTable3Row(label, format)
          ? `表三第 ${line} 行“${label}”是格式中已读过的一行，重复出现，未计入`
          : `表三第 ${line} 行“${label}”不是格式中的行，未计入`,
    );
  }
  out.problems.push(...problems);
  // Row 二 run together: last year's row 四, when given, is the split (carried-over.ts).
  const carriedRow = placed.get('r2');
  const carriedSplit =
    carriedRow && splitCarriedOver(uncertain.get(carriedRow.numbers[0]!.line) ?? [], carried);
  if (carriedRow && carriedSplit) {
    const line = carriedRow.numbers[0]!.line;
    uncertain.delete(line);
    several.delete(line);
    placed.set('r2', {
      ...carriedRow,
      numbers: carriedRow.numbers.map((n, c) => ({ ...n, value: carriedSplit[c]! })),
      evidence: `${carriedRow.evidence}${CARRIED_NOTE}`,
    });
    out.problems.push(`表三第 ${line} 行“二、上年结转…”的数字连在一起${CARRIED_NOTE}`);
  }
  // A run-together line the columns' arithmetic narrows to one reading is read; else its doubt is said.
  const decided = new Set<number>();
  for (const [rowId, row] of placed) {
    const all = uncertain.get(row.numbers[0]!.line);
    const readings = all && confirmedByColumns(all, rowId, placed, uncertain, zeroFromGroup, format);
    if (readings) {
      if (readings.length === 1) decided.add(row.numbers[0]!.line);
      cellsOf(rowId).forEach((cell, c) => {
        const values = [...new Set(readings.map((r) => r[c]!))].sort((a, b) => a - b);
        if (values.length === 1)
          out.put(cell, values[0]!, { line: row.numbers[0]!.line, text: row.evidence });
        else out.uncertain(cell, values);
      });
      continue;
    }
    const cells = cellsOf(rowId);
    row.numbers.forEach((n, c) =>
      out.put(
        cells[c]!,
        n.value,
        n.blank
          ? { line: n.line, column: n.column, text: row.evidence, blank: true }
          : { line: n.line, column: n.column, text: row.evidence },
      ),
    );
  }
  for (const [rowId, row] of zeroFromGroup)
    cellsOf(rowId).forEach((cell) => out.put(cell, 0, { line: row.numbers[0]!.line, text: row.evidence }));
  for (const [line, problem] of several)
    if (uncertain.has(line))
      out.problems.push(
        decided.has(line)
          ? `${problem}，只有一种与表中其他各行的勾稽关系相符，按它读出`
          : `${problem}，只读出各种拆法一致的格`,
      );
}
