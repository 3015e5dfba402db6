/**
 * Per-address limits counted in the database, so that every server process on it counts the same hits:
 * one atomic upsert for the hits of many requests at once — a new window, or more hits in the current one.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { Database } from './schema.ts';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** Milliseconds until the window ends. */
  readonly ttlMs: number;
}

export interface Hit {
  readonly key: string;
  readonly windowMs: number;
}

/**
 * Counts hits, in the order given, in one statement: the same key given several times counts that many,
 * each hit told its own place in the window. A window starts with its first hit and lasts `windowMs`.
 */
export async function countHits(
  db: Kysely<Database>,
  hits: readonly Hit[],
  nowMs: number,
): Promise<WindowCount[]> {
  const perKey = new Map<string, { windowMs: number; hits: number }>();
  for (const hit of hits) {
    const counted = perKey.get(hit.key);
    perKey.set(hit.key, { windowMs: counted?.windowMs ?? hit.windowMs, hits: (counted?.hits ?? 0) + 1 });
  }
  // In the order of their keys, the order every writer takes them in: two writers counting the same
  // addresses (two server processes) never each hold a row the other waits for.
  const rows = await db
    .insertInto('rate_limit_windows')
    .values(
      [...perKey]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, c]) => ({ key, hits: c.hits, ends_at_ms: nowMs + c.windowMs })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when rate_limit_windows.ends_at_ms <= ${nowMs} then excluded.hits else rate_limit_windows.hits + excluded.hits end`,
        ends_at_ms: sql`case when rate_limit_windows.ends_at_ms <= ${nowMs} then excluded.ends_at_ms else rate_limit_windows.ends_at_ms end`,
      }),
    )
    .returning(['key', 'hits', 'ends_at_ms'])
    .execute();
  const after = new Map(rows.map((r) => [r.key, { hits: Number(r.hits), endsAt: Number(r.ends_at_ms) }]));
  // The hits of one key in this statement are the last of its window, in the order given.
  const placed = new Map<string, number>();
  return hits.map((hit) => {
    const total = after.get(hit.key)!;
    const before = placed.get(hit.key) ?? 0;
    placed.set(hit.key, before + 1);
    return {
      hits: total.hits - perKey.get(hit.key)!.hits + before + 1,
      ttlMs: Math.max(0, total.endsAt - nowMs),
    };
  });
}

/** Counts one hit of `key` in a window of `windowMs` that starts with the first hit. */
export async function countHit(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  nowMs: number,
): Promise<WindowCount> {
  return (await countHits(db, [{ key, windowMs }], nowMs))[0]!;
}

/**
 * Removes the windows that have ended; returns how many. On PostgreSQL a window being counted at this
 * moment is passed over (its writer starts it again, or the next sweep removes it), so that the sweep
 * never waits for a writer that waits for it.
 */
export async function forgetEndedWindows(db: Kysely<Database>, nowMs: number): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_windows')
    .where(
      'key',
      'in',
      db
        .selectFrom('rate_limit_windows')
        .select('key')
        .where('ends_at_ms', '<=', nowMs)
        .$if(isPostgres(db), (q) => q.forUpdate().skipLocked()),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
