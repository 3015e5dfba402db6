/**
 * Table 三's rows of numbers put in the format's fixed row order. A row whose label on its own line names
 * a row of the format is an anchor; the anchors kept are the longest run in the format's order (a label
 * that names a row out of order is not believed). Rows without such a label are placed by order between
 * two anchors — only when their number is exactly the number of the format's rows between them; where it
 * is not, the labels broken over the lines around their numbers are tried as anchors within that stretch
 * (never the lines above when they name several rows). A group row printed alone in place of
 * its sub-rows (（六）其他处理 as one row of zeros) gives its sub-rows 0 when all its numbers are 0 (counts
 * are never negative); otherwise they stay unread. Nothing is placed by guessing.
 */
import { reportFormat, stripLabelMarker, type ReportFormatId } from '../../annual-report/index.ts';
import type { LineNumber } from './text-numbers.ts';

export interface FoundRow {
  readonly numbers: readonly LineNumber[];
  /** The row's own words (on the line of its first number), normalised. */
  readonly own: string;
  /** The label lines just before its numbers (a label printed above them). */
  readonly before: string;
  /** The label line just after (a label's tail broken below its numbers). */
  readonly after: string;
  /**
   * The label lines above name more than one row (a converter's block of labels printed above the rows
   * they belong to): the words just above are then not this row's label.
   */
  readonly severalAbove?: boolean;
  /** The lines it was read from, as printed. */
  readonly evidence: string;
}

export interface Placement {
  /** Format row id → the row found for it. */
  readonly placed: ReadonlyMap<string, FoundRow>;
  /** Format row ids given 0 from a group row printed alone with zeros, with that row. */
  readonly zeroFromGroup: ReadonlyMap<string, FoundRow>;
  /** Rows the format does not have (其中…), kept aside. */
  readonly extra: readonly FoundRow[];
  readonly problems: readonly string[];
}

interface RowKey {
  readonly id: string;
  readonly index: number;
  readonly keys: readonly string[];
}

/** A label's words to match by: without its marker, and its head before a bracketed note. */
function keysOf(label: string): string[] {
  const bare = stripLabelMarker(label);
  const head = bare.replace(/\(.*$/, '');
  return [...new Set([bare, head].filter((k) => k.length >= 2))];
}

/** Short keys (其他, 总计) match only as a whole label after its marker, never inside other words. */
function matches(words: string, key: string): boolean {
  if (key.length >= 4) return words.includes(key);
  if (!words.endsWith(key)) return false;
  const before = words.slice(0, -key.length);
  return before === '' || /[.)]$/.test(before) || stripLabelMarker(words) === key;
}

const FORMAT_ROWS = new Map<ReportFormatId, ReturnType<typeof buildFormatRows>>();

/** The format's rows with their keys, worked out once per format. */
function formatRows(format: ReportFormatId) {
  let rows = FORMAT_ROWS.get(format);
  if (!rows) FORMAT_ROWS.set(format, (rows = buildFormatRows(format)));
  return rows;
}

function buildFormatRows(format: ReportFormatId) {
  const rows = reportFormat(format).tables.t3.rows;
  const data: RowKey[] = rows
    .filter((r) => r.kind === 'data')
    .map((r, index) => ({ id: r.id, index, keys: keysOf(r.label) }));
  const groups = rows
    .filter((r) => r.kind === 'group' && rows.some((c) => c.parent === r.id && c.kind === 'data'))
    .map((r) => ({
      id: r.id,
      keys: keysOf(r.label),
      children: data.filter((d) => rows.find((c) => c.id === d.id)?.parent === r.id).map((d) => d.index),
    }));
  return { data, groups };
}

/** A label that starts a row: its number or marker (2. , （四）, 四、). */
export const STARTS_A_ROW = /^(?:\d{1,2}\.(?!\d)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\.)/;

/** All of a row's label words, from above its numbers to below them. */
const around = (row: FoundRow) => row.before + row.own + row.after;

/** The format row the words name: the longest key they hold. */
function namedRow(words: string, data: readonly RowKey[]): number | undefined {
  let best: { index: number; length: number } | undefined;
  for (const r of data)
    for (const key of r.keys)
      if (matches(words, key) && (!best || key.length > best.length))
        best = { index: r.index, length: key.length };
  return best?.index;
}

/**
 * The format row a found row's words name: its own words, else the words above joined to them, else the
 * words below, else all three (a label broken over its numbers).
 */
function anchorOf(row: FoundRow, data: readonly RowKey[]): number | undefined {
  const tried = new Set<string>();
  // The line below is a tail of this row's label only when it does not start a row of its own.
  const after = STARTS_A_ROW.test(row.after) ? '' : row.after;
  const before = row.severalAbove ? '' : row.before;
  for (const words of [row.own, before + row.own, row.own + after, before + row.own + after]) {
    if (tried.has(words) || !words) continue;
    tried.add(words);
    const index = namedRow(words, data);
    if (index !== undefined) return index;
  }
  return undefined;
}

/** Indices (into `anchors`) of the longest run whose format rows rise strictly. */
function longestRising(anchors: ReadonlyArray<number | undefined>): Set<number> {
  const at = anchors.flatMap((a, i) => (a === undefined ? [] : [i]));
  const length = at.map(() => 1);
  const previous = at.map(() => -1);
  for (let j = 0; j < at.length; j++)
    for (let k = 0; k < j; k++)
      if (anchors[at[k]!]! < anchors[at[j]!]! && length[k]! + 1 > length[j]!) {
        length[j] = length[k]! + 1;
        previous[j] = k;
      }
  const kept = new Set<number>();
  let end = length.indexOf(Math.max(0, ...length));
  while (end >= 0) {
    kept.add(at[end]!);
    end = previous[end]!;
  }
  return kept;
}

