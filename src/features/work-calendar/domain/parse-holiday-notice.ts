/**
 * Reads the State Council's yearly notice on public holidays (国务院办公厅关于{年}部分节假日安排的通知)
 * as an administrator pastes it, e.g.
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 * Every item gives its days off (a range or a single day) and the weekend days worked instead. The
 * weekdays the notice prints in brackets are checked against the calendar, so a mistyped date is caught.
 */
import {
  dayOfWeek,
  isValidCalendarDate,
  toIsoDate,
  WEEKDAY_NAMES,
  addDays,
  type IsoDate,
} from '../../../shared/domain/iso-date.ts';
import type { CalendarYear } from '../../../shared/domain/work-calendar.ts';

export interface NoticeProblem {
  readonly code:
    | 'no-items'
    | 'invalid-date'
    | 'weekday-mismatch'
    | 'makeup-not-weekend'
    | 'no-days-off'
    | 'day-both-off-and-worked'
    | 'wrong-year';
  readonly message: string;
}

export type NoticeParse =
  | { readonly ok: true; readonly year: CalendarYear }
  | { readonly ok: false; readonly problems: readonly NoticeProblem[] };

const ITEM = /(?:^|[。\s])[一二三四五六七八九十]+、([^：:]{1,20})[：:]/g;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）|\(([^)]*)\))?/g;

interface NoticeDate {
  readonly date: IsoDate;
  readonly bracket: string;
}

function readDates(text: string, year: number, problems: NoticeProblem[]): NoticeDate[] {
  const dates: NoticeDate[] = [];
  let month: number | undefined;
  let currentYear = year;
  for (const match of text.matchAll(DATE)) {
    if (match[1]) currentYear = Number(match[1]);
    if (match[2]) month = Number(match[2]);
    const day = Number(match[3]);
    if (month === undefined || !isValidCalendarDate(currentYear, month, day)) {
      problems.push({ code: 'invalid-date', message: `“${match[0]}”不是有效日期` });
      continue;
    }
    dates.push({ date: toIsoDate(currentYear, month, day), bracket: match[4] ?? match[5] ?? '' });
  }
  return dates;
}

function checkWeekday(entry: NoticeDate, problems: NoticeProblem[]): void {
  const printed = /周[一二三四五六日]/.exec(entry.bracket)?.[0];
  const actual = WEEKDAY_NAMES[dayOfWeek(entry.date)];
  if (printed && printed !== actual)
    problems.push({ code: 'weekday-mismatch', message: `${entry.date} 是${actual}，通知写的是${printed}` });
}

function daysOff(sentence: string, year: number, problems: NoticeProblem[]): IsoDate[] {
  const dates = readDates(sentence.split(/放假/)[0] ?? '', year, problems);
  dates.forEach((d) => checkWeekday(d, problems));
  const [first, last] = [dates[0], dates[1]];
  if (!first) return [];
  if (!last || !sentence.includes('至')) return [first.date];
  const range: IsoDate[] = [];
  for (let day = first.date; day <= last.date && range.length < 40; day = addDays(day, 1)) range.push(day);
  return range;
}

export function parseHolidayNotice(text: string, year: number, source?: string): NoticeParse {
  const problems: NoticeProblem[] = [];
  const holidays: Record<string, string> = {};
  const makeupWorkdays: Record<string, string> = {};
  const normalized = text
    .normalize('NFKC')
    .replace(/\r/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：');
  const items = [...normalized.matchAll(ITEM)];
  if (items.length === 0)
    return {
      ok: false,
      problems: [{ code: 'no-items', message: '没有找到“一、元旦：……”这样的条目；请粘贴通知正文' }],
    };
  items.forEach((item, i) => {
    const name = (item[1] ?? '').trim();
    const body = normalized.slice(
      (item.index ?? 0) + item[0].length,
      items[i + 1]?.index ?? normalized.length,
    );
    for (const sentence of body.split('。')) {
      if (sentence.includes('放假')) {
        const days = daysOff(sentence, year, problems);
        if (days.length === 0) problems.push({ code: 'no-days-off', message: `“${name}”没有写明放假日期` });
        for (const day of days) holidays[day] = name;
      } else if (sentence.includes('上班')) {
        for (const entry of readDates(sentence, year, problems)) {
          checkWeekday(entry, problems);
          if (dayOfWeek(entry.date) < 6)
            problems.push({ code: 'makeup-not-weekend', message: `调休上班日 ${entry.date} 不是周末` });
          makeupWorkdays[entry.date] = name;
        }
      }
    }
  });
  for (const day of Object.keys(makeupWorkdays)) {
    if (holidays[day])
      problems.push({ code: 'day-both-off-and-worked', message: `${day} 既是放假日又是上班日` });
  }
  if (!Object.keys(holidays).some((d) => d.startsWith(String(year))))
    problems.push({ code: 'wrong-year', message: `通知中没有 ${year} 年的放假日期` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, year: { holidays, makeupWorkdays, ...(source ? { source } : {}) } };
}
