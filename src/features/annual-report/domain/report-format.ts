/**
 * The statutory report format as data: 《中华人民共和国政府信息公开工作年度报告格式》
 * (国办公开办函〔2021〕30号) and the 2019 trial format (国办公开办函〔2019〕60号).
 * Everything here is read from `format-2021.json`, the machine-readable twin of the spec; the ids
 * (`t3.r3_3_4.org_legal`, …) are the spec's and are kept verbatim everywhere.
 */
import spec from './format-2021.json' with { type: 'json' };

export type ReportFormatId = '2021' | '2019';
export type TableId = 't2' | 't3' | 't4';
export type SectionId = 's1' | 's2' | 's3' | 's4' | 's5' | 's6';
/** `<table>.<row>.<column>`, e.g. `t3.r1.natural`. */
export type CellId = string;

export interface SectionModel {
  readonly id: SectionId;
  readonly number: string;
  readonly title: string;
  readonly kind: 'text' | 'table';
  readonly table?: TableId;
  readonly aliases: readonly string[];
}

export interface RowModel {
  readonly id: string;
  readonly label: string;
  readonly parent: string | null;
  readonly kind: 'data' | 'group' | 'block';
}

export interface ColumnModel {
  readonly id: string;
  readonly label: string;
  readonly parent: string | null;
  /** For table 二: the blocks (第二十条第（X）项) that print this column. */
  readonly blocks?: readonly string[];
  readonly valueType: 'integer' | 'decimal' | 'signed-integer';
}

export interface TableModel {
  readonly id: TableId;
  readonly title: string;
  readonly rows: readonly RowModel[];
  readonly columns: readonly ColumnModel[];
  readonly cells: readonly CellId[];
}

export interface ReportFormat {
  readonly id: ReportFormatId;
  readonly name: string;
  readonly documentNumber: string;
  readonly sections: readonly SectionModel[];
  readonly tables: Readonly<Record<TableId, TableModel>>;
  /** Every cell id of the format, in printed order: t2, then t3 row by row, then t4 n1…n15. */
  readonly cellIds: readonly CellId[];
  /** The t3 result leaves that （七）总计 adds up (21 in 2021, 20 in 2019). */
  readonly resultLeafRows: readonly string[];
  readonly decimalCells: ReadonlySet<CellId>;
  readonly signedCells: ReadonlySet<CellId>;
}

type SpecRow = { id: string; label: string; parent?: string | null; kind?: string };
type SpecColumn = {
  id: string;
  label: string;
  parent?: string | null;
  kind?: string;
  blocks?: string[];
  valueType?: string;
};

function toRow(row: SpecRow): RowModel {
  const kind = row.kind === 'group' || row.kind === 'block' ? row.kind : 'data';
  return { id: row.id, label: row.label, parent: row.parent ?? null, kind };
}

function toColumn(column: SpecColumn): ColumnModel {
  const valueType = column.valueType?.startsWith('decimal')
    ? 'decimal'
    : column.valueType?.startsWith('signed')
      ? 'signed-integer'
      : column.valueType?.startsWith('money')
        ? 'decimal'
        : 'integer';
  return {
    id: column.id,
    label: column.label,
    parent: column.parent ?? null,
    ...(column.blocks ? { blocks: column.blocks } : {}),
    valueType,
  };
}

/** Cells of a block table: each data row × the columns printed for its block. */
function blockCells(tableId: TableId, rows: readonly RowModel[], columns: readonly ColumnModel[]): CellId[] {
  const cells: CellId[] = [];
  for (const row of rows) {
    if (row.kind !== 'data') continue;
    for (const column of columns) {
      if (column.blocks && row.parent && column.blocks.includes(row.parent))
        cells.push(`${tableId}.${row.id}.${column.id}`);
    }
  }
  return cells;
}

/** Cells of a grid table: each data row × each data column. */
function gridCells(tableId: TableId, rows: readonly RowModel[], columns: readonly ColumnModel[]): CellId[] {
  return rows
    .filter((r) => r.kind === 'data')
    .flatMap((r) => columns.map((c) => `${tableId}.${r.id}.${c.id}`));
}

const specTables = spec.tables as unknown as Array<{
  id: TableId;
  title: string;
  rows: SpecRow[];
  columns: SpecColumn[];
}>;
function specTable(id: TableId) {
  const table = specTables.find((t) => t.id === id);
  if (!table) throw new Error(`format-2021.json has no table ${id}`);
  return table;
}

const t3DataColumns = specTable('t3')
  .columns.filter((c) => c.kind !== 'group')
  .map(toColumn);

function buildT2(): TableModel {
  const rows = specTable('t2').rows.map(toRow);
  const columns = specTable('t2')
    .columns.filter((c) => c.kind !== 'row_label_header')
    .map(toColumn);
  return { id: 't2', title: specTable('t2').title, rows, columns, cells: blockCells('t2', rows, columns) };
}

function buildT3(rows: readonly RowModel[]): TableModel {
  return {
    id: 't3',
    title: specTable('t3').title,
    rows,
    columns: t3DataColumns,
    cells: gridCells('t3', rows, t3DataColumns),
  };
}

function buildT4(): TableModel {
  const table = specTable('t4');
  const rows = table.rows.map(toRow);
  const columns = table.columns.map(toColumn);
  return { id: 't4', title: table.title, rows, columns, cells: gridCells('t4', rows, columns) };
}

