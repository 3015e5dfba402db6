/**
 * Table 二 of a report's text, by its row labels (readTable2), and what the text reader asks of its rows
 * (table2Rows): the format's rows with the words agencies print instead.
 */
import {
  normalizeLabel,
  reportFormat,
  cellsOfRow,
  labelAliases,
  stripLabelMarker,
  type ReportFormatId,
} from '../../annual-report/index.ts';
import { pipedWidths, rowCells, rowFit, valueCellCount } from './piped-rows.ts';
import type { Reading } from './reading.ts';
import {
  type PositionedText,
  numbersOfLine,
  ROW_LABEL_WORDS,
  withoutUnits,
  type LineNumber,
} from './text-numbers.ts';

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
export function table2Rows(format: ReportFormatId) {
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
 * Table 二 by its row labels, line by line. A tab-separated row puts each number under the header cell
 * whose column it falls in (a spreadsheet spreads one printed column over several); otherwise the
 * numbers are taken in order — with the 2021 case of three columns and two numbers read as 制发 and
 * 现行有效 (a blank 本年废止件数 lost in conversion, the usual case) where no row of the table prints all
 * three. A row of cells with fewer than its table has (a cell lost) is unread. A label split over two lines, and a
 * label alone on its line with the numbers on the next, are joined. A row that names none of the
 * format's rows (a local addition such as 其他主动公开文件) is kept aside as extra and named.
 */
export function readTable2(
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
  // Rows of three cells printed with two numbers, and whether any printed all three.
  const twoOfThree: Array<{ row: string; numbers: LineNumber[]; line: number }> = [];
  let threeOfThree = false;
  const widths = pipedWidths(lines.slice(from, to));
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
    // A row of cells that lost a cell, or has one too many: unread.
    const lost = rowCells(text) && cellsLost(text, widths[i - from], cells.length);
    if (lost) {
      out.problems.push(`表二“${labels.get(row)}”一行${lost}，未读`);
      continue;
    }
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
    } else if (numbers.length === cells.length) {
      numbers.forEach((n, k) => out.put(cells[k]!, n.value, { line: n.line, ...blankOf(n) }));
      if (cells.length === 3) threeOfThree = true;
    } else if (format === '2021' && cells.length === 3 && numbers.length === 2)
      twoOfThree.push({ row, numbers, line: i + 1 });
    else
      out.problems.push(
        `表二“${labels.get(row)}”一行读到 ${numbers.length} 个数字，应为 ${cells.length} 个，未读`,
      );
  }
  // Two numbers under 本年制发 · 本年废止 · 现行有效: where the table prints no row of three, its empty
  // 废止 cells are left out of the text (the other two are 制发 and 现行有效); where another row prints
  // all three, this row lost a number, and which is not known.
  for (const { row, numbers, line } of twoOfThree) {
    const cells = cellsOfRow(format, 't2', row);
    if (threeOfThree) {
      out.problems.push(
        `表二“${labels.get(row)}”一行读到 2 个数字（${numbers.map((n) => n.value).join('、')}），表中别的行印出 3 个，看不出少了哪一格，未读`,
      );
      continue;
    }
    out.put(cells[0]!, numbers[0]!.value, { line, ...blankOf(numbers[0]!) });
    out.put(cells[2]!, numbers[1]!.value, { line, ...blankOf(numbers[1]!) });
  }
}

/**
 * What is wrong with a row of cells whose count is not its table's (a markdown table: its separator's
 * columns; else the format's cells after the label), or undefined: fewer lost one, and more with a number
 * past the columns have one too many — which, is not known either way.
 */
function cellsLost(text: string, width: number | undefined, wanted: number): string | undefined {
  const all = rowCells(text)!;
  const fit = width === undefined ? undefined : rowFit(text, { piped: width });
  if (fit === 'short') return `印出 ${all.length} 个单元格，表格有 ${width} 列，看不出少了哪一格`;
  if (fit && all.slice(width).some((cell) => numbersOfLine(cell, 0).length > 0))
    return `印出 ${all.length} 个单元格，表格有 ${width} 列，多出的格里有数字，看不出哪一格是多的`;
  const printed = fit ? undefined : valueCellCount(all);
  return printed && printed < wanted
    ? `印出 ${printed} 个数字单元格，应为 ${wanted} 个，看不出少了哪一格`
    : undefined;
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
