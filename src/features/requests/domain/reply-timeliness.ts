/**
 * Whether a case was answered within its deadline (the on-time reply rate evaluators score): the due
 * date the case had on the day it was answered — extension, pauses and 补正 included — against the reply
 * date. Only a reply counts; a case closed by a lapsed period or withdrawn is not a reply.
 */
import type { WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { DisclosureCase } from './disclosure-case.ts';
import { replyDeadline } from './reply-deadline.ts';

export interface ReplyTimeliness {
  readonly repliedOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly onTime: boolean;
}

export function replyTimeliness(
  request: DisclosureCase,
  calendar: WorkCalendar,
): ReplyTimeliness | undefined {
  if (request.closedBy !== 'reply' || !request.completedOn) return undefined;
  const { completedOn: repliedOn, ...open } = request;
  const deadline = replyDeadline({ ...open, status: 'received' }, calendar);
  if (deadline.kind !== 'running' && deadline.kind !== 'later-date') return undefined;
  return { repliedOn, dueOn: deadline.dueOn, onTime: repliedOn <= deadline.dueOn };
}
