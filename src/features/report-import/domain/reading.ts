/**
 * What the readers of a report's tables put together: each cell read with where it was read from, the
 * cells more than one reading leaves possible, the rows the format does not have, and what went wrong.
 * Kept in maps while the readers work (a report has up to 200 cells, put and looked up many times), given
 * out as records once at the end.
 */
import {
  cellLabel,
  reportFormat,
  type CellId,
  type ReportFormatId,
  type TableId,
} from '../../annual-report/index.ts';
import type { ExtraRow } from './text-numbers.ts';

export interface CellSource {
  readonly line: number;
  readonly column?: number;
  /** What the cell was read from, as printed: its line, or (flattened text) its row's label and digits. */
  readonly text?: string;
  /** Printed blank or as a mark (-, /, 无): read as 0 by §7 and named (R9). */
  readonly blank?: boolean;
}

/** Another reader's reading of the same text (the flattened reader's), taken table by table. */
export interface OtherReading {
  readonly cells: ReadonlyMap<CellId, number>;
  readonly ambiguous: Readonly<Record<CellId, number[]>>;
  readonly problems: readonly string[];
  readonly extraRows: ReadonlyArray<Omit<ExtraRow, 'line'>>;
  /** Each row's label and digits as printed, by row (t3.r1). */
  readonly rowText: Readonly<Record<string, string>>;
}

/** The table a problem speaks of: every reader names it first (表三第 12 行…, 没有找到表二). */
const TABLE_OF_NUMERAL: Readonly<Record<string, TableId>> = { 二: 't2', 三: 't3', 四: 't4' };
const tableOfProblem = (problem: string): TableId | undefined =>
  TABLE_OF_NUMERAL[/表([二三四])/.exec(problem)?.[1] ?? ''];

/** How many of the cells are a table's (t2, t3, t4). */
export function cellsOfTable(cells: Iterable<CellId>, table: TableId): number {
  let count = 0;
  for (const cell of cells) if (cell.startsWith(`${table}.`)) count++;
  return count;
}

export class Reading {
  private cells = new Map<CellId, number>();
  private sources = new Map<CellId, CellSource>();
  readonly problems: string[] = [];
  readonly extraRows: ExtraRow[] = [];
  ambiguous: Record<CellId, number[]> = {};

  get size(): number {
    return this.cells.size;
  }
  has(cell: CellId): boolean {
    return this.cells.has(cell);
  }
  uncertain(cell: CellId, candidates: readonly number[]): void {
    this.ambiguous[cell] = [...candidates];
  }
  extra(row: ExtraRow, problem: string): void {
    this.extraRows.push(row);
    this.problems.push(problem);
  }
  put(cell: CellId, value: number, source: CellSource): void {
    this.cells.set(cell, value);
    this.sources.set(cell, source);
  }

  /** How many cells of a table (t2, t3, t4) are read. */
  countOf(table: TableId): number {
    return cellsOfTable(this.cells.keys(), table);
  }

  /**
   * Takes another reading's table instead (a table run together on one line, read by the flattened
   * reader): its cells (each with its row's label and digits as evidence, at `source`'s line), its
   * ambiguous cells, its rows the format does not have and what it said of the table; what this reading
   * had of the table is dropped, the other tables kept.
   */
  replaceTable(table: TableId, other: OtherReading, source: CellSource): void {
    const own = (id: string) => id.startsWith(`${table}.`);
    for (const cell of [...this.cells.keys()].filter(own)) {
      this.cells.delete(cell);
      this.sources.delete(cell);
    }
    for (const cell of Object.keys(this.ambiguous).filter(own)) delete this.ambiguous[cell];
    const keptProblems = this.problems.filter((p) => tableOfProblem(p) !== table);
    this.problems.splice(0, this.problems.length, ...keptProblems);
    const keptRows = this.extraRows.filter((row) => row.table !== table);
    this.extraRows.splice(0, this.extraRows.length, ...keptRows);
    // A row's cells come together: its source made once for them all.
    let row = '';
    let rowSource = source;
    for (const [cell, value] of other.cells) {
      if (!own(cell)) continue;
      const id = cell.slice(0, cell.lastIndexOf('.'));
      if (id !== row) {
        row = id;
        const text = other.rowText[id];
        rowSource = text ? { line: source.line, text } : source;
      }
      this.put(cell, value, rowSource);
    }
    for (const cell of Object.keys(other.ambiguous).filter(own))
      this.ambiguous[cell] = other.ambiguous[cell]!;
    this.problems.push(...other.problems.filter((p) => tableOfProblem(p) === table));
    for (const extra of other.extraRows)
      if (extra.table === table) this.extraRows.push({ ...extra, line: source.line });
  }

  /**
   * A count or an amount is never negative (only the 2019 format's 本年增/减 is signed): a '-' before one
   * is a dash the page or a converter put there, and whether the number behind it is right cannot be
   * told — the cell is left unread, and said why.
   */
  leaveNegativesUnread(format: ReportFormatId): void {
    const signed = reportFormat(format).signedCells;
    for (const [cell, value] of this.cells)
      if (value < 0 && !signed.has(cell)) {
        this.cells.delete(cell);
        this.sources.delete(cell);
        this.problems.push(`${cellLabel(format, cell)}读到负数 ${value}：计数和金额不会是负数，未读`);
      }
  }

  /**
   * The cells and their sources as records in the format's order (`order`), each source without its
   * text given `evidenceOf` its line.
   */
  withEvidence(
    evidenceOf: (line: number) => string,
    order: readonly CellId[],
  ): {
    cells: Record<CellId, number>;
    sources: Record<CellId, CellSource>;
  } {
    const cells: Record<CellId, number> = {};
    const sources: Record<CellId, CellSource> = {};
    const evidence = new Map<number, string>();
    for (const cell of order) {
      const source = this.sources.get(cell);
      if (!source) continue;
      cells[cell] = this.cells.get(cell)!;
      if (source.text) sources[cell] = source;
      else {
        let text = evidence.get(source.line);
        if (text === undefined) evidence.set(source.line, (text = evidenceOf(source.line)));
        sources[cell] = { ...source, text };
      }
    }
    return { cells, sources };
  }
}
