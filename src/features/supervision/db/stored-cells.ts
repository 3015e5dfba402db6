/**
 * A filed report's cells as stored: two thirds of a filed report were its cells' names. Stored, the cells
 * are one list of values in a frozen, versioned order of the format's cells (cell-order-v1.ts), null
 * where a cell is not filled; read back, the cells are exactly what was filed. A report whose cells the
 * order does not know (a format changed later) keeps its cells as they are, and a report stored before
 * (cells by name) reads as it was.
 */
import type { AnnualReport, CellId, ReportFormatId } from '../../annual-report/index.ts';
import { CELL_ORDER_V1 } from './cell-order-v1.ts';

export interface StoredCells {
  readonly order: string;
  readonly values: ReadonlyArray<number | null>;
}

const ORDERS: Readonly<Record<string, Readonly<Record<string, readonly CellId[]>>>> = { v1: CELL_ORDER_V1 };
const CURRENT = 'v1';

/** The cells as a list of values in the current order, or undefined where the order misses one of them. */
export function storedCells(format: ReportFormatId, cells: AnnualReport['cells']): StoredCells | undefined {
  const order = ORDERS[CURRENT]![format];
  if (!order) return undefined;
  let known = 0;
  const values = order.map((cell) => {
    const value = cells[cell];
    if (value === undefined) return null;
    known++;
    return value;
  });
  return known === Object.keys(cells).length ? { order: CURRENT, values } : undefined;
}

/** The cells a stored list holds (only those of `only`, when given), by name again. */
export function restoredCells(
  format: ReportFormatId,
  stored: StoredCells,
  only?: readonly CellId[],
): Record<CellId, number> {
  const order = ORDERS[stored.order]?.[format];
  if (!order) throw new Error(`filed report stored with unknown cell order ${stored.order} (${format})`);
  const cells: Record<CellId, number> = {};
  if (only) {
    for (const cell of only) {
      const value = stored.values[order.indexOf(cell)];
      if (value !== null && value !== undefined) cells[cell] = value;
    }
    return cells;
  }
  order.forEach((cell, i) => {
    const value = stored.values[i];
    if (value !== null && value !== undefined) cells[cell] = value;
  });
  return cells;
}

const isStoredCells = (value: unknown): value is StoredCells =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as StoredCells).order === 'string' &&
  Array.isArray((value as StoredCells).values);

/**
 * A filed version's cells as its row holds them — values in order, or by name (a version stored before) —
 * by name, only those of `only` when given.
 */
export function cellsOfStored(
  format: ReportFormatId,
  stored: StoredCells | AnnualReport['cells'],
  only?: readonly CellId[],
): AnnualReport['cells'] {
  if (isStoredCells(stored)) return restoredCells(format, stored, only);
  if (!only) return stored;
  const cells: Record<CellId, number> = {};
  for (const cell of only) if (stored[cell] !== undefined) cells[cell] = stored[cell];
  return cells;
}
