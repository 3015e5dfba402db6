/**
 * Generation (application-lifecycle.md §12): every cell of the 2021 format from the facts alone, then
 * every consistency rule run as an assertion — R1–R4 and R6 hold by construction for a report built
 * from records, and the engine still checks them.
 */
import type { AnnualReport } from './annual-report.ts';
import { selectorForCell, type CellSelector } from './cell-selector.ts';
import { checkConsistency, type CheckContext } from './check-consistency.ts';
import type { ReportFacts, RequestTally } from './report-facts.ts';
import type { OutcomeRow } from './outcome-row.ts';
import { formatOfYear, reportFormat, type CellId, type ReportFormatId } from './report-format.ts';

export interface ReportSubject {
  readonly year: number;
  readonly agencyName: string;
}

/** All of a tally's completions: its （七）总计. */
function allCompleted(tally: RequestTally): number {
  let sum = 0;
  for (const outcome in tally.completed) sum += tally.completed[outcome as OutcomeRow] ?? 0;
  return sum;
}

/** A tally's completions of the selector's result row(s), or all of them (`all`, when worked out). */
function completedOf(
  tally: RequestTally,
  selector: Extract<CellSelector, { source: 'requests' }>,
  all: number | undefined,
): number {
  const completed = tally.completed;
  if (selector.outcome) return completed[selector.outcome] ?? 0;
  if (!selector.outcomes) return all ?? allCompleted(tally);
  let sum = 0;
  for (let i = 0; i < selector.outcomes.length; i++) sum += completed[selector.outcomes[i]!] ?? 0;
  return sum;
}

// Indexed loops, no callbacks: a province builds thousands of reports of 200 cells each, and what these
// allocate per cell (iterators, arrays) was most of the filing's garbage.
function countRequests(
  facts: ReportFacts,
  selector: Extract<CellSelector, { source: 'requests' }>,
  /** Per tally, all its completions (a report's eight （七）总计 cells read them once). */
  allOf?: readonly number[],
): number {
  let total = 0;
  const tallies = facts.requests;
  for (let i = 0; i < tallies.length; i++) {
    const tally = tallies[i]!;
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
        total += completedOf(tally, selector, allOf?.[i]);
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
  return valueThrough(facts, selector, undefined);
}

/** cellValue, with each tally's （七）总计 worked out before when a whole report is built. */
function valueThrough(
  facts: ReportFacts,
  selector: CellSelector,
  allCompletedOf: readonly number[] | undefined,
): number {
  switch (selector.source) {
    case 'requests':
      return countRequests(facts, selector, allCompletedOf);
    case 'proceedings': {
      let sum = 0;
      for (let i = 0; i < facts.proceedings.length; i++) {
        const p = facts.proceedings[i]!;
        if (p.kind === selector.kind && (!selector.status || p.status === selector.status)) sum += p.count;
      }
      return sum;
    }
    case 'documents': {
      const field = selector.measure === 'in-force' ? 'inForce' : selector.measure;
      let sum = 0;
      for (let i = 0; i < facts.documents.length; i++) {
        const d = facts.documents[i]!;
        if (d.kind === selector.kind) sum += d[field];
      }
      return sum;
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

interface Plan {
  readonly ids: readonly CellId[];
  readonly selectors: readonly CellSelector[];
}

/** Each format's cells in order with their selectors, worked out once (a province builds thousands). */
const PLANS = new Map<ReportFormatId, Plan>();
function planOf(format: ReportFormatId) {
  let plan = PLANS.get(format);
  if (!plan) {
    const ids = reportFormat(format).cellIds;
    const selectors = ids.map((cell) => {
      const selector = selectorForCell(cell, format);
      if (!selector) throw new Error(`no selector for ${cell}`);
      return selector;
    });
    PLANS.set(format, (plan = { ids, selectors }));
  }
  return plan;
}

export function buildReportCells(
  facts: ReportFacts,
  format: ReportFormatId = '2021',
): Record<CellId, number> {
  const { ids, selectors } = planOf(format);
  const allCompletedOf = facts.requests.map(allCompleted);
  const cells: Record<CellId, number> = {};
  for (let i = 0; i < ids.length; i++) cells[ids[i]!] = valueThrough(facts, selectors[i]!, allCompletedOf);
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
