/**
 * Reads the tables of a report whose page was flattened into running text with the cells run together
 * ("一、本年新收政府信息公开申请数量713000074二、上年结转…"): each row is found by its label, in printed
 * order, and its run of digits is split by the table's arithmetic (splitDigits). Where a row still has
 * several possible splits, the column sums of table 三 decide; in table 二 the numbers the report's own
 * text states decide. What stays ambiguous is left unread.
 */
import {
  normalizeLabel,
  reportFormat,
  cellsOfRow,
  stripLabelMarker,
  type CellId,
  type ReportFormatId,
} from '../../annual-report/index.ts';
import { isTable3Row, splitDigits, splitSumBlocks, splitSumRow } from './split-digits.ts';
import { printedNumber, withoutUnits, type ExtraRow } from './text-numbers.ts';
import { tableHeading } from './table-headings.ts';
import { CARRIED_NOTE, splitCarriedOver, type CarriedOver } from './carried-over.ts';

export interface FlattenedReading {
  readonly cells: Map<CellId, number>;
  /** Cells more than one split leaves possible: their candidate values, none stated as read. */
  readonly ambiguous: Record<CellId, number[]>;
  readonly problems: string[];
  readonly extraRows: Array<Omit<ExtraRow, 'line'>>;
  /** What each row was read from: its label and its run of digits as printed ("t3.r1" → "一、…801000081"). */
  readonly rowText: Record<string, string>;
}

/** Each found row's label and digits, as the evidence of its cells. */
function noteRows(
  table: 't2' | 't3',
  rows: ReadonlyArray<{ id: string; label: string }>,
  runs: readonly LabelledRun[],
  out: FlattenedReading,
): void {
  for (const { row, run } of runs)
    if (run) out.rowText[`${table}.${row}`] = `${rows.find((r) => r.id === row)?.label ?? row} ${run}`;
}

/**
 * A row that splits more than one way: a cell every split gives the same value is certain (stated);
 * every other cell is ambiguous, with the values the splits give it.
 */
function keepCertain(
  options: ReadonlyArray<readonly number[]>,
  cells: readonly CellId[],
  out: FlattenedReading,
): void {
  if (options.length < 2 || options.length > 50) return;
  cells.forEach((cell, i) => {
    const values = [...new Set(options.map((o) => o[i]!))].sort((a, b) => a - b);
    if (values.length === 1) out.cells.set(cell, values[0]!);
    else out.ambiguous[cell] = values;
  });
}

/**
 * NFKC, full-width marks as half-width, white space kept only between two numbers — and not even there
 * where it holds a line break: text wrapped at a width (a page's text saved with hard wraps) breaks a
 * number as readily as it parts two, so digits either side of a break run on, cut where the arithmetic
 * cuts them, never at the break for sure.
 */
