/**
 * The 21 result rows of table 三 (2021 format) into which every completed request is counted exactly
 * once (application-lifecycle.md §10). Ids and labels are those of the format.
 */
import { FORMAT_2021 } from './report-format.ts';
import { normalizeLabel, stripLabelMarker } from './label-normalization.ts';
import spec from './format-2021.json' with { type: 'json' };

export const OUTCOME_ROWS = [
  'r3_1',
  'r3_2',
  'r3_3_1',
  'r3_3_2',
  'r3_3_3',
  'r3_3_4',
  'r3_3_5',
  'r3_3_6',
  'r3_3_7',
  'r3_3_8',
  'r3_4_1',
  'r3_4_2',
  'r3_4_3',
  'r3_5_1',
  'r3_5_2',
  'r3_5_3',
  'r3_5_4',
  'r3_5_5',
  'r3_6_1',
  'r3_6_2',
  'r3_6_3',
] as const;
export type OutcomeRow = (typeof OUTCOME_ROWS)[number];

const NO_COMPLETIONS = Object.fromEntries(OUTCOME_ROWS.map((row) => [row, 0])) as Record<OutcomeRow, number>;
/**
 * Every result row at 0, in the format's order: a tally's completions made from this all have one shape,
 * so that building thousands of reports reads them without a hash lookup per cell.
 */
export const noCompletions = (): Record<OutcomeRow, number> => ({ ...NO_COMPLETIONS });

const OUTCOME_ROW_SET: ReadonlySet<string> = new Set(OUTCOME_ROWS);
export function isOutcomeRow(value: string): value is OutcomeRow {
  return OUTCOME_ROW_SET.has(value);
}

const rowsById = new Map(FORMAT_2021.tables.t3.rows.map((r) => [r.id, r]));

export function outcomeLabel(row: OutcomeRow): string {
  return rowsById.get(row)?.label ?? row;
}

/** The group a leaf belongs to, e.g. （三）不予公开 for r3_3_4; undefined for （一）（二）. */
export function outcomeGroupLabel(row: OutcomeRow): string | undefined {
  const parent = rowsById.get(row)?.parent;
  return parent && parent !== 'r3' ? rowsById.get(parent)?.label : undefined;
}

export type OutcomeParse =
  | { ok: true; row: OutcomeRow }
  | { ok: false; code: 'unknown-outcome' }
  | { ok: false; code: 'ambiguous-outcome'; candidates: readonly OutcomeRow[] };

function labelIndex(): Map<string, OutcomeRow> {
  const index = new Map<string, OutcomeRow>();
  const aliases = spec.importHints.labelAliases as Record<string, string[]>;
  for (const row of OUTCOME_ROWS) {
    const label = outcomeLabel(row);
    index.set(row, row);
    index.set(normalizeLabel(label), row);
    index.set(stripLabelMarker(label), row);
    const group = outcomeGroupLabel(row);
    if (group) index.set(stripLabelMarker(group) + '-' + stripLabelMarker(label), row);
    for (const alias of aliases[`t3.${row}`] ?? []) index.set(stripLabelMarker(alias), row);
  }
  // （二）部分公开 is printed with its explanation in brackets; a ledger writes just 部分公开.
  index.set('部分公开', 'r3_2');
  return index;
}

const LABEL_INDEX = labelIndex();
const GROUPS: Readonly<Record<string, readonly OutcomeRow[]>> = {
  不予公开: OUTCOME_ROWS.filter((r) => r.startsWith('r3_3_')),
  无法提供: OUTCOME_ROWS.filter((r) => r.startsWith('r3_4_')),
  不予处理: OUTCOME_ROWS.filter((r) => r.startsWith('r3_5_')),
  其他处理: OUTCOME_ROWS.filter((r) => r.startsWith('r3_6_')),
};

/**
 * Reads a t3 leaf id (`r3_3_4`, `t3.r3_3_4`) or its printed label with or without the number
 * (`4.保护第三方合法权益`, `保护第三方合法权益`, `不予公开-保护第三方合法权益`). A group label alone
 * (不予公开) is ambiguous: the report needs the ground.
 */
export function parseOutcomeRow(text: string): OutcomeParse {
  const trimmed = text.trim().replace(/^t3\./, '');
  const normalized = normalizeLabel(trimmed).replace(/[—–]/g, '-');
  const row =
    LABEL_INDEX.get(trimmed) ?? LABEL_INDEX.get(normalized) ?? LABEL_INDEX.get(stripLabelMarker(normalized));
  if (row) return { ok: true, row };
  const group = GROUPS[stripLabelMarker(normalized)];
  if (group) return { ok: false, code: 'ambiguous-outcome', candidates: group };
  return { ok: false, code: 'unknown-outcome' };
}
