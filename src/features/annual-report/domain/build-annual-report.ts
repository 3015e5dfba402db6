/**
 * Generation (application-lifecycle.md §12): every cell of the 2021 format from the facts alone, then
 * every consistency rule run as an assertion — R1–R4 and R6 hold by construction for a report built
 * from records, and the engine still checks them.
 */
import type { AnnualReport } from './annual-report.ts';
import { selectorForCell, type CellSelector } from './cell-selector.ts';
import { checkConsistency, type CheckContext } from './check-consistency.ts';
import type { ReportFacts } from './report-facts.ts';
import { formatOfYear, reportFormat, type CellId, type ReportFormatId } from './report-format.ts';

export interface ReportSubject {
  readonly year: number;
  readonly agencyName: string;
}

function countRequests(facts: ReportFacts, selector: Extract<CellSelector, { source: 'requests' }>): number {
  let total = 0;
  for (const tally of facts.requests) {
    if (selector.applicantType && tally.applicantType !== selector.applicantType) continue;
    switch (selector.measure) {
      case 'received':
        total += tally.received;
        break;
      case 'carried-in':
        total += tally.carriedIn;
        break;
      case 'carried-out':
        total += tally.carriedOut;
        break;
      case 'completed':
        total += selector.outcome
          ? (tally.completed[selector.outcome] ?? 0)
          : selector.outcomes
            ? selector.outcomes.reduce((sum, o) => sum + (tally.completed[o] ?? 0), 0)
            : Object.values(tally.completed).reduce((sum, n) => sum + (n ?? 0), 0);
        break;
      default: {
        const never: never = selector.measure;
        throw new Error(`unknown measure ${String(never)}`);
      }
    }
  }
  return total;
}

/** The value of one cell, computed from the facts through the cell's selector. */
export function cellValue(facts: ReportFacts, selector: CellSelector): number {
  switch (selector.source) {
    case 'requests':
      return countRequests(facts, selector);
    case 'proceedings':
      return facts.proceedings
        .filter((p) => p.kind === selector.kind && (!selector.status || p.status === selector.status))
        .reduce((sum, p) => sum + p.count, 0);
    case 'documents': {
      const tally = facts.documents.filter((d) => d.kind === selector.kind);
      const field = selector.measure === 'in-force' ? 'inForce' : selector.measure;
      return tally.reduce((sum, d) => sum + d[field], 0);
    }
    case 'figures':
      return selector.figure === 'entered2019'
        ? (facts.figures?.entered2019?.[selector.cell ?? ''] ?? 0)
        : (facts.figures?.[selector.figure] ?? 0);
    default: {
      const never: never = selector;
      throw new Error(`unknown selector ${JSON.stringify(never)}`);
    }
  }
}

export function buildReportCells(
  facts: ReportFacts,
  format: ReportFormatId = '2021',
): Record<CellId, number> {
  const cells: Record<CellId, number> = {};
  for (const cell of reportFormat(format).cellIds) {
    const selector = selectorForCell(cell, format);
    if (!selector) throw new Error(`no selector for ${cell}`);
    cells[cell] = cellValue(facts, selector);
  }
  return cells;
}

/** Rules that hold by construction for a report built from records; a failure is a bug, not a finding. */
const BY_CONSTRUCTION = /^R[1-5]\./;

export function buildAnnualReport(
  facts: ReportFacts,
  subject: ReportSubject,
  context: CheckContext = {},
): AnnualReport {
  // Each year in the format in force for it: the 2019 trial format for 2019 and 2020.
  const format = formatOfYear(subject.year);
  const cells = buildReportCells(facts, format);
  const report = { format, year: subject.year, agency: { name: subject.agencyName }, cells };
  // R10 reads the year's fee records, where they are kept here.
  const fees = facts.fees;
  const checks = checkConsistency(report, {
    ...(fees
      ? {
          processingFees: {
            collectedCount: fees.paidCount,
            collectedYuan: fees.paidYuan,
            noticesIssued: fees.noticesIssued,
          },
        }
      : {}),
    ...context,
  });
  const broken = checks.filter((c) => BY_CONSTRUCTION.test(c.rule) && c.status !== 'pass');
  if (broken.length > 0) {
    throw new Error(
      `generated report breaks ${broken.map((c) => `${c.rule} (${c.lhs} ≠ ${c.rhs})`).join(', ')}`,
    );
  }
  return {
    ...report,
    checks,
    ...(facts.proactive ? { proactive: facts.proactive } : {}),
    ...(fees ? { fees } : {}),
    ...(facts.work?.length ? { work: facts.work } : {}),
  };
}
