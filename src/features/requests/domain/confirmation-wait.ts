/**
 * 第三十一条: an online or fax application is received on the day the agency confirms it — so an
 * application left unconfirmed keeps the applicant's clock from starting. How long each has waited, in
 * working days, and whether that is past the agency's own limit (公开设置), for the case list.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { countWorkingDays, type WorkCalendar } from '../../../shared/domain/work-calendar.ts';

/** The limit an agency starts with: confirm within two working days of submission. */
export const DEFAULT_CONFIRMATION_ALERT_WORKING_DAYS = 2;

export interface ConfirmationWait {
  readonly waitingWorkingDays: number;
  readonly overdue: boolean;
}

export function confirmationWait(
  submittedOn: IsoDate,
  today: IsoDate,
  calendar: WorkCalendar,
  limitWorkingDays: number,
): ConfirmationWait {
  const waiting = countWorkingDays(calendar, submittedOn, today).count;
  return { waitingWorkingDays: waiting, overdue: waiting >= limitWorkingDays };
}
