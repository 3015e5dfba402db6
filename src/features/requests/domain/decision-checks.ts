/**
 * What every step of a case is checked against first (dates, an open received case, a 补正 not pending),
 * and the shared pieces of a decision: shared by decide-case-command.ts and decide-fee-command.ts.
 */
import type { Result } from '../../../shared/domain/result.ts';
import { err, ok } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { addWorkingDays, type WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import type { CaseEvent } from './case-events.ts';
import type { DisclosureCase } from './disclosure-case.ts';
import type { CaseRefusal } from './refusals.ts';

export interface DecisionContext {
  readonly calendar: WorkCalendar;
  readonly today: IsoDate;
  /** Why, as the officer wrote it; some steps require one (waiving a fee, withdrawal). */
  readonly reason?: string;
  /**
   * For a fee notice: what the 办法's schedule charges for this application (the use case counts the
   * applicant's applications of the month, or takes the pages), in 元 and in words.
   */
  readonly feeSchedule?: { readonly amountYuan: number; readonly basis: string };
  /** The account taking the step (its username), for the rule below. */
  readonly actor?: string;
  /**
   * Separation of duties (an agency setting, on by default): an extension or a later date is asked for
   * by one person and approved by another, never by the one who asked or the case's handler.
   */
  readonly separateApprover?: boolean;
}

export type Decision = Result<CaseEvent, CaseRefusal>;

/** Every date a command carries: not in the future, not before what already happened. */
export function checkDates(
  request: DisclosureCase,
  dates: readonly IsoDate[],
  today: IsoDate,
): CaseRefusal | undefined {
  for (const date of dates) {
    if (date > today) return { code: 'date-in-future', date, today };
    if (date < request.lastEventOn)
      return { code: 'date-before-last-event', date, lastEventOn: request.lastEventOn };
  }
  return undefined;
}

/** The common preconditions of working on an open, received case. */
export function checkOpen(request: DisclosureCase): CaseRefusal | undefined {
  if (request.completedOn) return { code: 'case-closed', status: request.status };
  if (!request.receivedOn) return { code: 'receipt-not-confirmed' };
  return undefined;
}

export function checkNotAwaitingClarification(request: DisclosureCase): CaseRefusal | undefined {
  return request.status === 'awaiting-clarification' && request.clarification
    ? { code: 'awaiting-clarification', periodEndsOn: request.clarification.periodEndsOn }
    : undefined;
}

export function outstandingFee(request: DisclosureCase) {
  return request.fees.find((f) => !f.paidOn && !f.waivedOn && !f.lapsedOn);
}

export function first(...checks: ReadonlyArray<CaseRefusal | undefined>): CaseRefusal | undefined {
  return checks.find((c) => c !== undefined);
}

export function periodFromDelivery(
  letter: { issuedOn: IsoDate; deliveredOn: IsoDate },
  context: DecisionContext,
  workingDays: number,
): Result<IsoDate, CaseRefusal> {
  if (letter.deliveredOn < letter.issuedOn)
    return err({ code: 'delivered-before-issued', issuedOn: letter.issuedOn });
  return ok(addWorkingDays(context.calendar, letter.deliveredOn, workingDays).date);
}