interface Placing {
  readonly format: ReportFormatId;
  readonly data: readonly RowKey[];
  readonly groups: ReturnType<typeof buildFormatRows>['groups'];
  readonly placed: Map<string, FoundRow>;
  readonly zeroFromGroup: Map<string, FoundRow>;
  readonly extra: FoundRow[];
  readonly problems: string[];
}

/**
 * Places `rows` in the format's rows strictly between `lo` and `hi` (indices of its data rows): the
 * anchors `anchor` gives are kept where they rise in order, and each stretch between two is placed by
 * order where its rows are as many as the format's. A stretch that does not fit is tried again with
 * `looser` anchors (labels printed around the numbers rather than beside them: a PDF's converter puts a
 * block of labels above the rows they belong to, so the words just above a row may name the next one).
 */
function placeBetween(
  rows: readonly FoundRow[],
  lo: number,
  hi: number,
  anchor: (row: FoundRow) => number | undefined,
  looser: ((row: FoundRow) => number | undefined) | undefined,
  at: Placing,
): void {
  const { data, groups, placed } = at;
  const anchors = rows.map((row) => {
    const a = anchor(row);
    return a !== undefined && a > lo && a < hi ? a : undefined;
  });
  const kept = longestRising(anchors);
  const bounds = [-1, ...[...kept].sort((a, b) => a - b), rows.length];
  for (const k of kept) placed.set(data[anchors[k]!]!.id, rows[k]!);
  for (let g = 0; g + 1 < bounds.length; g++) {
    const fromRow = bounds[g]!;
    const toRow = bounds[g + 1]!;
    const fromIndex = fromRow < 0 ? lo : anchors[fromRow]!;
    const toIndex = toRow >= rows.length ? hi : anchors[toRow]!;
    let between = rows.slice(fromRow + 1, toRow);
    const slots = data.slice(fromIndex + 1, toIndex);
    if (between.length === 0 && slots.length === 0) continue;
    if (slots.length === 0) {
      // Numbers where the format has no row (a repeated row, an unlabelled local one): set aside.
      at.extra.push(...between);
      continue;
    }
    // A row whose own words name a row of the format outside this stretch: printed twice, or misnamed.
    const inStretch = new Set(slots.map((slot) => slot.index));
    const namedElsewhere = (row: FoundRow) => {
      const named = namedRow(row.own, data);
      return named !== undefined && !inStretch.has(named);
    };
    if (between.length > slots.length) {
      // Rows printed again here, then rows with words of their own that name nothing of the format (local
      // additions), are set aside where that leaves as many rows as the format has here.
      for (const aside of [
        between.filter(namedElsewhere),
        between.filter((row) => row.own.length >= 2 && anchorOf(row, data) === undefined),
      ])
        if (aside.length > 0 && between.length - aside.length === slots.length) {
          at.extra.push(...aside);
          between = between.filter((row) => !aside.includes(row));
          break;
        }
    }
    if (between.length === slots.length) {
      between.forEach((row, k) => placed.set(slots[k]!.id, row));
      continue;
    }
    if (looser && between.some((row) => looser(row) !== undefined)) {
      // Tried apart: the words around the rows are believed only where they leave no row without a place
      // (a block of labels that lost a line names the wrong row, and the rows after it are left over).
      const trial: Placing = { ...at, placed: new Map(), zeroFromGroup: new Map(), extra: [], problems: [] };
      placeBetween(between, fromIndex, toIndex, looser, undefined, trial);
      if (trial.extra.length === 0) {
        for (const [id, row] of trial.placed) placed.set(id, row);
        for (const [id, row] of trial.zeroFromGroup) at.zeroFromGroup.set(id, row);
        at.problems.push(...trial.problems);
        continue;
      }
    }
    const group = groups.find(
      (gr) =>
        between.length === 1 &&
        gr.children.length === slots.length &&
        gr.children.every((c, k) => c === slots[k]!.index) &&
        gr.keys.some((key) => matches(around(between[0]!), key)),
    );
    if (group) {
      const row = between[0]!;
      if (row.numbers.every((n) => n.value === 0)) for (const s of slots) at.zeroFromGroup.set(s.id, row);
      else
        at.problems.push(
          `表三第 ${row.numbers[0]!.line} 行只印了“${group.keys[0]}”一行合计，其下 ${slots.length} 行没有分别列出，未读`,
        );
      continue;
    }
    const name = (index: number) =>
      reportFormat(at.format).tables.t3.rows.find((r) => r.id === data[index]?.id)?.label ?? '';
    const after = fromIndex >= 0 ? `“${name(fromIndex)}”之后` : '表头之后';
    const before = toIndex < data.length ? `“${name(toIndex)}”之前` : '表末';
    at.problems.push(
      `表三${after}、${before}读到 ${between.length} 行数字，格式在此有 ${slots.length} 行，无法对应，未读`,
    );
  }
}

export function placeTable3Rows(found: readonly FoundRow[], format: ReportFormatId): Placement {
  const { data, groups } = formatRows(format);
  const local = found.filter((row) => row.own.startsWith('其中'));
  const at: Placing = {
    format,
    data,
    groups,
    placed: new Map(),
    zeroFromGroup: new Map(),
    extra: [...local],
    problems: [],
  };
  // Labels beside their numbers first; the words around a row's numbers only where order cannot place it.
  placeBetween(
    found.filter((row) => !local.includes(row)),
    -1,
    data.length,
    (row) => namedRow(row.own, data),
    (row) => anchorOf(row, data),
    at,
  );
  const { placed, zeroFromGroup, extra, problems } = at;
  return { placed, zeroFromGroup, extra, problems };
}
