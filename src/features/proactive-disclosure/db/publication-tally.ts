/**
 * Section 一's figures from the portal's documents, for many agencies at once: what each published in a
 * year by category, and the interpretations (政策解读) it published — counted, and dated per document
 * interpreted (the interpretation rate). One agency is the same read with one agency.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { byAgency, perAgencies } from '../../../platform/db/by-agency.ts';
import { chunk, yearBounds } from '../../../platform/db/report-period.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

export interface InterpretationFacts {
  readonly published: number;
  /** For each document interpreted, the days its interpretations were published. */
  readonly datesOf: Map<string, IsoDate[]>;
}

export function publicationTally(db: Kysely<Database>) {
  return {
    publishedByCategoryMany: (
      agencyIds: readonly string[],
      year: number,
    ): Promise<Map<string, Array<{ category: string; count: number }>>> =>
      perAgencies(agencyIds, async (ids) => {
        const { start, end } = yearBounds(year);
        const rows = await db
          .selectFrom('public_documents')
          .select(['agency_id', 'category', sql<number>`count(*)`.as('n')])
          .where('agency_id', 'in', ids)
          .where('status', '=', 'published')
          .where('published_on', '>=', start)
          .where('published_on', '<=', end)
          .groupBy(['agency_id', 'category'])
          .execute();
        return new Map(
          [...byAgency(ids, rows)].map(([id, of]) => [
            id,
            of.map((r) => ({ category: r.category, count: Number(r.n) })),
          ]),
        );
      }),

    /** `documentIds`: per agency, the portal documents whose interpretations are dated. */
    interpretationFactsMany: (
      agencyIds: readonly string[],
      year: number,
      documentIds: ReadonlyMap<string, readonly string[]>,
    ): Promise<Map<string, InterpretationFacts>> =>
      perAgencies(agencyIds, async (ids) => {
        const { start, end } = yearBounds(year);
        const counts = await db
          .selectFrom('public_documents')
          .select(['agency_id', sql<number>`count(*)`.as('n')])
          .where('agency_id', 'in', ids)
          .where('interprets', 'is not', null)
          .where('status', '=', 'published')
          .where('published_on', '>=', start)
          .where('published_on', '<=', end)
          .groupBy('agency_id')
          .execute();
        const out = new Map(
          [...byAgency(ids, counts)].map(([id, [row]]) => [
            id,
            { published: Number(row?.n ?? 0), datesOf: new Map<string, IsoDate[]>() },
          ]),
        );
        const pages = ids.flatMap((id) => (documentIds.get(id) ?? []).map((page) => ({ id, page })));
        const wanted = new Set(pages.map((p) => `${p.id}\u0000${p.page}`));
        for (const some of chunk(pages)) {
          const rows = await db
            .selectFrom('public_documents')
            .select(['agency_id', 'interprets', 'published_on'])
            .where('agency_id', 'in', [...new Set(some.map((p) => p.id))])
            .where(
              'interprets',
              'in',
              some.map((p) => p.page),
            )
            .where('status', '=', 'published')
            .execute();
          for (const row of rows) {
            const datesOf = out.get(row.agency_id)?.datesOf;
            if (!datesOf || !row.interprets || !row.published_on) continue;
            if (!wanted.has(`${row.agency_id}\u0000${row.interprets}`)) continue;
            datesOf.set(row.interprets, [
              ...(datesOf.get(row.interprets) ?? []),
              row.published_on as IsoDate,
            ]);
          }
        }
        return out;
      }),
  };
}
