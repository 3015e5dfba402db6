/**
 * "Today" for the law is the calendar day in China (Asia/Shanghai), whatever the server's time zone.
 * GONGKAI_TODAY=YYYY-MM-DD fixes it (demos, tests); nothing else reads the system clock for dates.
 */
import { parseIsoDate, type IsoDate } from '../shared/domain/iso-date.ts';

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export interface Clock {
  today(): IsoDate;
  now(): string;
}

export function systemClock(fixedToday: string | undefined = process.env.GONGKAI_TODAY): Clock {
  const fixed = fixedToday ? parseIsoDate(fixedToday) : undefined;
  if (fixedToday && !fixed) throw new Error(`GONGKAI_TODAY=${fixedToday} is not a YYYY-MM-DD date`);
  return {
    today: () => fixed ?? (CHINA_DAY.format(new Date()) as IsoDate),
    now: () => new Date().toISOString(),
  };
}
