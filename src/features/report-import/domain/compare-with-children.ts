/**
 * A parent's report against its departments' (or lower governments') reports: the parent's figures
 * include every child's, so a cell where the children add up to more than the parent does not add up;
 * where the parent is larger, the difference is the parent's own work or a child that did not report.
 * Children expected but not given are named.
 */
import { reportFormat, type CellId, type ReportFormatId } from '../../annual-report/index.ts';

export interface ChildReport {
  readonly name: string;
  readonly format: ReportFormatId | undefined;
  readonly cells: Readonly<Record<CellId, number>>;
}

export interface ChildComparison {
  /** Cells where the children together exceed the parent: these do not add up. */
  readonly exceeded: ReadonlyArray<{ cell: CellId; parent: number; children: number }>;
  /** Cells where the parent holds more than its children: its own figures, or a child missing. */
  readonly parentLarger: ReadonlyArray<{ cell: CellId; parent: number; children: number }>;
  /** Expected children that are not among the reports given. */
  readonly missing: readonly string[];
  /** Children in another format than the parent's, left out of the sums. */
  readonly otherFormat: readonly string[];
  /** Cells that could not be compared because the parent or a child did not have them. */
  readonly incomplete: readonly CellId[];
}

const COUNTED = /^(t3|t4)\./;

export function compareWithChildren(
  parent: { format: ReportFormatId; cells: Readonly<Record<CellId, number>> },
  children: readonly ChildReport[],
  expectedChildren: readonly string[] = [],
): ChildComparison {
  const same = children.filter((c) => c.format === parent.format);
  const exceeded: Array<{ cell: CellId; parent: number; children: number }> = [];
  const parentLarger: Array<{ cell: CellId; parent: number; children: number }> = [];
  const incomplete: CellId[] = [];
  for (const cell of reportFormat(parent.format).cellIds.filter((c) => COUNTED.test(c))) {
    const own = parent.cells[cell];
    if (own === undefined || same.some((c) => c.cells[cell] === undefined)) {
      incomplete.push(cell);
      continue;
    }
    const sum = same.reduce((total, c) => total + (c.cells[cell] ?? 0), 0);
    if (sum > own) exceeded.push({ cell, parent: own, children: sum });
    else if (sum < own) parentLarger.push({ cell, parent: own, children: sum });
  }
  const given = children.map((c) => c.name);
  return {
    exceeded,
    parentLarger,
    missing: expectedChildren.filter((name) => !given.some((g) => g.includes(name) || name.includes(g))),
    otherFormat: children.filter((c) => c.format !== parent.format).map((c) => c.name),
    incomplete,
  };
}
