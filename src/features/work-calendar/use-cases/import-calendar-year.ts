/**
 * An administrator imports a year's calendar: the notice text (.txt) or JSON
 * `{ "holidays": { "2027-01-01": "元旦", … }, "makeupWorkdays": { … }, "source": "…" }`.
 */
import { z } from '../../../platform/validation.ts';
import { dayOfWeek, parseIsoDate } from '../../../shared/domain/iso-date.ts';
import type { CalendarYear } from '../../../shared/domain/work-calendar.ts';
import { parseHolidayNotice } from '../domain/parse-holiday-notice.ts';

const dateMap = z.record(z.string(), z.string().min(1));
const yearSchema = z.object({ holidays: dateMap, makeupWorkdays: dateMap, source: z.string().optional() });

export type CalendarYearParse =
  | { readonly ok: true; readonly year: CalendarYear }
  | { readonly ok: false; readonly problems: readonly string[] };

function checkJsonYear(data: z.infer<typeof yearSchema>, year: number): string[] {
  const problems: string[] = [];
  for (const [kind, map] of [
    ['放假日', data.holidays],
    ['调休上班日', data.makeupWorkdays],
  ] as const) {
    for (const date of Object.keys(map)) {
      const iso = parseIsoDate(date);
      if (!iso) problems.push(`${kind}“${date}”不是 YYYY-MM-DD 格式的有效日期`);
      else if (kind === '调休上班日' && dayOfWeek(iso) < 6) problems.push(`调休上班日 ${date} 不是周末`);
      else if (kind === '调休上班日' && data.holidays[date]) problems.push(`${date} 既是放假日又是上班日`);
    }
  }
  if (!Object.keys(data.holidays).some((d) => d.startsWith(String(year))))
    problems.push(`没有 ${year} 年的放假日期`);
  return problems;
}

export function parseCalendarYear(
  text: string,
  kind: 'json' | 'notice',
  year: number,
  source?: string,
): CalendarYearParse {
  if (kind === 'notice') {
    const parsed = parseHolidayNotice(text, year, source);
    return parsed.ok ? parsed : { ok: false, problems: parsed.problems.map((p) => p.message) };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`不是有效的 JSON：${(error as Error).message}`] };
  }
  const parsed = yearSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`) };
  const problems = checkJsonYear(parsed.data, year);
  if (problems.length > 0) return { ok: false, problems };
  const resolvedSource = source ?? parsed.data.source;
  return {
    ok: true,
    year: {
      holidays: parsed.data.holidays,
      makeupWorkdays: parsed.data.makeupWorkdays,
      ...(resolvedSource ? { source: resolvedSource } : {}),
    },
  };
}
