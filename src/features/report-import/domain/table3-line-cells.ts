/**
 * One line of table 三 read as a row's seven cells: a web page's, a sheet's or a markdown table's row whose
 * value cells are printed empty read in place (blanks as 0, an empty 总计 as the sum of its row), other
 * lines as numbersOfLine reads them; and whether words name one of the table's rows.
 */
import { reportFormat, stripLabelMarker, type ReportFormatId } from '../../annual-report/index.ts';
import { MAX_ROW_CELLS, numbersOfLine, ROW_LABEL_WORDS, type LineNumber } from './text-numbers.ts';
import { rowCells, type RowFit } from './piped-rows.ts';

/**
 * A table 三 row of a web page, sheet or markdown table (cells separated by tabs or pipes) with some of
 * its seven value cells printed empty — a page that leaves the 法人或其他组织 columns blank, or a whole
 * row of nothing — reads its blanks as 0 in their places, as a reader of the page does, and an empty 总计
 * beside the row's other cells as their sum; other lines as numbersOfLine reads them.
 */
export function table3Numbers(
  text: string,
  line: number,
  format: ReportFormatId,
  /** How the row stands to its table's width (rowFit): a row that lost a cell is `short`. */
  fit?: RowFit,
): LineNumber[] {
  const numbers = numbersOfLine(text, line);
  if (numbers.length >= 7) return numbers;
  const all = rowCells(text);
  if (!all) return numbers;
  const piped = !text.includes('\t');
  const short = piped && fit === 'short';
  if (all.length > MAX_ROW_CELLS) return numbers;
  // Each cell read once (the readings below try several ends of the row over the same cells).
  const read1 = new Map<number, LineNumber[]>();
  const one = (k: number) => {
    let got = read1.get(k);
    if (!got) read1.set(k, (got = numbersOfLine(all[k]!, line)));
    return got;
  };
  // Empty cells at the end are either the page's trailing cells or the row's own empty ones (an empty
  // 总计): each reading is tried, from the row's own cells outward, and the one whose six cells add up
  // to its 总计 (R3, the format's arithmetic) is taken.
  for (
    let dropped = 0;
    dropped < all.length && (dropped === 0 || all[all.length - dropped]!.trim() === '');
    dropped++
  ) {
    const cells = all.slice(0, all.length - dropped);
    if (cells.length < 8) break;
    const values = cells.slice(-7);
    const first = cells.length - 7;
    if (!values.every((cell, k) => cell.trim() === '' || one(first + k).length === 1)) continue;
    // Every number of the line among the seven (none left beside the label, none past them).
    if (values.filter((cell) => cell.trim() !== '').length !== numbers.length) continue;
    const label = ROW_LABEL_WORDS(cells.slice(0, -7).join(' '));
    if (!label) continue;
    // A row of nothing but empty cells only where its words name a row of the table (not a heading
    // whose cells a sheet or page leaves empty beside it).
    if (numbers.length === 0 && (piped || !namesTable3Row(label, format))) return numbers;
    const read: LineNumber[] = values.map((cell, k) => {
      const column = first + k;
      const printed = cell.trim() === '' ? undefined : one(column)[0];
      return printed ? { ...printed, column } : { value: 0, line, column, blank: true };
    });
    // A 总计 printed empty beside the row's other cells (a 2019-format page's habit, its empty cells
    // read as 0) is their sum: the format's own definition of the column (R3).
    // In a markdown table converted from a PDF an empty cell may be a lost one: there the empty 总计 is
    // their sum only beside six printed cells, and empty cells among the six are read as 0 only where a
    // printed 总计 leaves them nothing else to be (counts are never negative) — the row's cells may also
    // end before a page's trailing empty cells (| … | 0 | ||): those readings are tried next.
    const six = read.slice(0, 6).reduce((sum, n) => sum + n.value, 0);
    if (values[6]!.trim() === '' && values.slice(0, 6).some((cell) => cell.trim() !== '')) {
      if (piped && (short || values.slice(0, 6).some((cell) => cell.trim() === ''))) continue;
      read[6] = { ...read[6]!, value: six, blank: true };
    }
    if (six === read[6]!.value) return read;
  }
  return numbers;
}

/** Table 三's data rows' labels of each format, without their markers (一、, （一）, 1.). */
const TABLE3_LABELS = new Map<ReportFormatId, readonly string[]>();
export function namesTable3Row(words: string, format: ReportFormatId): boolean {
  let labels = TABLE3_LABELS.get(format);
  if (!labels)
    TABLE3_LABELS.set(
      format,
      (labels = reportFormat(format)
        .tables.t3.rows.filter((r) => r.kind === 'data')
        .map((r) => stripLabelMarker(r.label))),
    );
  return labels.some((label) => label.length >= 2 && words.endsWith(label));
}
