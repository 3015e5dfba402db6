/**
 * Table 三's rows of numbers put in the format's fixed row order. A row whose label names a row of the
 * format is an anchor (its label on its own line, or broken over the lines around its numbers); the
 * anchors kept are the longest run in the format's order (a label that names a row out of order is not
 * believed). Rows without a readable label are placed by order between two anchors — only when their
 * number is exactly the number of the format's rows between them. A group row printed alone in place of
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

/** All of a row's label words, from above its numbers to below them. */
const around = (row: FoundRow) => row.before + row.own + row.after;

/**
 * The format row a found row's words name: the longest key its own words hold, else the words above
 * joined to them, else the words below, else all three (a label broken over its numbers).
 */
function anchorOf(row: FoundRow, data: readonly RowKey[]): number | undefined {
  const tried = new Set<string>();
  for (const words of [row.own, row.before + row.own, row.own + row.after, around(row)]) {
    if (tried.has(words)) continue;
    tried.add(words);
    let best: { index: number; length: number } | undefined;
    for (const r of data)
      for (const key of r.keys)
        if (matches(words, key) && (!best || key.length > best.length))
          best = { index: r.index, length: key.length };
    if (best) return best.index;
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

export function placeTable3Rows(found: readonly FoundRow[], format: ReportFormatId): Placement {
  const { data, groups } = formatRows(format);
  const placed = new Map<string, FoundRow>();
  const zeroFromGroup = new Map<string, FoundRow>();
  const problems: string[] = [];
  const local = found.filter((row) => row.own.startsWith('其中'));
  const rows = found.filter((row) => !local.includes(row));
  const extra: FoundRow[] = [...local];
  const anchors = rows.map((row) => anchorOf(row, data));
  const kept = longestRising(anchors);
  // Gaps: the rows between two kept anchors, against the format rows between them.
  const bounds = [-1, ...[...kept].sort((a, b) => a - b), rows.length];
  for (const k of kept) placed.set(data[anchors[k]!]!.id, rows[k]!);
  for (let g = 0; g + 1 < bounds.length; g++) {
    const fromRow = bounds[g]!;
    const toRow = bounds[g + 1]!;
    const fromIndex = fromRow < 0 ? -1 : anchors[fromRow]!;
    const toIndex = toRow >= rows.length ? data.length : anchors[toRow]!;
    let between = rows.slice(fromRow + 1, toRow);
    const slots = data.slice(fromIndex + 1, toIndex);
    if (between.length === 0 && slots.length === 0) continue;
    if (slots.length === 0) {
      // Numbers where the format has no row (a repeated row, an unlabelled local one): set aside.
      extra.push(...between);
      continue;
    }
    if (between.length > slots.length) {
      // Rows with words of their own that name nothing of the format are local additions.
      const unnamed = between.filter((row) => row.own.length >= 2 && anchorOf(row, data) === undefined);
      if (between.length - unnamed.length === slots.length) {
        extra.push(...unnamed);
        between = between.filter((row) => !unnamed.includes(row));
      }
    }
    if (between.length === slots.length) {
      between.forEach((row, k) => placed.set(slots[k]!.id, row));
      continue;
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
      if (row.numbers.every((n) => n.value === 0)) for (const s of slots) zeroFromGroup.set(s.id, row);
      else
        problems.push(
          `表三第 ${row.numbers[0]!.line} 行只印了“${group.keys[0]}”一行合计，其下 ${slots.length} 行没有分别列出，未读`,
        );
      continue;
    }
    const name = (index: number) =>
      reportFormat(format).tables.t3.rows.find((r) => r.id === data[index]?.id)?.label ?? '';
    const after = fromIndex >= 0 ? `“${name(fromIndex)}”之后` : '表头之后';
    const before = toIndex < data.length ? `“${name(toIndex)}”之前` : '表末';
    problems.push(
      `表三${after}、${before}读到 ${between.length} 行数字，格式在此有 ${slots.length} 行，无法对应，未读`,
    );
  }
  return { placed, zeroFromGroup, extra, problems };
}
