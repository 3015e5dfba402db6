/**
 * 答复期限 (第三十三条): 20 working days from receipt — from the corrected application after a 补正
 * (第三十条) — plus an approved extension, not counting the time of third-party or inter-agency
 * consultation (第三十三条第三款). The 条例 does not say which days the consultation takes; the
 * convention (lifecycle §6 [P]) pauses the clock from the day the letter is issued up to and including
 * the day the answer arrives, or the end of the 15-working-day answer period if that comes first.
 * Overlapping pauses count once. Whether the clock stops while a fee notice is unpaid is [U]: an option,
 * on by default. A reasonable later date set under 第三十五条 replaces the period.
 */
import { addDays, type IsoDate } from '../../../shared/domain/iso-date.ts';
import {
  addWorkingDays,
  countWorkingDays,
  describeDay,
  type DayInfo,
  type WorkCalendar,
} from '../../../shared/domain/work-calendar.ts';
import type { DisclosureCase } from './disclosure-case.ts';
import { timeLimitsOn } from './legal-parameters.ts';

export type PauseReason = 'third-party-consultation' | 'agency-consultation' | 'fee-notice';

export interface Pause {
  readonly from: IsoDate;
  readonly through: IsoDate;
  readonly reason: PauseReason;
  /** Still running: `through` is the latest it can end, so the due date may come earlier. */
  readonly open: boolean;
}

export interface DeadlineDay extends DayInfo {
  readonly counted: boolean;
  readonly pausedBy?: PauseReason;
}

export type ReplyDeadline =
  | { readonly kind: 'not-running'; readonly reason: 'unconfirmed' | 'closed' }
  | {
      readonly kind: 'awaiting-clarification';
      /** Counted on the calendar as it stands (a notice imported since the 补正 notice may move it). */
      readonly periodEndsOn: IsoDate;
      /** The end falls on a year without the State Council's notice. */
      readonly provisional?: boolean;
    }
  | { readonly kind: 'later-date'; readonly dueOn: IsoDate }
  | {
      readonly kind: 'running';
      readonly dueOn: IsoDate;
      readonly startOn: IsoDate;
      readonly workingDays: number;
      readonly pauses: readonly Pause[];
      readonly days: readonly DeadlineDay[];
      /** An open pause may end sooner, or a year lacks calendar data. */
      readonly provisional: boolean;
      readonly missingYears: readonly number[];
    };

export interface DeadlineOptions {
  readonly pauseWhileFeeUnpaid: boolean;
}

export const DEFAULT_DEADLINE_OPTIONS: DeadlineOptions = { pauseWhileFeeUnpaid: true };

export function pausesOf(
  request: DisclosureCase,
  options: DeadlineOptions = DEFAULT_DEADLINE_OPTIONS,
): Pause[] {
  const pauses: Pause[] = request.consultations.map((c) => {
    const ended = c.answeredOn && c.answeredOn < c.answerDueOn ? c.answeredOn : c.answerDueOn;
    return {
      from: c.issuedOn,
      through: ended,
      reason: c.party === 'third-party' ? 'third-party-consultation' : 'agency-consultation',
      open: !c.answeredOn,
    };
  });
  if (options.pauseWhileFeeUnpaid) {
    for (const fee of request.fees) {
      const settled = fee.paidOn ?? fee.waivedOn ?? fee.lapsedOn;
      pauses.push({
        from: fee.deliveredOn,
        through: settled ?? fee.payByOn,
        reason: 'fee-notice',
        open: !settled,
      });
    }
  }
  return pauses;
}

const MAX_DAYS = 3660;

export function replyDeadline(
  request: DisclosureCase,
  calendar: WorkCalendar,
  options: DeadlineOptions = DEFAULT_DEADLINE_OPTIONS,
): ReplyDeadline {
  if (!request.receivedOn || !request.clockStartOn) return { kind: 'not-running', reason: 'unconfirmed' };
  if (request.completedOn) return { kind: 'not-running', reason: 'closed' };
  if (request.status === 'awaiting-clarification' && request.clarification) {
    const c = request.clarification;
    const end = addWorkingDays(calendar, c.requestedOn, c.periodWorkingDays);
    return {
      kind: 'awaiting-clarification',
      periodEndsOn: end.date,
      ...(end.missingYears.length > 0 ? { provisional: true } : {}),
    };
  }
  if (request.laterDate) return { kind: 'later-date', dueOn: request.laterDate };
  const limits = timeLimitsOn(request.receivedOn);
  const workingDays = limits.replyWorkingDays + (request.extension?.workingDays ?? 0);
  const pauses = pausesOf(request, options);
  const days: DeadlineDay[] = [];
  let date = request.clockStartOn;
  let counted = 0;
  while (counted < workingDays) {
    date = addDays(date, 1);
    const info = describeDay(calendar, date);
    const pause = pauses.find((p) => p.from <= date && date <= p.through);
    const isWorking = info.kind === 'workday' || info.kind === 'makeup-workday';
    const countedToday = isWorking && !pause;
    if (countedToday) counted++;
    days.push({ ...info, counted: countedToday, ...(pause && isWorking ? { pausedBy: pause.reason } : {}) });
    if (days.length > MAX_DAYS) throw new RangeError(`case ${request.id}: no due date within ten years`);
  }
  const missingYears = [...new Set(days.filter((d) => !d.known).map((d) => Number(d.date.slice(0, 4))))];
  return {
    kind: 'running',
    dueOn: date,
    startOn: request.clockStartOn,
    workingDays,
    pauses,
    days,
    provisional: pauses.some((p) => p.open) || missingYears.length > 0,
    missingYears,
  };
}

/** Working days left after `today` up to the due date; 0 on the due date; negative working days overdue. */
export function workingDaysLeft(
  deadline: Extract<ReplyDeadline, { kind: 'running' }>,
  today: IsoDate,
  calendar: WorkCalendar,
): number {
  if (today <= deadline.dueOn) return deadline.days.filter((d) => d.counted && d.date > today).length;
  return -countWorkingDays(calendar, deadline.dueOn, today).count;
}
