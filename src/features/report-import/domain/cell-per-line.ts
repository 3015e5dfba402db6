/**
 * A page saved one table cell a line, as some crawlers save a page's tables: each cell's text followed
 * by “ |” (“规章 |”, “/ |”, “28 |”), an empty cell a lone “|”, and the cells a merged cell spans as a
 * line of bars (“|||”). Such text is put back into rows before it is read: a label with the numbers
 * and empty cells under it becomes one tab-separated row on the label's line (an empty cell stays an
 * empty cell: a blank, §7), the lines it took left empty so that every line keeps its number.
 */
import { isNumberCell } from './text-numbers.ts';

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

/** Table 三's cells a row: where a page leaves some out, a row of zeros is known all the same. */
const TABLE3_CELLS = 7;

/**
 * The lines with each label's cells put back on its line (the same number of lines). Some pages leave
 * a row's empty cells out, printing a line of bars after the cells they print instead: a table 三 row
 * (`isTable3Row`) whose printed cells are all 0 is then seven zeros wherever its 0 stood (its empty cells
 * blanks, §7; the 0 taken as its 总计, the one such pages print) — any other row so printed is left
 * as it is, its cells' places unknown.
 */
export function joinCellPerLine(
  lines: readonly string[],
  isTable3Row: (label: string) => boolean = () => false,
  /** What is said of each table 三 row left as it is (its cells' places unknown). */
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
    while (end < lines.length && isValue(lines[end]!)) end++;
    let values = lines.slice(first, end).map((l) => cellText(l) ?? '');
    if (
      values.length > 0 &&
      values.length < TABLE3_CELLS &&
      label !== undefined &&
      SPANNED.test(lines[end] ?? '') &&
      isTable3Row(label)
    ) {
      if (values.every((v) => /^0+$/.test(v.normalize('NFKC'))))
        values = [...Array<string>(TABLE3_CELLS - 1).fill(''), '0'];
      else
        notes.push(
          `表三“${label}”一行只印出 ${values.length} 个单元格（${values.map((v) => v || '空').join('、')}），其余空缺，看不出各在哪一列，未读`,
        );
    }
    if (values.length === 0) {
      out[i] = label ?? '';
      continue;
    }
    out[i] = [...(label === undefined ? [] : [label]), ...values].join('\t');
    for (let k = i + 1; k < Math.max(end, first); k++) out[k] = '';
    i = end - 1;
  }
  return out;
}
