/**
 * Work one server process does for all of them, on a schedule (the sweep of lapsed periods): every
 * process looks at each tick; the one holding the job's lease (a row in `job_leases`, renewed at each of
 * its ticks) runs the work when it is due — `everyMs` after it last finished. A process that dies stops
 * renewing; its lease ends after `leaseMs` and the next process to look takes it over, and because the
 * dead one never noted the work finished, runs it again at once.
 *
 * The lease saves work; it is not what keeps the work right. Two holders at once (a run that outlasts
 * its lease) must do no harm, so the work itself must be safe to repeat — the sweep is: each case is
 * closed by one event appended under optimistic concurrency.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface LeaderJobOptions {
  readonly name: string;
  /** How long after the work last finished it is due again. */
  readonly everyMs: number;
  /** How often each process looks. */
  readonly tickMs: number;
  /** How long a lease holds without being renewed. Longer than a tick. */
  readonly leaseMs: number;
  readonly run: () => Promise<unknown>;
  readonly onError: (error: unknown) => void;
  readonly now?: () => number;
}

export type TickOutcome = 'ran' | 'not-due' | 'held-elsewhere' | 'running';

/** Takes or renews the lease: the time the work last finished when this process holds it now. */
async function takeLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
  now: number,
  leaseMs: number,
): Promise<number | undefined> {
  const row = await db
    .insertInto('job_leases')
    .values({ name, holder, lease_ends_at_ms: now + leaseMs, finished_at_ms: 0 })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, lease_ends_at_ms: now + leaseMs })
        .where(sql<boolean>`job_leases.holder = ${holder} or job_leases.lease_ends_at_ms <= ${now}`),
    )
    .returning('finished_at_ms')
    .executeTakeFirst();
  return row ? Number(row.finished_at_ms) : undefined;
}

export function leaderJob(db: Kysely<Database>, options: LeaderJobOptions) {
  const now = options.now ?? Date.now;
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let looking: Promise<unknown> = Promise.resolve();

  async function tick(): Promise<TickOutcome> {
    const finishedAt = await takeLease(db, options.name, holder, now(), options.leaseMs);
    if (finishedAt === undefined) return 'held-elsewhere';
    if (running) return 'running';
    if (stopped) return 'not-due';
    if (now() - finishedAt < options.everyMs) return 'not-due';
    running = (async () => {
      try {
        await options.run();
        await db
          .updateTable('job_leases')
          .set({ finished_at_ms: now() })
          .where('name', '=', options.name)
          .where('holder', '=', holder)
          .execute();
      } catch (error) {
        options.onError(error);
      } finally {
        running = undefined;
      }
    })();
    return 'ran';
  }

  const look = () => {
    looking = tick().catch(options.onError);
  };
  return {
    holder,
    tick,
    /** The run under way, if any (for tests and shutdown). */
    running: () => running,
    start(): void {
      look();
      timer = setInterval(look, options.tickMs).unref();
    },
    /** Stops looking, lets a run under way finish, and hands the lease back at once. */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await looking;
      await running;
      await db
        .updateTable('job_leases')
        .set({ lease_ends_at_ms: 0 })
        .where('name', '=', options.name)
        .where('holder', '=', holder)
        .execute();
    },
  };
}
