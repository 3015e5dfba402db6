/**
 * A page saved one table cell a line, as some crawlers save a page's tables: each cell's text followed
 * by “ |” (“规章 |”, “/ |”, “28 |”), an empty cell a lone “|”, and the cells a merged cell spans as a
 * line of bars (“|||”). Such text is put back into rows before it is read: a label with the numbers
 * and empty cells under it becomes one tab-separated row on the label's line (an empty cell stays an
 * empty cell: a blank, §7), the lines it took left empty so that every line keeps its number.
 */
import { isNumberCell, PAGE_MARK } from './text-numbers.ts';

/** “text |”: one cell of text, nothing else on the line. */
const ONE_CELL = /^([^|｜]*\S)\s*[|｜]\s*$/;
/** “|”: an empty cell. */
const EMPTY_CELL = /^\s*[|｜]\s*$/;
/** “||”, “|||”…: the places a merged cell spans. */
const SPANNED = /^\s*[|｜]{2,}\s*$/;

/** At least this many cells alone on their lines before the text is taken for a page saved so. */
const AT_LEAST = 40;

const cellText = (line: string) => ONE_CELL.exec(line)?.[1]?.trim();

function isValue(line: string): boolean {
  if (EMPTY_CELL.test(line)) return true;
  const text = cellText(line);
  return text !== undefined && isNumberCell(text.normalize('NFKC'));
}

/**
 * A page's number where the page broke (“— 4 —”, or a number alone with no bar after it): no cell of the
 * page, though it may fall between a row's label and its cells.
 */
const isPageNumber = (line: string) => PAGE_MARK.test(line) || /^\s*\d{1,4}\s*$/.test(line);

/** A cell of digits that is not one number (9 7, 1 2 3): a garbled value cell of the row, not a label. */
function isGarbledValue(line: string): boolean {
  const text = cellText(line)?.normalize('NFKC');
  return text !== undefined && /\d/.test(text) && /^[\d\s.,/-]+$/.test(text) && !isNumberCell(text);
}

/** Whether the lines are such a page: many cells alone on their lines, more than lines of anything else. */
export function isCellPerLine(lines: readonly string[]): boolean {
  let cells = 0;
  let other = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (ONE_CELL.test(line) || EMPTY_CELL.test(line) || SPANNED.test(line)) cells++;
    else other++;
  }
  return cells >= AT_LEAST && cells > other;
}

/** At most this many of a row's cells are named in what is said of it (a hostile page prints thousands). */
const SHOWN_CELLS = 10;
const shown = (values: readonly string[]) =>
  values
    .slice(0, SHOWN_CELLS)
    .map((v) => v || '空')
    .join('、') + (values.length > SHOWN_CELLS ? '…' : '');

/**
 * The lines with each label's cells put back on its line (the same number of lines). A row is put back
 * only where it has the cells its label's row has (`cellsOf`: 表二's 1–3, 表三's 7; empty cells past them
 * are the page's): a line lost, or the empty cells a page leaves out (printing a line of bars after the
 * cells it prints instead), would put its numbers in other columns. Such a row is left unread and named
 * in `notes` — except a row a page left short, with a line of bars after it, whose printed cells are all
 * 0: all of its cells are 0 wherever its 0 stood (its empty cells blanks, §7; the 0 taken as the last,
 * the 总计 such pages print).
 */
export function joinCellPerLine(
  lines: readonly string[],
  cellsOf: (label: string) => number | undefined = () => undefined,
  notes: string[] = [],
): string[] {
  const out = [...lines];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SPANNED.test(line)) {
      out[i] = '';
      continue;
    }
    // A label whose bar went to the line under it (行政规范性文件 / | / 0 |): the label's cell.
    const wrapped =
      !/[|｜]/.test(line) &&
      line.trim() !== '' &&
      !isNumberCell(line.trim().normalize('NFKC')) &&
      EMPTY_CELL.test(lines[i + 1] ?? '') &&
      isValue(lines[i + 2] ?? '');
    if (!wrapped && !ONE_CELL.test(line) && !EMPTY_CELL.test(line)) continue;
    // The run of numbers and empty cells from here or under this label.
    const label = wrapped ? line.trim() : isValue(line) ? undefined : cellText(line)!;
    const first = label === undefined ? i : wrapped ? i + 2 : i + 1;
    let end = first;
    const inRow = (line: string) => isValue(line) || isGarbledValue(line) || isPageNumber(line);
    while (end < lines.length && inRow(lines[end]!)) end++;
    // A page number at the run's end is the page's, not the row's: left where it is (and so read as
    // nothing, a page mark) rather than taken.
    while (end > first && isPageNumber(lines[end - 1]!)) end--;
    let values = lines
      .slice(first, end)
      .filter((l) => !isPageNumber(l))
      .map((l) => cellText(l) ?? '');
    const wanted = label === undefined ? undefined : cellsOf(label);
    const garbled = values.find((v) => v !== '' && !isNumberCell(v.normalize('NFKC')));
    if (garbled !== undefined) {
      // A cell that is not one number: which numbers are whose is not known.
      notes.push(`“${label ?? garbled}”一行的单元格“${garbled.slice(0, 40)}”不是一个数，这一行未读`);
      values = [];
    } else if (wanted !== undefined && values.length > 0) {
      while (values.length > wanted && values.at(-1) === '') values.pop();
      if (values.length !== wanted) {
        const leftOut = values.length < wanted && SPANNED.test(lines[end] ?? '');
        if (leftOut && values.every((v) => /^0+$/.test(v.normalize('NFKC'))))
          values = [...Array<string>(wanted - 1).fill(''), '0'];
        else {
          notes.push(
            `“${label}”一行印出 ${values.length} 个单元格（${shown(values)}），应为 ${wanted} 个，看不出各在哪一列，未读`,
          );
          values = [];
        }
      }
    }
    // A row's label with the bars of its spanned cells right under it and no cell printed: its numbers
    // are gone, and the label is left out so that no number further down is taken for its.
    if (wanted !== undefined && label !== undefined && end === first && SPANNED.test(lines[end] ?? '')) {
      notes.push(`“${label}”一行没有印出数字，未读`);
      out[i] = '';
      continue;
    }
    // The row on the label's line (or its first cell's), the lines it took left empty.
    out[i] =
      values.length === 0 ? (label ?? '') : [...(label === undefined ? [] : [label]), ...values].join('\t');
    for (let k = i + 1; k < end; k++) out[k] = '';
    i = Math.max(i, end - 1);
  }
  return out;
}
