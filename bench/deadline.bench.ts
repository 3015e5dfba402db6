/**
 * Due-date computation: the reply deadline of a case (20 working days from the day after receipt, with
 * the holiday notice's days off and make-up working days, a 补正 pause and an extension), per second,
 * against its floor — the same 20 working days counted with a bare Date loop over two Sets of dates.
 */
import { shippedChinaCalendar } from '../src/shared/domain/china-work-calendar.ts';
import { replyDeadline } from '../src/features/requests/index.ts';
import { CaseUnderTest, d } from '../test-support/case-builder.ts';

export interface DeadlineResult {
  readonly cases: number;
  readonly perSecond: number;
  readonly floorPerSecond: number;
  readonly ratio: number;
}

function perSecond(work: () => void, rounds: number): number {
  for (let i = 0; i < Math.min(rounds, 200); i++) work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) work();
  return rounds / (Number(process.hrtime.bigint() - start) / 1e9);
}

export function benchDeadline(short: boolean): DeadlineResult {
  const calendar = shippedChinaCalendar();
  // Cases received on every day of 2025, a third with a 补正 pause and a third extended.
  const states = Array.from({ length: 365 }, (_, i) => {
    const day = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
    const c = new CaseUnderTest({ submittedOn: day, channel: 'in-person' });
    if (i % 3 === 1)
      c.try({ type: 'request-clarification', on: d(day), items: '请写明年份', periodWorkingDays: 15 }, day);
    if (i % 3 === 2)
      c.try(
        {
          type: 'grant-extension',
          workingDays: 20,
          approvedBy: '负责人',
          approvedOn: d(day),
          noticeSentOn: d(day),
        },
        day,
        '需要调取档案',
      );
    return c.state;
  });
  const holidays = new Set<string>();
  const makeup = new Set<string>();
  for (const year of calendar.years.values()) {
    for (const date of Object.keys(year.holidays)) holidays.add(date);
    for (const date of Object.keys(year.makeupWorkdays)) makeup.add(date);
  }
  const rounds = short ? 5_000 : 200_000;
  let k = 0;
  const ours = perSecond(() => {
    replyDeadline(states[k++ % states.length]!, calendar);
  }, rounds);
  let j = 0;
  const floor = perSecond(() => {
    const date = new Date(Date.UTC(2025, 0, 1 + (j++ % 365)));
    let counted = 0;
    while (counted < 20) {
      date.setUTCDate(date.getUTCDate() + 1);
      const iso = date.toISOString().slice(0, 10);
      const weekday = date.getUTCDay();
      if (makeup.has(iso) || (!holidays.has(iso) && weekday !== 0 && weekday !== 6)) counted++;
    }
  }, rounds);
  return {
    cases: states.length,
    perSecond: Math.round(ours),
    floorPerSecond: Math.round(floor),
    ratio: Math.round((floor / ours) * 100) / 100,
  };
}
