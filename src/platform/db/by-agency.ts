/**
 * Facts of many agencies at once: a grouped query asks for a set of agencies (`agency_id in (…)`, at
 * most AGENCIES_PER_STATEMENT of them, well under both databases' bound-parameter limits) and its rows
 * are split back by agency. The single-agency reads are these with one agency, so the two cannot drift.
 */
import { chunk } from './report-period.ts';

export const AGENCIES_PER_STATEMENT = 1_000;

/** Every agency asked for is a key (in the order asked), with its rows in the order they came. */
export function byAgency<R extends { agency_id: string }>(
  agencyIds: readonly string[],
  rows: readonly R[],
): Map<string, R[]> {
  const out = new Map<string, R[]>(agencyIds.map((id) => [id, []]));
  for (const row of rows) out.get(row.agency_id)?.push(row);
  return out;
}

/**
 * Runs a grouped read over the agencies in statements of at most AGENCIES_PER_STATEMENT, at once (on
 * PostgreSQL each on a connection of its own; SQLite runs them one after another anyway).
 */
export async function perAgencies<T>(
  agencyIds: readonly string[],
  read: (some: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const unique = [...new Set(agencyIds)];
  if (unique.length <= AGENCIES_PER_STATEMENT) return unique.length ? read(unique) : new Map();
  const out = new Map<string, T>();
  for (const some of chunk(unique, AGENCIES_PER_STATEMENT))
    for (const [k, v] of await read(some)) out.set(k, v);
  return out;
}

/** The one agency's value of a grouped read (each read fills every agency asked for). */
export async function ofOne<T>(
  agencyId: string,
  read: (ids: string[]) => Promise<Map<string, T>>,
): Promise<T> {
  return (await read([agencyId])).get(agencyId)!;
}
