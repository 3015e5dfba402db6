/**
 * The statutory holidays of a year for which the State Council's notice is not yet known, from
 * 《全国年节及纪念日放假办法》 as revised for 2025 on (第二条): 元旦 1 day; 春节 4 days from 除夕; 清明节
 * 1 day (the 清明 solar term); 劳动节 2 days (1–2 May); 端午节 1 day (5th of the 5th lunar month); 中秋节
 * 1 day (15th of the 8th lunar month); 国庆节 3 days (1–3 October). 第六条: a holiday that falls on a
 * Saturday or Sunday is given back on the following working day. The yearly notice adds the 调休 swaps
 * that no rule predicts, so dates computed from this are provisional until it is imported. Lunar dates
 * and solar terms come from chinese-days, a maintained library (not a hand-made table).
 */
import chineseDays from 'chinese-days';
import { addDays, dayOfWeek, type IsoDate } from './iso-date.ts';

interface Festival {
  readonly name: string;
  readonly days: readonly IsoDate[];
}

// A CommonJS (UMD) module: its functions are properties of the default export.
const { getSolarDateFromLunar, getSolarTermsInRange } = chineseDays;

const lunar = (year: number, month: number, day: number) =>
  getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
    .date as IsoDate;

function run(first: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

function festivalsOf(year: number): Festival[] {
  const springFestival = lunar(year, 1, 1);
  const qingming = getSolarTermsInRange(`${year}-04-01`, `${year}-04-10`).find(
    (t) => t.term === 'pure_brightness',
  );
  return [
    { name: '元旦', days: [`${year}-01-01` as IsoDate] },
    { name: '春节', days: run(addDays(springFestival, -1), 4) },
    ...(qingming ? [{ name: '清明节', days: [qingming.date as IsoDate] }] : []),
    { name: '劳动节', days: run(`${year}-05-01` as IsoDate, 2) },
    { name: '端午节', days: [lunar(year, 5, 5)] },
    { name: '中秋节', days: [lunar(year, 8, 15)] },
    { name: '国庆节', days: run(`${year}-10-01` as IsoDate, 3) },
  ];
}

const isWeekend = (date: IsoDate) => dayOfWeek(date) >= 6;

const cache = new Map<number, Readonly<Record<string, string>>>();

/** The year's statutory days off, with their names (补假 days named "<festival>补假"). */
export function statutoryHolidays(year: number): Readonly<Record<string, string>> {
  const known = cache.get(year);
  if (known) return known;
  const festivals = festivalsOf(year);
  const holidays: Record<string, string> = {};
  for (const festival of festivals) for (const day of festival.days) holidays[day] ??= festival.name;
  for (const festival of festivals) {
    let owed = festival.days.filter(isWeekend).length;
    let day = festival.days.at(-1)!;
    while (owed > 0) {
      day = addDays(day, 1);
      if (isWeekend(day) || holidays[day] !== undefined) continue;
      holidays[day] = `${festival.name}补假`;
      owed--;
    }
  }
  cache.set(year, holidays);
  return holidays;
}
