/**
 * Where a request counts in the report on year N (application-lifecycle.md §12):
 * - 本年新收 (r1): received in N;
 * - 上年结转 (r2): received before 1 January N and not completed before it;
 * - 本年度办理结果 (r3): completed in N, in its one result row;
 * - 结转下年度 (r4): received by 31 December N and still open on 31 December N.
 * R1 (一 + 二 = 三 + 四) then holds column by column.
 */
import type { CellSelector, OutcomeRow, RequestTally, ApplicantType } from '../../annual-report/index.ts';
import { APPLICANT_TYPES, noCompletions } from '../../annual-report/index.ts';
import { firstDayOfYear, lastDayOfYear } from '../../../shared/domain/iso-date.ts';
import type { DisclosureRequest } from './disclosure-request.ts';

export interface ReportYearPosition {
  readonly received: boolean;
  readonly carriedIn: boolean;
  readonly carriedOut: boolean;
  readonly completedAs: OutcomeRow | undefined;
}

export function reportYearPosition(request: DisclosureRequest, year: number): ReportYearPosition {
  const start = firstDayOfYear(year);
  const end = lastDayOfYear(year);
  const { receivedOn, completedOn } = request;
  const completedInYear = completedOn !== undefined && completedOn >= start && completedOn <= end;
  return {
    received: receivedOn >= start && receivedOn <= end,
    carriedIn: receivedOn < start && (completedOn === undefined || completedOn >= start),
    carriedOut: receivedOn <= end && (completedOn === undefined || completedOn > end),
    completedAs: completedInYear ? request.outcome : undefined,
  };
}

export function tallyRequests(requests: Iterable<DisclosureRequest>, year: number): RequestTally[] {
  const tallies = new Map<
    ApplicantType,
    {
      received: number;
      carriedIn: number;
      carriedOut: number;
      completed: Partial<Record<OutcomeRow, number>>;
    }
  >(
    APPLICANT_TYPES.map((t) => [t, { received: 0, carriedIn: 0, carriedOut: 0, completed: noCompletions() }]),
  );
  for (const request of requests) {
    const position = reportYearPosition(request, year);
    const tally = tallies.get(request.applicantType);
    if (!tally) continue;
    if (position.received) tally.received += 1;
    if (position.carriedIn) tally.carriedIn += 1;
    if (position.carriedOut) tally.carriedOut += 1;
    if (position.completedAs)
      tally.completed[position.completedAs] = (tally.completed[position.completedAs] ?? 0) + 1;
  }
  return [...tallies].map(([applicantType, t]) => ({ applicantType, ...t }));
}

/** True when the request is one of the records behind a `requests` cell selector. */
export function isCountedBy(
  request: DisclosureRequest,
  selector: Extract<CellSelector, { source: 'requests' }>,
  year: number,
): boolean {
  if (selector.applicantType && request.applicantType !== selector.applicantType) return false;
  const position = reportYearPosition(request, year);
  switch (selector.measure) {
    case 'received':
      return position.received;
    case 'carried-in':
      return position.carriedIn;
    case 'carried-out':
      return position.carriedOut;
    case 'completed':
      return (
        position.completedAs !== undefined &&
        (!selector.outcome || position.completedAs === selector.outcome) &&
        (!selector.outcomes || selector.outcomes.includes(position.completedAs))
      );
    default: {
      const never: never = selector.measure;
      throw new Error(`unknown measure ${String(never)}`);
    }
  }
}
