/** The national calendar shipped with gongkai (see scripts/make-calendar-data.ts). */
import data from './work-calendar-data/china.json' with { type: 'json' };
import { buildWorkCalendar, type CalendarYear, type WorkCalendar } from './work-calendar.ts';

export function shippedChinaYears(): Map<number, CalendarYear> {
  const years = new Map<number, CalendarYear>();
  for (const [year, value] of Object.entries(data.years as Record<string, CalendarYear>)) {
    years.set(Number(year), { ...value, source: data.source });
  }
  return years;
}

export function shippedChinaCalendar(): WorkCalendar {
  return buildWorkCalendar('CN', shippedChinaYears());
}
