/**
 * 汇总: a parent's tables are its own figures plus the sum of its children's filed tables, each cell
 * traceable to the reports it came from. A child that has not filed is named, never counted as zero;
 * a child filed in another format cannot be summed and is named too.
 */
import { reportFormat, type CellId, type ReportFormatId } from '../../annual-report/index.ts';

export interface ChildFiling {
  readonly agencyId: string;
  readonly version: number;
  readonly format: ReportFormatId;
  readonly cells: Readonly<Record<CellId, number>>;
}

export interface Contribution {
  readonly agencyId: string;
  /** The child's filed version; absent for the parent's own figures. */
  readonly version?: number;
  readonly value: number;
}

export interface Consolidation {
  readonly cells: Readonly<Record<CellId, number>>;
  /** Per cell, who contributed a non-zero value. */
  readonly contributions: Readonly<Record<CellId, readonly Contribution[]>>;
  readonly children: ReadonlyArray<{ readonly agencyId: string; readonly version: number }>;
  readonly missing: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly otherFormat: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function consolidate(
  format: ReportFormatId,
  own: { readonly agencyId: string; readonly cells: Readonly<Record<CellId, number>> },
  children: ReadonlyArray<{ readonly id: string; readonly name: string; readonly filing?: ChildFiling }>,
): Consolidation {
  const summed = children.filter((c) => c.filing?.format === format).map((c) => c.filing!);
  const cells: Record<CellId, number> = {};
  const contributions: Record<CellId, Contribution[]> = {};
  for (const cell of reportFormat(format).cellIds) {
    const parts: Contribution[] = [];
    const mine = own.cells[cell] ?? 0;
    if (mine !== 0) parts.push({ agencyId: own.agencyId, value: mine });
    for (const child of summed) {
      const value = child.cells[cell] ?? 0;
      if (value !== 0) parts.push({ agencyId: child.agencyId, version: child.version, value });
    }
    cells[cell] = round(parts.reduce((sum, p) => sum + p.value, 0));
    contributions[cell] = parts;
  }
  return {
    cells,
    contributions,
    children: summed.map((c) => ({ agencyId: c.agencyId, version: c.version })),
    missing: children.filter((c) => !c.filing).map(({ id, name }) => ({ id, name })),
    otherFormat: children
      .filter((c) => c.filing && c.filing.format !== format)
      .map(({ id, name }) => ({ id, name })),
  };
}
