/** Figures for table 二 entered per agency and year, with who entered them and when. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { AgencyFigures } from '../../annual-report/index.ts';

export interface EnteredFigures extends AgencyFigures {
  readonly enteredBy: string;
  readonly enteredAt: string;
}

export function figuresRepository(db: Kysely<Database>) {
  return {
    async save(
      agencyId: string,
      year: number,
      figures: AgencyFigures,
      enteredBy: string,
      enteredAt: string,
    ): Promise<void> {
      const row = {
        licensing: figures.licensing,
        penalty: figures.penalty,
        coercion: figures.coercion,
        admin_fees_wan: figures.adminFeesWan,
        entered_2019: figures.entered2019 ? JSON.stringify(figures.entered2019) : null,
        entered_by: enteredBy,
        entered_at: enteredAt,
      };
      await db
        .insertInto('agency_figures')
        .values({ agency_id: agencyId, year, ...row })
        .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(row))
        .execute();
    },

    async find(agencyId: string, year: number): Promise<EnteredFigures | undefined> {
      const row = await db
        .selectFrom('agency_figures')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('year', '=', year)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        licensing: Number(row.licensing),
        penalty: Number(row.penalty),
        coercion: Number(row.coercion),
        adminFeesWan: Number(row.admin_fees_wan),
        ...(row.entered_2019
          ? { entered2019: JSON.parse(row.entered_2019) as Readonly<Record<string, number>> }
          : {}),
        enteredBy: row.entered_by,
        enteredAt: row.entered_at,
      };
    },
  };
}
