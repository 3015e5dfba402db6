/**
 * 行政复议 / 行政诉讼 about this agency's disclosure replies: the records behind table 四.
 * Counting semantics are configurable (annual-report-format.md §5 [U]); see `ProceedingCounting`.
 */
import type {
  CellSelector,
  ProceedingCounting,
  ProceedingKind,
  ProceedingResult,
  ProceedingStatus,
  ProceedingTally,
} from '../../annual-report/index.ts';
import { PROCEEDING_KINDS } from '../../annual-report/index.ts';
import { firstDayOfYear, lastDayOfYear, type IsoDate } from '../../../shared/domain/iso-date.ts';

export interface Proceeding {
  readonly id: string;
  readonly kind: ProceedingKind;
  readonly filedOn: IsoDate;
  readonly result?: ProceedingResult;
  readonly decidedOn?: IsoDate;
  /** The request the proceeding is about, when known. */
  readonly requestId?: string;
}

/** 结果维持 / 结果纠正 / 其他结果 once decided by `on`, otherwise 尚未审结. */
export function statusOn(proceeding: Proceeding, on: IsoDate): ProceedingStatus {
  return proceeding.result && proceeding.decidedOn && proceeding.decidedOn <= on
    ? proceeding.result
    : 'pending';
}

/** The status under which the proceeding counts in year N's table 四, or undefined when it does not. */
export function reportYearStatus(
  proceeding: Proceeding,
  year: number,
  counting: ProceedingCounting,
): ProceedingStatus | undefined {
  const start = firstDayOfYear(year);
  const end = lastDayOfYear(year);
  const status = statusOn(proceeding, end);
  switch (counting) {
    case 'filed-in-year':
      return proceeding.filedOn >= start && proceeding.filedOn <= end ? status : undefined;
    case 'decided-or-pending': {
      if (proceeding.filedOn > end) return undefined;
      const decidedInYear =
        proceeding.decidedOn !== undefined && proceeding.decidedOn >= start && status !== 'pending';
      return decidedInYear || status === 'pending' ? status : undefined;
    }
    default: {
      const never: never = counting;
      throw new Error(`unknown counting ${String(never)}`);
    }
  }
}

export function tallyProceedings(
  proceedings: Iterable<Proceeding>,
  year: number,
  counting: ProceedingCounting,
): ProceedingTally[] {
  const counts = new Map<string, number>();
  for (const proceeding of proceedings) {
    const status = reportYearStatus(proceeding, year, counting);
    if (!status) continue;
    const key = `${proceeding.kind}|${status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [kind, status] = key.split('|') as [ProceedingKind, ProceedingStatus];
    return { kind, status, count };
  });
}

export function isCountedInTable4(
  proceeding: Proceeding,
  selector: Extract<CellSelector, { source: 'proceedings' }>,
  year: number,
  counting: ProceedingCounting,
): boolean {
  if (proceeding.kind !== selector.kind) return false;
  const status = reportYearStatus(proceeding, year, counting);
  return status !== undefined && (!selector.status || status === selector.status);
}

export { PROCEEDING_KINDS };