function buildSections(overrides: Partial<Record<SectionId, string>> = {}): SectionModel[] {
  return (
    spec.sections as Array<{
      id: SectionId;
      number: string;
      title: string;
      kind: string;
      table?: string;
      aliases?: string[];
    }>
  ).map((s) => ({
    id: s.id,
    number: s.number,
    title: overrides[s.id] ?? s.title,
    kind: s.kind === 'table' ? 'table' : 'text',
    ...(s.table ? { table: s.table as TableId } : {}),
    aliases: s.aliases ?? [],
  }));
}

function leafRows(t3: TableModel): string[] {
  return t3.rows
    .filter(
      (r) => (r.kind === 'data' && r.parent === 'r3') || (r.kind === 'data' && r.parent?.startsWith('r3_')),
    )
    .map((r) => r.id)
    .filter((id) => id !== 'r3_7');
}

function assemble(
  id: ReportFormatId,
  meta: { name: string; documentNumber: string },
  sections: SectionModel[],
  t2: TableModel,
  t3: TableModel,
  t4: TableModel,
): ReportFormat {
  const t2Columns = new Map(t2.columns.map((c) => [c.id, c]));
  const valueTypeOf = (cell: CellId) => t2Columns.get(cell.split('.')[2] ?? '')?.valueType;
  return {
    id,
    ...meta,
    sections,
    tables: { t2, t3, t4 },
    cellIds: [...t2.cells, ...t3.cells, ...t4.cells],
    resultLeafRows: leafRows(t3),
    decimalCells: new Set(t2.cells.filter((c) => valueTypeOf(c) === 'decimal')),
    signedCells: new Set(t2.cells.filter((c) => valueTypeOf(c) === 'signed-integer')),
  };
}

const t3Rows2021 = specTable('t3').rows.map(toRow);
const t3Format2021 = buildT3(t3Rows2021);

export const FORMAT_2021: ReportFormat = assemble(
  '2021',
  { name: spec.format.name, documentNumber: spec.format.docNo },
  buildSections(),
  buildT2(),
  t3Format2021,
  buildT4(),
);

/** The 2019 trial format: a different table 二, and （六）其他处理 as a single data row. */
function build2019(): ReportFormat {
  const legacy = spec.legacy2019 as unknown as {
    t2: { rows: SpecRow[]; columns: SpecColumn[] };
    format: { name: string; docNo: string };
  };
  const t2Rows = legacy.t2.rows.map(toRow);
  const t2Columns = legacy.t2.columns.map(toColumn);
  const t2: TableModel = {
    id: 't2',
    title: FORMAT_2021.tables.t2.title,
    rows: t2Rows,
    columns: t2Columns,
    cells: blockCells('t2', t2Rows, t2Columns),
  };
  const t3Rows = t3Rows2021
    .filter((r) => !r.id.startsWith('r3_6_'))
    .map((r) => (r.id === 'r3_6' ? { ...r, kind: 'data' as const } : r));
  return assemble(
    '2019',
    { name: legacy.format.name, documentNumber: legacy.format.docNo },
    buildSections({ s5: '政府信息公开工作存在的主要问题及改进情况' }),
    t2,
    buildT3(t3Rows),
    buildT4(),
  );
}

export const FORMAT_2019: ReportFormat = build2019();

/** Other words agencies print for a row (e.g. 规范性文件 for 行政规范性文件), by `t2.<row>` / `t3.<row>`. */
export function labelAliases(key: string): readonly string[] {
  const aliases = (spec.importHints as { labelAliases?: Record<string, string[]> }).labelAliases ?? {};
  return aliases[key] ?? [];
}

/** The format a report year is published in: the 2019 trial format (60号) for 2019 and 2020. */
export function formatOfYear(year: number): ReportFormatId {
  return year >= 2021 ? '2021' : '2019';
}

export function reportFormat(id: ReportFormatId): ReportFormat {
  return id === '2021' ? FORMAT_2021 : FORMAT_2019;
}

const ROW_CELLS = new Map<string, readonly CellId[]>();
/** The cells of one row of a table (t2.regulations → made, repealed, in_force), worked out once. */
export function cellsOfRow(format: ReportFormatId, table: TableId, row: string): readonly CellId[] {
  const key = `${format}.${table}.${row}`;
  let cells = ROW_CELLS.get(key);
  if (!cells) {
    const prefix = `${table}.${row}.`;
    ROW_CELLS.set(key, (cells = reportFormat(format).cellIds.filter((c) => c.startsWith(prefix))));
  }
  return cells;
}

const TABLE_NUMBERS: Readonly<Record<TableId, string>> = { t2: '表二', t3: '表三', t4: '表四' };

/**
 * A cell as a reader finds it in the printed table — 表二 第二十条第（一）项 行政规范性文件 本年废止件数 —
 * for messages to people, who never see the ids.
 */
export function cellLabel(formatId: ReportFormatId, cell: CellId): string {
  const [tableId, rowId, columnId] = cell.split('.') as [TableId, string, string];
  const table = reportFormat(formatId).tables[tableId];
  if (!table) return cell;
  const path = <T extends { id: string; label: string; parent: string | null }>(
    items: readonly T[],
    id: string,
  ): string[] => {
    const labels: string[] = [];
    let current = items.find((i) => i.id === id);
    for (let depth = 0; current && depth < 5; depth++) {
      labels.unshift(current.label);
      current = current.parent ? items.find((i) => i.id === current!.parent) : undefined;
    }
    return labels;
  };
  // Table 三's columns under 申请人情况 read as the applicant type alone.
  return [TABLE_NUMBERS[tableId], ...path(table.rows, rowId), ...path(table.columns, columnId)]
    .filter(Boolean)
    .join(' ');
}
