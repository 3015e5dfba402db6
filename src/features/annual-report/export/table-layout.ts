/**
 * The three tables laid out as the format prints them — header cells merged across rows and columns,
 * the vertical 三、本年度办理结果 cell, table 四 as one row of 15 numbers — once, for every exporter
 * (HTML, XLSX, DOCX, PDF). Rows list the cells that start in them, as HTML does; `placeCells` gives
 * absolute positions for the grid-based writers.
 */
import type { AnnualReport } from '../domain/annual-report.ts';
import type { RowModel, ReportFormat, TableId, TableModel } from '../domain/report-format.ts';
import { reportFormat } from '../domain/report-format.ts';

export interface LayoutCell {
  readonly text: string;
  readonly kind: 'header' | 'label' | 'value';
  readonly rowSpan?: number;
  readonly colSpan?: number;
  /** The report cell a value shows (for lineage links and tests). */
  readonly cellId?: string;
}

export interface TableLayout {
  readonly id: TableId;
  readonly title: string;
  readonly columnCount: number;
  /** Relative widths of the grid columns. */
  readonly columnWidths: readonly number[];
  readonly headerRowCount: number;
  readonly rows: ReadonlyArray<readonly LayoutCell[]>;
}

export interface PlacedCell extends LayoutCell {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export type CellValues = Readonly<Record<string, number>>;

export function formatCellValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10000) / 10000);
}

function value(cellId: string, cells: CellValues, colSpan = 1): LayoutCell {
  return { text: formatCellValue(cells[cellId]), kind: 'value', cellId, ...(colSpan > 1 ? { colSpan } : {}) };
}

function layoutT2(table: TableModel, cells: CellValues): TableLayout {
  const blocks = table.rows.filter((r) => r.kind === 'block');
  const valueColumns = Math.max(
    ...blocks.map((b) => table.columns.filter((c) => c.blocks?.includes(b.id)).length),
  );
  const rows: LayoutCell[][] = [];
  for (const block of blocks) {
    const columns = table.columns.filter((c) => c.blocks?.includes(block.id));
    const spans = columns.map((_, i) => (i === columns.length - 1 ? valueColumns - (columns.length - 1) : 1));
    rows.push([{ text: block.label, kind: 'header', colSpan: valueColumns + 1 }]);
    rows.push([
      { text: '信息内容', kind: 'header' },
      ...columns.map((c, i) => ({
        text: c.label,
        kind: 'header' as const,
        ...(spans[i]! > 1 ? { colSpan: spans[i] } : {}),
      })),
    ]);
    for (const row of table.rows.filter((r) => r.parent === block.id)) {
      rows.push([
        { text: row.label, kind: 'label' },
        ...columns.map((c, i) => value(`t2.${row.id}.${c.id}`, cells, spans[i])),
      ]);
    }
  }
  return {
    id: 't2',
    title: table.title,
    columnCount: valueColumns + 1,
    columnWidths: [3, ...Array<number>(valueColumns).fill(2)],
    headerRowCount: 0,
    rows,
  };
}

const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function descendantsWithData(table: TableModel, parent: string): RowModel[] {
  return table.rows
    .filter((r) => r.parent === parent)
    .flatMap((r) => (r.kind === 'group' ? descendantsWithData(table, r.id) : [r]));
}

function layoutT3(table: TableModel, cells: CellValues): TableLayout {
  const columns = table.columns;
  const header: LayoutCell[][] = [
    [
      { text: T3_NOTE, kind: 'header', rowSpan: 3, colSpan: 3 },
      { text: '申请人情况', kind: 'header', colSpan: 7 },
    ],
    [
      { text: '自然人', kind: 'header', rowSpan: 2 },
      { text: '法人或其他组织', kind: 'header', colSpan: 5 },
      { text: '总计', kind: 'header', rowSpan: 2 },
    ],
    columns.filter((c) => c.parent === 'org').map((c) => ({ text: c.label, kind: 'header' as const })),
  ];
  const body: LayoutCell[][] = [];
  const values = (rowId: string) => columns.map((c) => value(`t3.${rowId}.${c.id}`, cells));
  for (const row of table.rows.filter((r) => r.parent === null)) {
    if (row.kind === 'data') {
      body.push([{ text: row.label, kind: 'label', colSpan: 3 }, ...values(row.id)]);
      continue;
    }
    const span = descendantsWithData(table, row.id).length;
    let first: LayoutCell | undefined = { text: row.label, kind: 'label', rowSpan: span };
    for (const child of table.rows.filter((r) => r.parent === row.id)) {
      const lead = first ? [first] : [];
      first = undefined;
      if (child.kind === 'data') {
        body.push([...lead, { text: child.label, kind: 'label', colSpan: 2 }, ...values(child.id)]);
        continue;
      }
      const leaves = table.rows.filter((r) => r.parent === child.id);
      leaves.forEach((leaf, i) => {
        const group: LayoutCell[] =
          i === 0 ? [...lead, { text: child.label, kind: 'label', rowSpan: leaves.length }] : [];
        body.push([...group, { text: leaf.label, kind: 'label' }, ...values(leaf.id)]);
      });
    }
  }
  return {
    id: 't3',
    title: table.title,
    columnCount: 10,
    columnWidths: [1, 1.4, 4.2, 1.2, 1.2, 1.2, 1.3, 1.3, 1.1, 1.2],
    headerRowCount: 3,
    rows: [...header, ...body],
  };
}

function layoutT4(table: TableModel, cells: CellValues): TableLayout {
  const results = table.columns.map((c) => c.label);
  const rows: LayoutCell[][] = [
    [
      { text: '行政复议', kind: 'header', colSpan: 5 },
      { text: '行政诉讼', kind: 'header', colSpan: 10 },
    ],
    [
      ...results.map((text) => ({ text, kind: 'header' as const, rowSpan: 2 })),
      { text: '未经复议直接起诉', kind: 'header', colSpan: 5 },
      { text: '复议后起诉', kind: 'header', colSpan: 5 },
    ],
    [...results, ...results].map((text) => ({ text, kind: 'header' as const })),
    table.cells.map((cellId) => value(cellId, cells)),
  ];
  return {
    id: 't4',
    title: table.title,
    columnCount: 15,
    columnWidths: Array<number>(15).fill(1),
    headerRowCount: 3,
    rows,
  };
}

export function layoutTable(format: ReportFormat, tableId: TableId, cells: CellValues): TableLayout {
  const table = format.tables[tableId];
  if (tableId === 't2') return layoutT2(table, cells);
  if (tableId === 't3') return layoutT3(table, cells);
  return layoutT4(table, cells);
}

export function layoutReportTables(
  report: Pick<AnnualReport, 'format' | 'cells'>,
): Record<TableId, TableLayout> {
  const format = reportFormat(report.format);
  return {
    t2: layoutTable(format, 't2', report.cells),
    t3: layoutTable(format, 't3', report.cells),
    t4: layoutTable(format, 't4', report.cells),
  };
}

/** Absolute grid positions of every cell, skipping the slots covered by earlier spans. */
export function placeCells(layout: TableLayout): PlacedCell[] {
  const covered = new Set<string>();
  const placed: PlacedCell[] = [];
  layout.rows.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (covered.has(`${row}:${column}`)) column++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let r = 0; r < rowSpan; r++)
        for (let c = 0; c < colSpan; c++) covered.add(`${row + r}:${column + c}`);
      placed.push({ ...cell, row, column, rowSpan, colSpan });
      column += colSpan;
    }
  });
  return placed;
}
