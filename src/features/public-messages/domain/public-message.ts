/**
 * 公众留言: a message the public leaves on the portal. The agency answers within the number of working
 * days it has set; an answered message may be published — its subject, text and answer only, with
 * phone numbers, ID numbers and e-mail addresses masked, and never the author's name or contact.
 */
import { maskPersonalData } from '../../../shared/domain/personal-data.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { addWorkingDays, type WorkCalendar } from '../../../shared/domain/work-calendar.ts';

export interface PublicMessage {
  readonly id: string;
  readonly subject: string;
  readonly body: string;
  readonly authorName: string;
  readonly authorContact: string;
  readonly receivedOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly answer?: string;
  readonly answeredOn?: IsoDate;
  readonly answeredBy?: string;
  readonly published: boolean;
}

/** What the public sees of a published message. */
export interface PublishedMessage {
  readonly id: string;
  readonly subject: string;
  readonly body: string;
  readonly receivedOn: IsoDate;
  readonly answer: string;
  readonly answeredOn: IsoDate;
}

export type MessageRefusal =
  | { readonly code: 'already-answered'; readonly answeredOn: IsoDate }
  | { readonly code: 'answer-required' }
  | { readonly code: 'not-answered' };

export function receiveMessage(
  input: Pick<PublicMessage, 'id' | 'subject' | 'body' | 'authorName' | 'authorContact'>,
  receivedOn: IsoDate,
  calendar: WorkCalendar,
  answerWorkingDays: number,
): PublicMessage {
  return {
    ...input,
    receivedOn,
    dueOn: addWorkingDays(calendar, receivedOn, answerWorkingDays).date,
    published: false,
  };
}

export function answerMessage(
  message: PublicMessage,
  answer: { readonly text: string; readonly publish: boolean },
  actor: string,
  on: IsoDate,
): Result<PublicMessage, MessageRefusal> {
  if (message.answeredOn) return err({ code: 'already-answered', answeredOn: message.answeredOn });
  if (!answer.text.trim()) return err({ code: 'answer-required' });
  return ok({
    ...message,
    answer: answer.text.trim(),
    answeredOn: on,
    answeredBy: actor,
    published: answer.publish,
  });
}

export function setPublished(
  message: PublicMessage,
  published: boolean,
): Result<PublicMessage, MessageRefusal> {
  if (!message.answeredOn) return err({ code: 'not-answered' });
  return ok({ ...message, published });
}

export function isAnsweredLate(message: PublicMessage, today: IsoDate): boolean {
  return (message.answeredOn ?? today) > message.dueOn;
}

export { maskPersonalData };

export function toPublished(message: PublicMessage): PublishedMessage | undefined {
  if (!message.published || !message.answer || !message.answeredOn) return undefined;
  return {
    id: message.id,
    subject: maskPersonalData(message.subject),
    body: maskPersonalData(message.body),
    receivedOn: message.receivedOn,
    answer: maskPersonalData(message.answer),
    answeredOn: message.answeredOn,
  };
}
