/**
 * The outbox of notices to applicants: enqueued in the step's transaction, taken by the sender when due
 * (claimed, so that two senders never send one message twice), marked sent, or retried with backoff
 * and finally marked failed — listed for the office either way.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, NoticeOutboxTable } from '../../../platform/db/schema.ts';

export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxNotice {
  readonly id: string;
  readonly agencyId: string;
  readonly requestId: string;
  readonly eventSeq: number;
  readonly recipient: string;
  readonly status: NoticeStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError?: string;
  readonly createdAt: string;
  readonly sentAt?: string;
}

/** Retries after 1, 2, 4 … minutes, at most 6 hours apart; given up after this many attempts. */
export const MAX_ATTEMPTS = 12;
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** How long a claimed message stays with one sender before another may take it (a crashed sender). */
const LEASE_MS = 5 * 60_000;

function toNotice(row: Selectable<NoticeOutboxTable>): OutboxNotice {
  return {
    id: row.id,
    agencyId: row.agency_id,
    requestId: row.request_id,
    eventSeq: Number(row.event_seq),
    recipient: row.recipient,
    status: row.status as NoticeStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    createdAt: row.created_at,
    ...(row.sent_at ? { sentAt: row.sent_at } : {}),
  };
}

/** Inside the step's transaction: one notice for the step. */
export async function enqueueNotice(
  tx: Kysely<Database>,
  notice: { agencyId: string; requestId: string; eventSeq: number; recipient: string; at: string },
): Promise<void> {
  await tx
    .insertInto('notice_outbox')
    .values({
      id: randomUUID(),
      agency_id: notice.agencyId,
      request_id: notice.requestId,
      event_seq: notice.eventSeq,
      recipient: notice.recipient,
      status: 'pending',
      next_attempt_at: notice.at,
      created_at: notice.at,
    })
    .execute();
}

export function noticeOutbox(db: Kysely<Database>) {
  return {
    /** Up to `limit` messages due at `now`, each claimed for this sender. */
    async claimDue(now: Date, limit = 20): Promise<OutboxNotice[]> {
      const at = now.toISOString();
      const due = await db
        .selectFrom('notice_outbox')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
            eb.and([eb('status', '=', 'sending'), eb('next_attempt_at', '<=', at)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .limit(limit)
        .execute();
      const claimed: OutboxNotice[] = [];
      const lease = new Date(now.getTime() + LEASE_MS).toISOString();
      for (const row of due) {
        const taken = await db
          .updateTable('notice_outbox')
          .set({ status: 'sending', next_attempt_at: lease })
          .where('id', '=', row.id)
          .where('status', '=', row.status)
          .where('next_attempt_at', '=', row.next_attempt_at)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 1) claimed.push(toNotice({ ...row, status: 'sending' }));
      }
      return claimed;
    },

    async markSent(id: string, now: Date): Promise<void> {
      await db
        .updateTable('notice_outbox')
        .set((eb) => ({
          status: 'sent',
          sent_at: now.toISOString(),
          attempts: eb('attempts', '+', 1),
          last_error: null,
        }))
        .where('id', '=', id)
        .execute();
    },

    /** A failed attempt: retried later, or given up after MAX_ATTEMPTS. */
    async markFailed(notice: OutboxNotice, error: string, now: Date): Promise<void> {
      const attempts = notice.attempts + 1;
      await db
        .updateTable('notice_outbox')
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          last_error: error.slice(0, 500),
          next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        })
        .where('id', '=', notice.id)
        .execute();
    },

    /** An officer's "send again" of a message given up on: due now. */
    async retry(agencyId: string, id: string, now: Date): Promise<boolean> {
      const updated = await db
        .updateTable('notice_outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },

    async list(
      agencyId: string,
      filter: { requestId?: string; unsent?: boolean } = {},
    ): Promise<OutboxNotice[]> {
      let query = db.selectFrom('notice_outbox').selectAll().where('agency_id', '=', agencyId);
      if (filter.requestId) query = query.where('request_id', '=', filter.requestId);
      if (filter.unsent) query = query.where('status', '!=', 'sent');
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
      return rows.map(toNotice);
    },

    async find(agencyId: string, id: string): Promise<OutboxNotice | undefined> {
      const row = await db
        .selectFrom('notice_outbox')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toNotice(row) : undefined;
    },
  };
}

export type NoticeOutbox = ReturnType<typeof noticeOutbox>;
