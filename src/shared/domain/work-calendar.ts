/**
 * The working-day calendar (工作日). The 条例 counts its periods in working days and never defines the
 * term: Monday to Friday, minus the statutory holidays (法定节假日), plus the weekend days the State
 * Council designates as make-up working days (调休上班日) in its yearly notice (application-lifecycle.md
 * §2). The calendar is data passed in, year by year; a jurisdiction (e.g. an ethnic autonomous area,
 * 《全国年节及纪念日放假办法》第四条) may add holidays of its own.
 *
 * Counting convention (民法典 第二百零一条): the day of the triggering event is not counted; counting
 * starts the next day. A period cannot end on a holiday (第二百零三条): true by construction here.
 * A day in a year the calendar does not hold follows the statutory holidays of 《全国年节及纪念日放假办法》
 * (statutory-holidays.ts), otherwise Monday–Friday, and is flagged as provisional, never silently.
 */
import { addDays, dayOfWeek, yearOf, type IsoDate } from './iso-date.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

export interface CalendarYear {
  /** Days off, with the festival's name, e.g. { '2025-10-01': '国庆节' }. */
  readonly holidays: Readonly<Record<string, string>>;
  /** Weekend days worked, with the festival they make up for. */
  readonly makeupWorkdays: Readonly<Record<string, string>>;
  /** Where the year comes from: the notice, who imported it. */
  readonly source?: string;
}

export interface WorkCalendar {
  readonly jurisdiction: string;
  readonly years: ReadonlyMap<number, CalendarYear>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly kind: DayKind;
  /** The festival, for holidays and make-up working days. */
  readonly name?: string;
  /**
   * False when the calendar has no notice for the day's year: the day then follows the statutory
   * holidays and Monday–Friday, provisionally (the notice's 调休 swaps are not known).
   */
  readonly known: boolean;
}

export function describeDay(calendar: WorkCalendar, date: IsoDate): DayInfo {
  const year = calendar.years.get(yearOf(date));
  if (!year) {
    // No notice for the year: the statutory holidays by law, the rest Monday–Friday; provisional.
    const statutory = statutoryHolidays(yearOf(date))[date];
    if (statutory !== undefined) return { date, kind: 'holiday', name: statutory, known: false };
    return { date, kind: dayOfWeek(date) >= 6 ? 'weekend' : 'workday', known: false };
  }
  const holiday = year.holidays[date];
  if (holiday !== undefined) return { date, kind: 'holiday', name: holiday, known: true };
  const makeup = year.makeupWorkdays[date];
  if (makeup !== undefined) return { date, kind: 'makeup-workday', name: makeup, known: true };
  return { date, kind: dayOfWeek(date) >= 6 ? 'weekend' : 'workday', known: true };
}

export function isWorkingDay(calendar: WorkCalendar, date: IsoDate): boolean {
  const { kind } = describeDay(calendar, date);
  return kind === 'workday' || kind === 'makeup-workday';
}

export interface WorkingDayCount {
  /** The last day of the period (for `addWorkingDays`), or the last day examined. */
  readonly date: IsoDate;
  /** Working days counted. */
  readonly count: number;
  /** Every day examined, in order, with its kind and whether it was counted. */
  readonly days: ReadonlyArray<DayInfo & { readonly counted: boolean }>;
  /** Years the result relied on without calendar data: the date is provisional. */
  readonly missingYears: readonly number[];
}

function missingYearsOf(days: ReadonlyArray<DayInfo>): number[] {
  return [...new Set(days.filter((d) => !d.known).map((d) => yearOf(d.date)))];
}

/** Longest span examined: no statutory period comes near ten years of days. */
const MAX_DAYS = 3660;

/**
 * The `workingDays`-th working day after `from` (from itself not counted). With 0, `from` itself.
 * "20 working days from receipt on Monday 4 Nov 2024" ends on Monday 2 Dec 2024.
 */
export function addWorkingDays(calendar: WorkCalendar, from: IsoDate, workingDays: number): WorkingDayCount {
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${workingDays}`);
  const days: Array<DayInfo & { counted: boolean }> = [];
  let date = from;
  let count = 0;
  while (count < workingDays) {
    date = addDays(date, 1);
    const info = describeDay(calendar, date);
    const counted = info.kind === 'workday' || info.kind === 'makeup-workday';
    if (counted) count++;
    days.push({ ...info, counted });
    if (days.length > MAX_DAYS)
      throw new RangeError(`${workingDays} working days from ${from} is beyond ten years`);
  }
  return { date, count, days, missingYears: missingYearsOf(days) };
}

/** Working days after `from` up to and including `through` (0 when `through` is not after `from`). */
export function countWorkingDays(calendar: WorkCalendar, from: IsoDate, through: IsoDate): WorkingDayCount {
  const days: Array<DayInfo & { counted: boolean }> = [];
  let date = from;
  let count = 0;
  while (date < through) {
    date = addDays(date, 1);
    const info = describeDay(calendar, date);
    const counted = info.kind === 'workday' || info.kind === 'makeup-workday';
    if (counted) count++;
    days.push({ ...info, counted });
    if (days.length > MAX_DAYS) throw new RangeError(`${from} to ${through} is beyond ten years`);
  }
  return { date: through < from ? from : through, count, days, missingYears: missingYearsOf(days) };
}

/** The first working day on or after `date`. */
export function nextWorkingDayOnOrAfter(calendar: WorkCalendar, date: IsoDate): IsoDate {
  let day = date;
  for (let i = 0; i <= MAX_DAYS; i++, day = addDays(day, 1)) if (isWorkingDay(calendar, day)) return day;
  throw new RangeError(`no working day within ten years of ${date}`);
}

/** A calendar from years of data; later sources replace earlier ones year by year. */
export function buildWorkCalendar(
  jurisdiction: string,
  ...sources: ReadonlyArray<ReadonlyMap<number, CalendarYear>>
): WorkCalendar {
  const years = new Map<number, CalendarYear>();
  for (const source of sources) for (const [year, data] of source) years.set(year, data);
  return { jurisdiction, years };
}

/**
 * A jurisdiction's calendar: the national one plus its own additional holidays (and any make-up days it
 * sets). Years the national calendar lacks stay missing: a local addition does not make a year known.
 */
export function withLocalAdditions(
  national: WorkCalendar,
  jurisdiction: string,
  additions: ReadonlyMap<number, CalendarYear>,
): WorkCalendar {
  const years = new Map(national.years);
  for (const [year, local] of additions) {
    const base = years.get(year);
    if (!base) continue;
    years.set(year, {
      holidays: { ...base.holidays, ...local.holidays },
      makeupWorkdays: { ...base.makeupWorkdays, ...local.makeupWorkdays },
      source: [base.source, local.source].filter(Boolean).join('；'),
    });
  }
  return { jurisdiction, years };
}
