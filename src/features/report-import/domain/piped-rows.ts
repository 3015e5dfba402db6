/**
 * A table's rows as a page, a sheet or a markdown table prints them, cell by cell: the cells of a row, and
 * how many cells each row of a table should have — where a row has fewer, a cell was lost.
 */
import { MAX_ROW_CELLS } from './text-numbers.ts';

/**
 * A row's cells as a page, a sheet or a markdown table prints them: tab-separated, or between pipes
 * (| label | 1 | 0 | … |, the outer pipes no cells), or each followed by one as a page's text may give
 * them (label | 1 | | 0 |). Else undefined (a line of text, cells unknown).
 */
export function rowCells(text: string): string[] | undefined {
  if (text.includes('\t') && !text.includes('|')) return text.split('\t');
  const row = text.trim();
  if (!row.endsWith('|') || row.length < 3) return undefined;
  return row.slice(row.startsWith('|') ? 1 : 0, -1).split('|');
}

/** A markdown table's separator line (|---|---|…|): how many columns the table's rows have. */
const SEPARATOR = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;
export const isSeparator = (text: string) => SEPARATOR.test(text.trim());

/**
 * How many cells between pipes each line of a table's rows should have (a row with fewer has lost one):
 * in a markdown table, its own separator's columns — every row of a markdown table has them, where a
 * conversion adds a trailing empty column or not table by table; elsewhere the number of cells most of the
 * full rows (of `fullRow` numbers or more, where given) have; undefined where neither is known.
 */
export function pipedWidths(lines: readonly string[], fullRow?: number): ReadonlyArray<number | undefined> {
  const usual = fullRow === undefined ? undefined : usualWidth(lines, fullRow);
  const widths: Array<number | undefined> = lines.map(() => usual);
  // A markdown table: the lines of pipes around a separator (its header above it, its rows below).
  for (let i = 0; i < lines.length; i++) {
    const separator = lines[i]!.trim();
    if (!SEPARATOR.test(separator)) continue;
    const width = rowCells(separator)!.length;
    const inTable = (k: number) => k >= 0 && k < lines.length && /^\s*\|/.test(lines[k]!);
    if (inTable(i - 1)) widths[i - 1] = width;
    for (let k = i + 1; inTable(k) && !SEPARATOR.test(lines[k]!.trim()); k++) widths[k] = width;
  }
  return widths;
}

/** The number of cells most of the piped rows of `fullRow` numbers or more have. */
function usualWidth(lines: readonly string[], fullRow: number): number | undefined {
  const counts = new Map<number, number>();
  for (const text of lines) {
    if (!text.includes('|') || text.includes('\t')) continue;
    const cells = rowCells(text);
    if (!cells || cells.length > MAX_ROW_CELLS) continue;
    // Cells of digits alone: a full row's numbers, counted without reading them.
    if (cells.filter((cell) => /^\s*\d[\d.,]*\s*$/.test(cell)).length < fullRow) continue;
    counts.set(cells.length, (counts.get(cells.length) ?? 0) + 1);
  }
  let most: [number, number] | undefined;
  for (const entry of counts) if (!most || entry[1] > most[1]) most = entry;
  return most?.[0];
}

/** A cell with words in it: a character no number or blank mark (- / 无) is made of. */
const hasWords = (cell: string) =>
  /[^\s\d\uff10-\uff19.,，%％+\-—–/／－]/.test(cell.replace(/^\s*无\s*$/, ''));

/** How many of a row's cells follow its label: those after the last cell with words. */
export function valueCellCount(cells: readonly string[]): number {
  let count = 0;
  while (count < cells.length && !hasWords(cells[cells.length - 1 - count]!)) count++;
  return count;
}

/**
 * How many cells after their labels a table's tab-separated rows with a number have, where nearly all
 * have as many (an HTML table's regular grid: a row wider than the others has a stray cell); undefined
 * where the rows are ragged (a sheet's export) or few.
 */
export function tabbedValueWidth(lines: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const text of lines) {
    if (!text.includes('\t') || text.includes('|')) continue;
    const cells = text.split('\t');
    if (cells.length > MAX_ROW_CELLS || !/\d/.test(text)) continue;
    const width = valueCellCount(cells);
    counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  let most: [number, number] | undefined;
  let rows = 0;
  for (const entry of counts) {
    rows += entry[1];
    if (!most || entry[1] > most[1]) most = entry;
  }
  return most && rows >= GRID_ROWS && most[1] >= rows * GRID_SHARE ? most[0] : undefined;
}

/** A grid: at least this many rows, and this share of them as wide. */
const GRID_ROWS = 5;
const GRID_SHARE = 0.9;

/** How a row of an HTML table's regular grid (its cells after the label) stands to the others' width. */
function gridFitOf(valueCells: number, width: number): 'short' | 'wide' | 'fits' {
  return valueCells < width ? 'short' : valueCells > width ? 'wide' : 'fits';
}

export type RowFit = 'short' | 'wide' | 'fits';

/**
 * How a line, a row of cells, stands to its table's width — how many cells its rows between pipes have,
 * and how many cells after their labels the tab-separated rows of a regular grid have: `short` (a cell
 * lost), `wide` (a cell too many: only in a grid), `fits`; undefined for a line of text or where the width
 * is not known.
 */
export function rowFit(
  text: string,
  width: { readonly piped?: number; readonly tabbed?: number },
): RowFit | undefined {
  const all = rowCells(text);
  if (!all || isSeparator(text)) return undefined;
  // A markdown table's rows may be wider than its separator (a header of fewer cells than the rows'
  // labels span): only a row narrower than it is known to have lost a cell.
  if (!text.includes('\t'))
    return width.piped === undefined ? undefined : all.length < width.piped ? 'short' : 'fits';
  // A row of an HTML table's grid is as wide as the others.
  return width.tabbed === undefined ? undefined : gridFitOf(valueCellCount(all), width.tabbed);
}

const OPENS_ROW = /^\s*[|｜]/;
const CLOSES_ROW = /[|｜]\s*$/;
/** Lines a wrapped row is followed over at most (a label broken over a narrow page, then its cells). */
const MAX_WRAPPED_LINES = 8;

/**
 * Rows of a piped table wrapped at a width (“| 规范性文件 | 13 | 0 | 5” / “5 |”): each put back whole on its
 * first line, the lines it ran on left empty (every line keeps its number, and so its evidence). Only
 * where the lines that follow open no row of their own (none starts with a bar; a break just before one
 * leaves a space in front of it) and end with the row's closing bar (a converter that prints its rows
 * without one never gives that); a number broken by the wrap is whole again.
 */
export function rejoinWrappedRows(lines: readonly string[]): string[] {
  const out = [...lines];
  const runsOn = (line: string) => line.trim() !== '' && !/^[|｜]/.test(line);
  for (let i = 0; i < out.length; i++) {
    if (!OPENS_ROW.test(out[i]!) || CLOSES_ROW.test(out[i]!)) continue;
    let row = out[i]!;
    let end = i + 1;
    while (end < out.length && end - i <= MAX_WRAPPED_LINES && runsOn(out[end]!) && !CLOSES_ROW.test(row))
      row += out[end++]!;
    if (!CLOSES_ROW.test(row)) continue;
    out[i] = row;
    for (let k = i + 1; k < end; k++) out[k] = '';
    i = end - 1;
  }
  return out;
}
