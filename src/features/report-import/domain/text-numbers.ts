/**
 * The numbers of a line of a published report's table, as a reader sees them: cells separated by tabs,
 * pipes or spaces; blank-like marks (- — / 无) read as 0 (§7); thousands separators dropped; enumerators
 * of labels (1. 2、) and page marks (— 5 —) are not numbers.
 */
import { normalizeFoldedLabel } from '../../annual-report/index.ts';
/** A piece of a PDF line where the page shows it (points from the left edge). */
export interface PositionedText {
  readonly x: number;
  readonly width: number;
  readonly text: string;
}

/** A row the format does not have (a local addition), kept aside with its numbers. */
export interface ExtraRow {
  readonly table: 't2' | 't3' | 't4';
  readonly label: string;
  /** The line it was read from (for flattened text, the line where the tables start). */
  readonly line: number;
  readonly values: readonly number[];
  /** Digits run together that nothing splits (flattened text). */
  readonly digits?: string;
}

export interface LineNumber {
  readonly value: number;
  readonly line: number;
  /** Cell position on the line (0-based among its cells). */
  readonly column: number;
  /** Printed blank or as a mark (-, /, 无) and read as 0 (§7, flagged by R9). */
  readonly blank?: true;
}

const ZERO_MARKS = new Set(['-', '—', '–', '/', '／', '无', '－']);

const MAX_NUMBER_CHARS = 16;

/** A page number alone on its line: “- 3 -”, “— 5 —”. */
export const PAGE_MARK = /^\s*[-—–－]\s*\d{1,4}\s*[-—–－]\s*$/;

/** Thousands separators that group by three. */
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * What one cell (a token between separators, NFKC) reads as: a number (thousands separators dropped; a
 * longer run of digits is no cell of a report, and past 16 digits no exact number at all), a blank-like
 * mark read as 0, or nothing.
 */
function cellValue(cell: string): { value: number; blank?: true } | undefined {
  // Thousands separators only where they group by three (2,293; not 22,93 or 1234,567).
  const digits = cell.includes(',') && THOUSANDS.test(cell) ? cell.replace(/,/g, '') : cell;
  if (digits.length <= MAX_NUMBER_CHARS && /^[+-]?\d+(\.\d+)?$/.test(digits))
    return { value: Number(digits) };
  return ZERO_MARKS.has(cell) ? { value: 0, blank: true } : undefined;
}

/** A number as printed (2,293 or 18651.06), not a blank mark; else undefined. */
export function printedNumber(cell: string): number | undefined {
  const read = cellValue(cell);
  return read && !read.blank ? read.value : undefined;
}

/** A count or sum printed with its unit in table 二 (采购 1个, 246900元): the unit parts the numbers. */
export const withoutUnits = (text: string) => text.replace(/(\d)(?:个|件|项|万元|元)/g, '$1 ');

/** Whether one cell reads as a number or a blank-like mark (numbersOfLine's test). */
export const isNumberCell = (cell: string): boolean => cellValue(cell) !== undefined;

/** What every number or blank-like mark holds, before or after NFKC: a line without one reads none. */
const NUMBER_OR_MARK = /[0-9\uff10-\uff19\-—–/／无－]/;

const SINGLE_HAN = /^\p{Script=Han}$/u;

export function numbersOfLine(text: string, line: number): LineNumber[] {
  if (!NUMBER_OR_MARK.test(text) || PAGE_MARK.test(text)) return [];
  // Cells split as printed (full-width bar and space included); only a cell with other than ASCII in it
  // is NFKC-normalised (full-width digits and signs), the line's words never need to be.
  const cells = (text.includes('—') ? text.replace(/—\s*\d+\s*—/g, ' ') : text).split(/[|｜\t]|\s+/);
  const numbers: LineNumber[] = [];
  for (let column = 0; column < cells.length; column++) {
    let cell = cells[column]!.trim();
    if (cell === '') continue;
    if (/[^ -~]/.test(cell)) {
      if (!/[\uff01-\uff5e\u2000-\u206f\u3000]|无/.test(cell)) continue;
      cell = cell.normalize('NFKC').trim();
    }
    const read = cellValue(cell);
    // 无 between two lone characters is a word of a label printed a character at a time (PDF text:
    // 申 请 人 无 正 当 理 由), not a cell.
    if (
      read?.blank &&
      cell === '无' &&
      SINGLE_HAN.test(cells[column - 1] ?? '') &&
      SINGLE_HAN.test(cells[column + 1] ?? '')
    )
      continue;
    if (read)
      numbers.push(
        read.blank ? { value: read.value, line, column, blank: true } : { value: read.value, line, column },
      );
  }
  return numbers;
}

/** No row of a report's table has more cells: a longer line is not read cell by cell (a hostile one). */
export const MAX_ROW_CELLS = 64;

/**
 * A web page's or sheet's row (tab-separated cells) read in place, its empty cells as blanks (§7): where
 * the cells after its label (its leading cells of words) are as many as `fits` allows, each empty or one
 * number, at least one a number. Else undefined (read it as a line).
 */
export function cellsInPlace(
  text: string,
  line: number,
  fits: (count: number) => boolean,
): LineNumber[] | undefined {
  if (!text.includes('\t') || text.includes('|')) return undefined;
  const cells = text.split('\t');
  if (cells.length > MAX_ROW_CELLS) return undefined;
  const read = cells.map((cell) => (cell.trim() === '' ? undefined : numbersOfLine(cell, line)));
  let first = 0;
  while (first < cells.length && read[first] && read[first]!.length === 0) first++;
  const values = read.slice(first);
  if (!fits(values.length) || values.some((v) => v && v.length !== 1)) return undefined;
  if (values.every((v) => !v)) return undefined;
  return values.map((v, k) =>
    v ? { ...v[0]!, column: first + k } : { value: 0, line, column: first + k, blank: true },
  );
}

/** Characters without which no cell of a line reads as a number or a blank mark (cellValue). */
const NUMBER_CHARS = /[\d\-—–/／无－]/;

/** A line's label words, numbers left out, normalised for matching (tables 二 and 三). */
export const ROW_LABEL_WORDS = (text: string) => {
  const folded = text.normalize('NFKC');
  return normalizeFoldedLabel(
    NUMBER_CHARS.test(folded)
      ? folded
          .split(/[|\t]|\s+/)
          .filter((token) => !isNumberCell(token))
          .join('')
      : folded.replace(/\|/g, ''),
  );
};
