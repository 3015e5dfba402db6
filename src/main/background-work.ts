/**
 * What the server does without being asked: documents published while the search index was behind are
 * indexed at start; lapsed 补正 and payment periods close their cases at start and then hourly — by one
 * server process at a time when several share the database (`leader-job.ts`); and notices to applicants
 * go out by e-mail every interval, one round at a time.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { leaderJob } from '../platform/db/leader-job.ts';
import { forgetEndedWindows } from '../platform/db/rate-limit-windows.ts';

export interface BackgroundWork {
  readonly db: Kysely<Database>;
  /** Indexes what the search index is missing (at start). */
  readonly indexMissing: () => Promise<unknown>;
  /** Closes the cases whose 补正 or payment period has lapsed. */
  readonly closeLapsedPeriods: () => Promise<unknown>;
  /** How often lapsed periods are swept. */
  readonly sweepEveryMs: number;
  /** Sends the notices that are due, when mail is set up. */
  readonly sendDue?: () => Promise<unknown>;
  readonly mailIntervalMs: number;
  /** Closes the mail transport at shutdown. */
  readonly closeMail?: () => void;
}

export function registerBackgroundWork(app: FastifyInstance, work: BackgroundWork): void {
  const tickMs = Math.min(60_000, work.sweepEveryMs);
  const sweep = leaderJob(work.db, {
    name: 'lapse-sweep',
    everyMs: work.sweepEveryMs,
    tickMs,
    leaseMs: 3 * tickMs,
    run: async () => {
      await work.closeLapsedPeriods();
      await forgetEndedWindows(work.db, Date.now());
    },
    onError: (error) => app.log.error(error),
  });
  let mailTimer: NodeJS.Timeout | undefined;
  let sending: Promise<unknown> = Promise.resolve();
  // One round at a time: a slow SMTP server never has two rounds claim the same due messages.
  const sendNotices = () => {
    sending = sending.then(() => work.sendDue?.()).catch((error: unknown) => app.log.error(error));
  };
  app.addHook('onReady', async () => {
    await work.indexMissing();
    sweep.start();
    if (work.sendDue) mailTimer = setInterval(sendNotices, Math.max(100, work.mailIntervalMs)).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(mailTimer);
    await sweep.stop();
    await sending;
    work.closeMail?.();
  });
}
