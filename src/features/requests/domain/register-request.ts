/**
 * The first events of a request. 第三十一条: in person (and an oral application transcribed by the agency)
 * — received the day it is handed in; by signed-for post — the day the agency signs for it. Online, fax and
 * ordinary letters wait until both sides confirm (or the agency confirms with the applicant).
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { Applicant, ApplicationContent, CaseEvent, RequestChannel } from './case-events.ts';

export const CHANNELS_NEEDING_CONFIRMATION: readonly RequestChannel[] = ['online', 'fax', 'ordinary-post'];

export function needsConfirmation(channel: RequestChannel): boolean {
  return CHANNELS_NEEDING_CONFIRMATION.includes(channel);
}

/** What arrives: by which channel, when, from whom, asking for what. */
export interface RequestIntake {
  readonly channel: RequestChannel;
  readonly submittedOn: IsoDate;
  /** For signed-for post: the day the agency signed; otherwise the day of submission. */
  readonly receivedOn?: IsoDate;
  readonly applicant: Applicant;
  readonly application: ApplicationContent;
}

export function registerRequest(input: RequestIntake): CaseEvent[] {
  const submitted: CaseEvent = {
    type: 'submitted',
    channel: input.channel,
    submittedOn: input.submittedOn,
    applicant: input.applicant,
    application: input.application,
  };
  if (needsConfirmation(input.channel)) return [submitted];
  return [submitted, { type: 'receipt-confirmed', receivedOn: input.receivedOn ?? input.submittedOn }];
}
