/**
 * The calendar in force for a jurisdiction: the shipped national years, replaced year by year by national
 * years an administrator imported, plus the jurisdiction's own holidays.
 */
import { shippedChinaYears } from '../../../shared/domain/china-work-calendar.ts';
import {
  buildWorkCalendar,
  withLocalAdditions,
  type CalendarYear,
  type WorkCalendar,
} from '../../../shared/domain/work-calendar.ts';

import { NATIONAL } from '../domain/jurisdiction.ts';

export { NATIONAL };

export interface CalendarYearSource {
  years(jurisdiction: string): Promise<Map<number, CalendarYear>>;
}

export async function loadWorkCalendar(
  source: CalendarYearSource | undefined,
  jurisdiction: string = NATIONAL,
): Promise<WorkCalendar> {
  const national = buildWorkCalendar(
    NATIONAL,
    shippedChinaYears(),
    source ? await source.years(NATIONAL) : new Map(),
  );
  if (jurisdiction === NATIONAL || !source) return national;
  return withLocalAdditions(national, jurisdiction, await source.years(jurisdiction));
}
