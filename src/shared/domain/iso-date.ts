/**
 * A calendar date as `YYYY-MM-DD`. Calendar dates never carry a time zone: a reply is due on a day,
 * not at an instant. Comparisons are plain string comparisons, which order ISO dates correctly.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `y-m-d` names a day that exists in the proleptic Gregorian calendar. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidCalendarDate(year, month, day))
    throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** Parses strict `YYYY-MM-DD`; anything else (or a day that does not exist) is `undefined`. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCalendarDate(year, month, day) ? (text as IsoDate) : undefined;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function firstDayOfYear(year: number): IsoDate {
  return toIsoDate(year, 1, 1);
}

export function lastDayOfYear(year: number): IsoDate {
  return toIsoDate(year, 12, 31);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The date `days` days after (or before, when negative) `date`. The next day is the hot path (deadlines count day by day). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const year = +date.slice(0, 4);
  const month = +date.slice(5, 7);
  const day = +date.slice(8, 10);
  if (days === 1) {
    if (day < daysInMonth(year, month)) return `${date.slice(0, 8)}${pad2(day + 1)}` as IsoDate;
    return (month < 12 ? `${date.slice(0, 5)}${pad2(month + 1)}-01` : `${year + 1}-01-01`) as IsoDate;
  }
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return toIsoDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Offsets of each month for Sakamoto's weekday formula. */
const MONTH_OFFSET = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function dayOfWeek(date: IsoDate): number {
  const month = +date.slice(5, 7);
  const day = +date.slice(8, 10);
  const year = +date.slice(0, 4) - (month < 3 ? 1 : 0);
  const weekday =
    (year +
      Math.floor(year / 4) -
      Math.floor(year / 100) +
      Math.floor(year / 400) +
      MONTH_OFFSET[month - 1]! +
      day) %
    7;
  return weekday === 0 ? 7 : weekday;
}

export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** The dates a record carries in its own fields (received, replied, issued…), whatever they are called. */
export function datesIn(record: object): IsoDate[] {
  return Object.values(record).filter((v): v is IsoDate => typeof v === 'string' && ISO_PATTERN.test(v));
}
