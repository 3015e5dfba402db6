/**
 * When a year's report is due (条例 第四十九条): departments of people's governments at county level and
 * above publish theirs by 31 January; local people's governments at county level and above (through
 * their disclosure office) by 31 March. Townships are not named; their dates are set locally [U], so
 * a jurisdiction may configure its own (e.g. 怀化 2021: county consolidations by 20 February).
 */
import { toIsoDate, type IsoDate } from '../../../shared/domain/iso-date.ts';

export type ReportingBody = 'department' | 'government' | 'township';

export interface LocalReportDeadlines {
  /** Month and day in the following year, e.g. { month: 2, day: 20 }. */
  readonly township?: { readonly month: number; readonly day: number };
}

export function annualReportDueOn(
  body: ReportingBody,
  reportYear: number,
  local: LocalReportDeadlines = {},
): IsoDate | undefined {
  const year = reportYear + 1;
  switch (body) {
    case 'department':
      return toIsoDate(year, 1, 31);
    case 'government':
      return toIsoDate(year, 3, 31);
    case 'township':
      return local.township ? toIsoDate(year, local.township.month, local.township.day) : undefined;
    default: {
      const never: never = body;
      throw new Error(`unknown reporting body ${String(never)}`);
    }
  }
}
