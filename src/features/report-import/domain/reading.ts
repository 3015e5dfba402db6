/**
 * What the readers of a report's tables put together: each cell read with where it was read from, the
 * cells more than one reading leaves possible, the rows the format does not have, and what went wrong.
 * Kept in maps while the readers work (a report has up to 200 cells, put and looked up many times), given
 * out as records once at the end.
 */
import { cellLabel, reportFormat, type CellId, type ReportFormatId } from '../../annual-report/index.ts';
import type { ExtraRow } from './text-numbers.ts';

export interface CellSource {
  readonly line: number;
  readonly column?: number;
  /** What the cell was read from, as printed: its line, or (flattened text) its row's label and digits. */
  readonly text?: string;
  /** Printed blank or as a mark (-, /, 无): read as 0 by §7 and named (R9). */
  readonly blank?: boolean;
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

  /** Takes another reading's cells instead (all from one flattened paragraph at `source`). */
  replaceWith(
    cells: ReadonlyMap<CellId, number>,
    source: CellSource,
    problems: readonly string[],
    extraRows: readonly Omit<ExtraRow, 'line'>[],
    rowText: Readonly<Record<string, string>>,
  ): void {
    this.cells = new Map();
    this.sources = new Map();
    this.ambiguous = {};
    this.problems.length = 0;
    this.extraRows.length = 0;
    // A row's cells come together: its source made once for them all.
    let row = '';
    let rowSource = source;
    for (const [cell, value] of cells) {
      const id = cell.slice(0, cell.lastIndexOf('.'));
      if (id !== row) {
        row = id;
        const text = rowText[id];
        rowSource = text ? { line: source.line, text } : source;
      }
      this.put(cell, value, rowSource);
    }
    this.problems.push(...problems);
    this.extraRows.push(...extraRows.map((row) => ({ ...row, line: source.line })));
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

  /** The cells and their sources as records, each source without its text given `evidenceOf` its line. */
  withEvidence(evidenceOf: (line: number) => string): {
    cells: Record<CellId, number>;
    sources: Record<CellId, CellSource>;
  } {
    const cells: Record<CellId, number> = {};
    const sources: Record<CellId, CellSource> = {};
    const evidence = new Map<number, string>();
    for (const [cell, source] of this.sources) {
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
