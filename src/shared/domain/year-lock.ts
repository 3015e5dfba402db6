/**
 * A filed year is locked (#6): records that would change the figures of an agency's filed report —
 * cases, proceedings, documents and figures dated in that year — are refused until an approved
 * correction re-opens it. Features that write records ask through this port before writing.
 */
import { yearOf, type IsoDate } from './iso-date.ts';

export type YearLock = (agencyId: string, year: number) => Promise<boolean>;

export interface YearLockedRefusal {
  readonly code: 'year-locked';
  readonly agencyId: string;
  readonly year: number;
}

/** The first of `dates` that falls in a locked year, as a refusal; undefined when all are open. */
export async function lockedYearOf(
  lock: YearLock | undefined,
  agencyId: string,
  dates: ReadonlyArray<IsoDate | undefined>,
): Promise<YearLockedRefusal | undefined> {
  if (!lock) return undefined;
  const years = [...new Set(dates.filter((d): d is IsoDate => Boolean(d)).map(yearOf))].sort();
  for (const year of years) if (await lock(agencyId, year)) return { code: 'year-locked', agencyId, year };
  return undefined;
}

export function yearLockedMessage(refusal: YearLockedRefusal): string {
  return `${refusal.year} 年度报告已报送并锁定，不能新增或更改该年度的记录；如需更正，请先提出更正申请并经批准`;
}
