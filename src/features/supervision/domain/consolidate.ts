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
  /** Who contributed a non-zero value to a cell (worked out when asked: a filing needs only the sums). */
  contributionsOf(cell: CellId): readonly Contribution[];
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
  const contributionsOf = (cell: CellId): Contribution[] => {
    const parts: Contribution[] = [];
    const mine = own.cells[cell] ?? 0;
    if (mine !== 0) parts.push({ agencyId: own.agencyId, value: mine });
    for (const child of summed) {
      const value = child.cells[cell] ?? 0;
      if (value !== 0) parts.push({ agencyId: child.agencyId, version: child.version, value });
    }
    return parts;
  };
  // The same sums as the contributions', in the same order, without a list per cell (a county summing
  // fifty children made ten thousand of them for a sum).
  const cells: Record<CellId, number> = {};
  for (const cell of reportFormat(format).cellIds) {
    const mine = own.cells[cell] ?? 0;
    let sum = mine !== 0 ? mine : 0;
    for (let i = 0; i < summed.length; i++) {
      const value = summed[i]!.cells[cell] ?? 0;
      if (value !== 0) sum += value;
    }
    cells[cell] = round(sum);
  }
  return {
    cells,
    contributionsOf,
    children: summed.map((c) => ({ agencyId: c.agencyId, version: c.version })),
    missing: children.filter((c) => !c.filing).map(({ id, name }) => ({ id, name })),
    otherFormat: children
      .filter((c) => c.filing && c.filing.format !== format)
      .map(({ id, name }) => ({ id, name })),
  };
}