export function compactText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(?<=\d\.?)[^\S\n]*\n\s*(?=\.?\d)/g, '')
    .replace(/[、．]/g, '.')
    .replace(/[“”‘’']/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/(?<![\d.]) | (?![\d+-])/g, '');
}

/**
 * The tables' headings by their words, whatever numeral the page gives them (a page that heads table 三
 * “二、收到和处理…” files no row under the wrong table), each looked for after the one before.
 */
const HEADINGS: Record<'t2' | 't3' | 't4' | 'end', RegExp> = {
  t2: tableHeading('t2'),
  t3: tableHeading('t3'),
  t4: tableHeading('t4'),
  end: /五\.[^。]{0,30}?(主要问题|改进情况)/,
};

/** The text between a heading and the next (from `after` on), with where it ends. */
function region(
  compact: string,
  from: RegExp,
  to: RegExp,
  after = 0,
): { text: string; end: number } | undefined {
  const start = from.exec(compact.slice(after));
  if (!start) return undefined;
  const begin = after + start.index + start[0].length;
  const rest = compact.slice(begin);
  const end = to.exec(rest);
  return { text: end ? rest.slice(0, end.index) : rest, end: begin + (end ? end.index : rest.length) };
}

interface LabelledRun {
  readonly row: string;
  readonly run: string | undefined;
  /** Words followed by numbers between this row's numbers and the next row's label: a local row. */
  readonly extras: ReadonlyArray<{ label: string; run: string }>;
}

/**
 * A run of numbers: digits (a sign, a point) and the spaces between numbers — and a comma between digits,
 * a thousands separator (行政许可2,293) that the split drops: a run cut short at it reads 2.
 */
const RUN = /[+-]?\d(?:[\d.+-]|,(?=\d))*(?: [+-]?\d(?:[\d.+-]|,(?=\d))*)*/;
/** A row's run of numbers at the start of the text after its label. */
const RUN_FIRST = new RegExp(`^ ?(${RUN.source})`);
/** Words followed by numbers: a row's label and its run. */
const LABELLED_RUN = new RegExp(`([^\\d ]{2,}?) ?(${RUN.source})`, 'g');

/** Rows the format does not have, found in the text left after a row's own numbers. */
function extrasIn(rest: string): Array<{ label: string; run: string }> {
  const found = [...rest.matchAll(LABELLED_RUN)];
  return found
    .map((m) => ({ label: m[1]!.replace(/^[^\p{L}]+/u, ''), run: m[2]!.trim() }))
    .filter((e) => e.label.length >= 2 && !/^第.*条/.test(e.label));
}

function reportExtras(
  table: 't2' | 't3' | 't4',
  name: string,
  runs: readonly LabelledRun[],
  out: FlattenedReading,
) {
  for (const extra of runs.flatMap((r) => r.extras)) {
    const values = extra.run.includes(' ') ? extra.run.split(' ').map(Number) : [];
    out.extraRows.push({
      table,
      label: extra.label,
      values,
      ...(values.length ? {} : { digits: extra.run }),
    });
    out.problems.push(`${name}“${extra.label}”不是格式中的行，未计入`);
  }
}

/** A format row's label as the compacted text prints it, and its enumerator (1. 2.): the format's few labels, worked out once. */
const LABEL_WORDS = new Map<string, { label: string; marker: string | undefined }>();
function labelWords(formatLabel: string): { label: string; marker: string | undefined } {
  let words = LABEL_WORDS.get(formatLabel);
  if (!words)
    LABEL_WORDS.set(
      formatLabel,
      (words = {
        label: stripLabelMarker(formatLabel),
        marker: /^(\d+)\./.exec(normalizeLabel(formatLabel))?.[1],
      }),
    );
  return words;
}

/**
 * Finds each row's label in order and the run of numbers between it and the next label — without the
 * next label's own marker ("00000002.其他…": the 2 is the marker of row 2).
 */
function runsAfterLabels(text: string, rows: ReadonlyArray<{ id: string; label: string }>): LabelledRun[] {
  let position = 0;
  const found = rows.map((row) => {
    const { label, marker } = labelWords(row.label);
    const at = text.indexOf(label, position);
    if (at >= 0) position = at + label.length;
    return { row: row.id, at, end: at + label.length, marker };
  });
  return found.map((entry, i) => {
    if (entry.at < 0) return { row: entry.row, run: undefined, extras: [] };
    const next = found.slice(i + 1).find((f) => f.at >= 0);
    let segment = text.slice(entry.end, next ? next.at : text.length);
    if (next?.marker && segment.endsWith(`${next.marker}.`))
      segment = segment.slice(0, -next.marker.length - 1);
    const run = RUN_FIRST.exec(segment);
    const rest = run ? segment.slice(run[0].length) : '';
    return { row: entry.row, run: run?.[1]?.trim() || undefined, extras: extrasIn(rest) };
  });
}

function candidatesOf(
  run: string | undefined,
  parts: number,
  accept?: (v: readonly number[]) => boolean,
  signedPart?: number,
) {
  if (!run) return [];
  const spaced = run.split(' ');
  if (spaced.length === parts) {
    const values = spaced.map((token) => printedNumber(token) ?? NaN);
    return values.every((v) => Number.isFinite(v)) && (!accept || accept(values)) ? [values] : [];
  }
  // Numbers a space apart are cells of their own: more of them than the row has cells is no reading,
  // and fewer are only cut within (a space is always a cut).
  if (spaced.length > parts) return [];
  // A table 三 row: its 总计 taken first, the rest cut to add up to it (the same readings, found faster).
  const all =
    accept === isTable3Row
      ? splitSumRow(run.replace(/ /g, ''), parts)
      : splitDigits(run.replace(/ /g, ''), parts, accept, signedPart);
  return spaced.length === 1 ? all : all.filter((values) => cutsAtSpaces(values, spaced));
}

/** The digits of a printed number (its sign and point aside): where a cut falls among a run's digits. */
const digitsOf = (text: string) => text.replace(/\D/g, '').length;

/** Whether a reading cuts the run at each of its spaces (counted in digits from the run's start). */
function cutsAtSpaces(values: readonly number[], spaced: readonly string[]): boolean {
  const cuts = new Set<number>();
  let at = 0;
  for (const value of values) cuts.add((at += digitsOf(String(value))));
  at = 0;
  return spaced.slice(0, -1).every((token) => cuts.has((at += digitsOf(token))));
}

function readTable3(
  text: string,
  format: ReportFormatId,
  out: FlattenedReading,
  carried: CarriedOver | undefined,
): void {
  const model = reportFormat(format).tables.t3;
  const rows = model.rows.filter((r) => r.kind === 'data');
  const columns = model.columns.map((c) => c.id);
  const runs = runsAfterLabels(text, rows);
  reportExtras('t3', '表三', runs, out);
  noteRows('t3', rows, runs, out);
  const options = runs.map((r) => candidatesOf(r.run, 7, isTable3Row));
  runs.forEach((r, i) => {
    if (r.run && r.run.replace(/ /g, '').length > 7 * 7)
      out.problems.push(`表三“${rows[i]!.label}”一行连在一起的数字有 ${r.run.length} 位，不像是七个数，未读`);
  });
  const leaves = reportFormat(format).resultLeafRows.map((id) => rows.findIndex((r) => r.id === id));
  const at = (id: string) => rows.findIndex((r) => r.id === id);
  // Row 二 run together: last year's row 四, when given, is the split (carried-over.ts).
  const carriedSplit = splitCarriedOver(options[at('r2')] ?? [], carried);
  if (carriedSplit) {
    options[at('r2')] = [[...carriedSplit]];
    out.rowText['t3.r2'] = `${out.rowText['t3.r2'] ?? ''}${CARRIED_NOTE}`;
    out.problems.push(`表三“${rows[at('r2')]!.label}”一行的数字连在一起${CARRIED_NOTE}`);
  }
  const consistent = (choice: ReadonlyArray<readonly number[]>) =>
    columns.every((_, c) => {
      const total = choice[at('r3_7')]![c]!;
      return (
        leaves.reduce((s, i) => s + choice[i]![c]!, 0) === total &&
        choice[at('r1')]![c]! + choice[at('r2')]![c]! === total + choice[at('r4')]![c]!
      );
    });
  const ambiguous = options.map((o, i) => (o.length > 1 ? i : -1)).filter((i) => i >= 0);
  let chosen: Array<readonly number[] | undefined> = options.map((o) => (o.length === 1 ? o[0] : undefined));
  const combinations = ambiguous.reduce((n, i) => n * options[i]!.length, 1);
  if (ambiguous.length > 0 && options.every((o) => o.length > 0) && combinations <= 200_000) {
    const found: Array<ReadonlyArray<readonly number[]>> = [];
    const pick = (k: number, current: Array<readonly number[]>) => {
      if (found.length > 1) return;
      if (k === ambiguous.length) {
        if (consistent(current)) found.push([...current]);
        return;
      }
      for (const option of options[ambiguous[k]!]!) {
        current[ambiguous[k]!] = option;
        pick(k + 1, current);
      }
    };
    pick(0, chosen.map((c) => c ?? []) as Array<readonly number[]>);
    if (found.length === 1) chosen = [...found[0]!];
  }
  chosen.forEach((values, r) => {
    if (!values) {
      out.problems.push(`表三“${rows[r]!.label}”一行的数字无法唯一地拆分`);
      keepCertain(
        options[r]!,
        columns.map((c) => `t3.${rows[r]!.id}.${c}`),
        out,
      );
      return;
    }
    const cells = cellsOfRow(format, 't3', rows[r]!.id);
    values.forEach((v, c) => out.cells.set(cells[c]!, v));
  });
}

function readTable4(text: string, out: FlattenedReading): void {
  const runs = text.match(/\d+(?: \d+)*/g) ?? [];
  const numbersOf = (taken: readonly string[]) => taken.join(' ').split(' ');
  const splitOf = (taken: readonly string[]) =>
    numbersOf(taken).length === 15
      ? [numbersOf(taken).map(Number)]
      : splitSumBlocks(taken.join('').slice(-15 * 6), 3, 5);
  // The table's own row first (what follows it with words before it is a local row); else every run.
  const first = runs.length > 1 ? splitOf(runs.slice(0, 1)) : [];
  const values = first.length === 1 ? first : splitOf(runs);
  if (first.length === 1) {
    const rest = text.slice(text.indexOf(runs[0]!) + runs[0]!.length);
    reportExtras('t4', '表四', [{ row: 'extra', run: undefined, extras: extrasIn(rest) }], out);
  }
  const cells = reportFormat('2021').cellIds.filter((c) => c.startsWith('t4.'));
  if (values.length !== 1) {
    out.problems.push('表四的 15 个数字无法唯一地读出');
    return;
  }
  values[0]!.forEach((v, i) => out.cells.set(cells[i]!, v));
  for (const row of ['review', 'lit_direct', 'lit_after_review'])
    out.rowText[`t4.${row}`] = text.slice(0, 200);
}

function readTable2(text: string, format: ReportFormatId, prose: ReadonlySet<number>, out: FlattenedReading) {
  const model = reportFormat(format);
  const rows = model.tables.t2.rows.filter((r) => r.kind === 'data');
  const runs = runsAfterLabels(text, rows);
  reportExtras('t2', '表二', runs, out);
  noteRows('t2', rows, runs, out);
  for (const { row, run } of runs) {
    const cells = cellsOfRow(model.id, 't2', row);
    const signed = cells.findIndex((c) => model.signedCells.has(c));
    // A count is a whole number: a split that puts a decimal point in a count column is no reading.
    let options = candidatesOf(run, cells.length, undefined, signed >= 0 ? signed : undefined).filter((o) =>
      o.every((v, i) => model.decimalCells.has(cells[i]!) || Number.isInteger(v)),
    );
    if (options.length > 1) {
      // The report's own text often states these figures ("现行有效行政规范性文件698件"): prefer the split
      // whose numbers it states most, when one does so more than every other.
      // Only when all but one of its numbers (and at least two) are stated, so the string fixes the rest.
      const score = (values: readonly number[]) => values.filter((v) => v >= 10 && prose.has(v)).length;
      const best = Math.max(...options.map(score));
      const top = options.filter((o) => score(o) === best);
      if (best >= Math.max(2, cells.length - 1) && top.length === 1) options = top;
    }
    if (options.length === 1) options[0]!.forEach((v, i) => out.cells.set(cells[i]!, v));
    else if (run) {
      keepCertain(options, cells, out);
      // The first number is certain when a sign starts the second (上一年项目数量 before 本年增/减).
      const before = /^(\d+)[+-]/.exec(run);
      if (before && signed === 1) {
        out.cells.set(cells[0]!, Number(before[1]));
        delete out.ambiguous[cells[0]!];
      }
      out.problems.push(`表二“${rows.find((r) => r.id === row)?.label ?? row}”一行的数字无法唯一地拆分`);
    }
  }
}

/** The counts the report's running text states before its tables ("698件", "88条"). */
function proseNumbers(compact: string): Set<number> {
  const start = HEADINGS.t2.exec(compact)?.index ?? compact.length;
  return new Set([...compact.slice(0, start).matchAll(/(\d+)(?=[件条项个篇次])/g)].map((m) => Number(m[1])));
}

export function readFlattenedText(
  text: string,
  format: ReportFormatId,
  carried?: CarriedOver,
): FlattenedReading {
  const compact = compactText(text);
  const out: FlattenedReading = { cells: new Map(), ambiguous: {}, problems: [], extraRows: [], rowText: {} };
  const t2 = region(compact, HEADINGS.t2, HEADINGS.t3);
  const t3 = region(compact, HEADINGS.t3, HEADINGS.t4, t2?.end);
  const t4 = region(compact, HEADINGS.t4, HEADINGS.end, t3?.end ?? t2?.end);
  if (t2) readTable2(withoutUnits(t2.text), format, proseNumbers(compact), out);
  if (t3) readTable3(t3.text, format, out, carried);
  if (t4) readTable4(t4.text.replace(/^[^\d]*/, ''), out);
  return out;
}
