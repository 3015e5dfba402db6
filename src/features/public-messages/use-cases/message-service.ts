/**
 * Receiving public messages (with a query code for the author), answering them, choosing which answered
 * messages to publish, and the year's counts. Answers and publication choices are in the audit log.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { queryCodes } from '../../../platform/security/query-code.ts';
import { err, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import {
  answerMessage,
  receiveMessage,
  setPublished,
  toPublished,
  type MessageRefusal,
  type PublicMessage,
  type PublishedMessage,
} from '../domain/public-message.ts';
import { messageRepository } from '../db/message-repository.ts';

export type MessageServiceError =
  MessageRefusal | { readonly code: 'message-not-found'; readonly id: string };

export interface MessageServiceDependencies {
  readonly calendarFor: (agencyId: string) => Promise<WorkCalendar>;
  readonly answerDaysFor: (agencyId: string) => Promise<number>;
  readonly today: () => IsoDate;
  readonly now: () => string;
}

export function messageService(db: Kysely<Database>, deps: MessageServiceDependencies) {
  const messages = messageRepository(db);

  const change = async (
    agencyId: string,
    id: string,
    decide: (message: PublicMessage) => Result<PublicMessage, MessageRefusal>,
    actor: string,
    action: string,
  ): Promise<Result<PublicMessage, MessageServiceError>> => {
    const stored = await messages.find(agencyId, id);
    if (!stored) return err({ code: 'message-not-found', id });
    const decided = decide(stored.message);
    if (!decided.ok) return decided;
    const saved = await db.transaction().execute(async (tx) => {
      if (!(await messageRepository(tx).saveAnswer(agencyId, stored.message, decided.value))) return false;
      const detail = { published: decided.value.published, answeredOn: decided.value.answeredOn };
      await appendAudit(tx, { at: deps.now(), actor, action, agencyId, subject: id, detail });
      return true;
    });
    if (!saved) {
      // Someone answered between our read and our write: report their answer's date.
      const answeredOn = (await messages.find(agencyId, id))?.message.answeredOn ?? deps.today();
      return err({ code: 'already-answered', answeredOn });
    }
    return decided;
  };

  return {
    /** Numbers the message LY-<year>-<n>; returns it with the query code, shown to the author once. */
    async submit(
      agencyId: string,
      input: Pick<PublicMessage, 'subject' | 'body' | 'authorName' | 'authorContact'>,
    ): Promise<{ message: PublicMessage; queryCode: string }> {
      const receivedOn = deps.today();
      const [calendar, days] = await Promise.all([deps.calendarFor(agencyId), deps.answerDaysFor(agencyId)]);
      const prefix = `LY-${receivedOn.slice(0, 4)}-`;
      const { code, hash } = queryCodes.issue();
      for (let n = (await messages.lastNumber(agencyId, prefix)) + 1; ; n++) {
        const message = receiveMessage(
          { id: `${prefix}${String(n).padStart(5, '0')}`, ...input },
          receivedOn,
          calendar,
          days,
        );
        if (await messages.create(agencyId, message, hash)) return { message, queryCode: code };
      }
    },

    answer: (agencyId: string, id: string, answer: { text: string; publish: boolean }, actor: string) =>
      change(agencyId, id, (m) => answerMessage(m, answer, actor, deps.today()), actor, 'message-answered'),

    setPublished: (agencyId: string, id: string, published: boolean, actor: string) =>
      change(
        agencyId,
        id,
        (m) => setPublished(m, published),
        actor,
        published ? 'message-published' : 'message-withdrawn',
      ),

    /** The author's own message and answer, only with the right query code. */
    async lookup(agencyId: string, id: string, code: string): Promise<PublicMessage | undefined> {
      const stored = await messages.find(agencyId, id);
      return stored && queryCodes.matches(code, stored.queryCodeHash) ? stored.message : undefined;
    },

    list: (agencyId: string) => messages.list(agencyId),
    async published(agencyId: string): Promise<PublishedMessage[]> {
      return (await messages.published(agencyId)).flatMap((m) => toPublished(m) ?? []);
    },
    countYear: (agencyId: string, year: number) => messages.countYear(agencyId, year),
  };
}

export type MessageService = ReturnType<typeof messageService>;
