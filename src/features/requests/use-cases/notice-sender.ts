/**
 * Sends the notices waiting in the outbox: each composed from the record as it stands (the step, its
 * letter as PDF), handed to SMTP, marked sent — or, when the server is down or refuses, kept and tried
 * again later with backoff. Without a mail server configured nothing is sent, and the office sees what
 * would have been.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { MailTransport } from '../../../platform/mail/smtp-transport.ts';
import type { NoticeOutbox, OutboxNotice } from '../db/notice-outbox.ts';
import type { Letter, LetterKind } from '../letters/letter.ts';
import { LETTER_TITLES } from '../letters/letter.ts';
import { APPLICANT_LETTERS, lettersOf } from '../letters/letter-sources.ts';
import { renderLetterPdf } from '../letters/render-letter.ts';
import { composeNotice, type NoticeMessage } from '../notices/applicant-notice.ts';
import type { CaseView } from './case-service.ts';

export interface NoticeSenderDependencies {
  readonly outbox: NoticeOutbox;
  /** Undefined when no mail server is configured: nothing is sent. */
  readonly transport?: MailTransport;
  readonly view: (agencyId: string, id: string) => Promise<CaseView | undefined>;
  readonly agencyName: (agencyId: string) => Promise<string>;
  readonly draftLetter: (
    agencyId: string,
    id: string,
    kind: LetterKind,
    seq: number,
  ) => Promise<{ ok: true; value: Letter } | { ok: false }>;
  /** The public status page, for the link in every message. */
  readonly statusUrl: (caseId: string) => string;
  readonly now: () => Date;
}

export interface ComposedNotice extends NoticeMessage {
  readonly letter?: { kind: LetterKind; seq: number; title: string };
}

export function noticeSender(deps: NoticeSenderDependencies) {
  async function compose(notice: OutboxNotice): Promise<ComposedNotice | undefined> {
    const view = await deps.view(notice.agencyId, notice.requestId);
    const recorded = view?.history.find((h) => h.seq === notice.eventSeq);
    if (!view || !recorded) return undefined;
    const letter = lettersOf(recorded, view.case).find((l) => APPLICANT_LETTERS.has(l.kind));
    const dueOn: IsoDate | undefined = view.deadline.kind === 'running' ? view.deadline.dueOn : undefined;
    const message = composeNotice({
      agencyName: await deps.agencyName(notice.agencyId),
      state: view.case,
      recorded,
      ...(dueOn ? { dueOn } : {}),
      statusUrl: deps.statusUrl(view.case.id),
      ...(letter ? { letterTitle: LETTER_TITLES[letter.kind] } : {}),
    });
    return { ...message, ...(letter ? { letter: { ...letter, title: LETTER_TITLES[letter.kind] } } : {}) };
  }

  async function sendOne(transport: MailTransport, notice: OutboxNotice): Promise<boolean> {
    try {
      const message = await compose(notice);
      if (!message) throw new Error('申请或其办理记录已不存在');
      const letter =
        message.letter &&
        (await deps.draftLetter(notice.agencyId, notice.requestId, message.letter.kind, message.letter.seq));
      const attachments =
        letter && letter.ok
          ? [
              {
                filename: `${notice.requestId}-${message.letter!.title}.pdf`,
                content: await renderLetterPdf(letter.value),
                contentType: 'application/pdf',
              },
            ]
          : [];
      await transport.send({
        to: notice.recipient,
        subject: message.subject,
        text: attachments.length ? message.text : message.text.replace(/\n\n《[^》]+》见附件（PDF）。/u, ''),
        ...(attachments.length ? { attachments } : {}),
      });
      await deps.outbox.markSent(notice.id, deps.now());
      return true;
    } catch (error) {
      await deps.outbox.markFailed(notice, (error as Error).message || String(error), deps.now());
      return false;
    }
  }

  return {
    compose,
    /** Whether a mail server is configured at all. */
    configured: deps.transport !== undefined,

    /** Sends what is due; returns how many were sent. Nothing without a mail server. */
    async sendDue(): Promise<number> {
      const transport = deps.transport;
      if (!transport) return 0;
      let sent = 0;
      for (const notice of await deps.outbox.claimDue(deps.now()))
        if (await sendOne(transport, notice)) sent++;
      return sent;
    },
  };
}

export type NoticeSender = ReturnType<typeof noticeSender>;
