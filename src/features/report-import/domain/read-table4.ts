/**
 * Table 四 of a report's text: its fifteen numbers (行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉,
 * each 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计), from the lines after its heading up to section 五;
 * rows of five or fifteen numbers after them are a report's local additions, set aside and named.
 */
import { FORMAT_2021 } from '../../annual-report/index.ts';
import { cellsInPlace, numbersOfLine, ROW_LABEL_WORDS, type LineNumber } from './text-numbers.ts';
import { pipedWidths, rowCells, rowFit } from './piped-rows.ts';
import type { CellSink } from './read-table3.ts';

const T4_CELLS = FORMAT_2021.cellIds.filter((c) => c.startsWith('t4.'));

/** Section 五's heading (in a markdown conversion, a heading of its own). */
const SECTION_FIVE = /^\s*(?:#+\s*)?五、/;

/**
 * The words a line of table 四's numbers may hold beside them (its headers', as ROW_LABEL_WORDS gives
 * them): a line of numbers with other words is a sentence after the table — the table has ended.
 */
const TABLE4_WORDS = /^[行政复议诉讼未经直接起诉后结果维持纠正其他尚未审结总计数量合件()、.:]*$/;

/** How far after its heading table 四's fifteen numbers are looked for. */
const TABLE4_LINES = 60;

/** The first line from `from` on, before section 五, of five numbers or more and no words. */
function unlabelledRowAfter(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < Math.min(lines.length, from + 40); i++) {
    const text = lines[i] ?? '';
    if (SECTION_FIVE.test(text)) return undefined;
    if (/^\s*注[:：]/.test(text)) continue;
    if (numbersOfLine(text, i + 1).length >= 5 && !ROW_LABEL_WORDS(text)) return i;
  }
  return undefined;
}

/** Each group of five: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
function addsUp(fifteen: readonly LineNumber[]): boolean {
  for (let k = 0; k < 15; k += 5) {
    const [a, b, c, d, total] = fifteen.slice(k, k + 5).map((n) => n.value);
    if (a! + b! + c! + d! !== total) return false;
  }
  return true;
}

/**
 * Table 四: the first 15 numbers after its heading, in printed order (n1…n15, over one line or several).
 * Lines with numbers after those 15 and before section 五 are rows the format does not have (a local
 * 其中 row): kept aside and named.
 */
export function readTable4(lines: readonly string[], from: number, out: CellSink): void {
  const numbers: LineNumber[] = [];
  // How many of the numbers each line gave: the table's rows of five or fifteen, or not.
  const perLine: number[] = [];
  let printed = 0;
  const widths = pipedWidths(lines.slice(from, from + TABLE4_LINES));
  let i = from;
  for (; i < lines.length && numbers.length < 15; i++) {
    const text = lines[i] ?? '';
    if (SECTION_FIVE.test(text)) break;
    if (/^\s*注[:：]/.test(text)) continue;
    // A web row with empty cells: all fifteen still wanted, or one group of five.
    const wanted = 15 - numbers.length;
    const inPlace = cellsInPlace(text, i + 1, (n) => n === wanted || (n === 5 && wanted % 5 === 0));
    const found = inPlace ?? numbersOfLine(text, i + 1);
    if (found.length === 0) continue;
    if (!TABLE4_WORDS.test(ROW_LABEL_WORDS(text))) break;
    // A markdown row with fewer cells than its table's columns lost one: which, is not known.
    if (rowFit(text, { piped: widths[i - from] }) === 'short') {
      out.problems.push(
        `表四第 ${i + 1} 行印出 ${rowCells(text)!.length} 个单元格，表格有 ${widths[i - from]} 列，少了一格，看不出是哪一格，未读`,
      );
      return;
    }
    perLine.push(found.length);
    // Past the sixteenth, only how many (a hostile line of a million numbers is not copied).
    for (const n of found.slice(0, 16 - numbers.length)) numbers.push(n);
    printed += found.length;
  }
  if (numbers.length < 15) {
    out.problems.push(`表四只读到 ${numbers.length} 个数字，应为 15 个`);
    return;
  }
  // More than fifteen on the lines that give the fifteenth (a number printed twice, a cell split): the
  // first fifteen are believed only where each group of five adds up to its 总计 (R4).
  if (numbers.length > 15 && !addsUp(numbers.slice(0, 15))) {
    out.problems.push(`表四读到 ${printed} 个数字，多于 15 个，看不出各在哪一格，未读`);
    return;
  }
  // Lines of one number, rows of five or all fifteen are the table's own rows; fifteen numbers over lines
  // of other counts (a wrapped row, or one that lost a cell and took the next row's) are believed only
  // where each group of five adds up to its 总计 (R4).
  if (perLine.some((n) => n !== 1 && n !== 5 && n !== 15) && !addsUp(numbers.slice(0, 15))) {
    out.problems.push(
      `表四的数字分在几行（${perLine.join('、')} 个），各组之和与总计不符，看不出各在哪一格，未读`,
    );
    return;
  }
  // A line of numbers alone after the fifteen, before section 五 (a block printed twice): which fifteen
  // are the table's is not known.
  const more = unlabelledRowAfter(lines, i);
  if (more !== undefined) {
    out.problems.push(`表四的 15 个数字之后第 ${more + 1} 行又是一行数字，看不出哪些是表四的，未读`);
    return;
  }
  numbers
    .slice(0, 15)
    .forEach((n, k) =>
      out.put(T4_CELLS[k]!, n.value, { line: n.line, column: n.column, ...(n.blank ? { blank: true } : {}) }),
    );
  for (let end = Math.min(lines.length, i + 20); i < end; i++) {
    const text = lines[i] ?? '';
    // Section 五, or a blank line (a sheet or a paragraph ends), ends the table.
    if (/^\s*五、/.test(text) || text.trim() === '') break;
    if (/^\s*注[:：]/.test(text)) continue;
    const values = numbersOfLine(text, i + 1);
    const label = ROW_LABEL_WORDS(text);
    // A row of table 四 has five numbers or fifteen; a sentence with a figure in it is not a row.
    if (values.length >= 5 && label && !/[。；]/.test(label))
      out.extra(
        { table: 't4', label, line: i + 1, values: values.map((n) => n.value) },
        `表四第 ${i + 1} 行“${label}”不是格式中的行，未计入`,
      );
  }
}
