/**
 * Per-address limits counted in the database, so that every server process on it counts the same hits:
 * one atomic upsert per request — a new window, or one more hit in the current one.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** Milliseconds until the window ends. */
  readonly ttlMs: number;
}

/** Counts one hit of `key` in a window of `windowMs` that starts with the first hit. */
export async function countHit(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  nowMs: number,
): Promise<WindowCount> {
  const endsAt = nowMs + windowMs;
  const row = await db
    .insertInto('rate_limit_windows')
    .values({ key, hits: 1, ends_at_ms: endsAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when rate_limit_windows.ends_at_ms <= ${nowMs} then 1 else rate_limit_windows.hits + 1 end`,
        ends_at_ms: sql`case when rate_limit_windows.ends_at_ms <= ${nowMs} then ${endsAt} else rate_limit_windows.ends_at_ms end`,
      }),
    )
    .returning(['hits', 'ends_at_ms'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), ttlMs: Math.max(0, Number(row.ends_at_ms) - nowMs) };
}

/** Removes the windows that have ended; returns how many. */
export async function forgetEndedWindows(db: Kysely<Database>, nowMs: number): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_windows')
    .where('ends_at_ms', '<=', nowMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
