/** Figures for table 二 entered per agency and year, with who entered them and when. */
import { byAgency, ofOne, perAgencies } from '../../../platform/db/by-agency.ts';
import type { Kysely, Selectable } from 'kysely';
import type { AgencyFiguresTable, Database } from '../../../platform/db/schema.ts';
import type { AgencyFigures } from '../../annual-report/index.ts';

export interface EnteredFigures extends AgencyFigures {
  readonly enteredBy: string;
  readonly enteredAt: string;
}

function toFigures(row: Selectable<AgencyFiguresTable>): EnteredFigures {
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
}

export function figuresRepository(db: Kysely<Database>) {
  /** Each agency's entered figures of the year (undefined where none were entered). */
  const findMany = (
    agencyIds: readonly string[],
    year: number,
  ): Promise<Map<string, EnteredFigures | undefined>> =>
    perAgencies(agencyIds, async (ids) => {
      const rows = await db
        .selectFrom('agency_figures')
        .selectAll()
        .where('agency_id', 'in', ids)
        .where('year', '=', year)
        .execute();
      return new Map([...byAgency(ids, rows)].map(([id, [row]]) => [id, row && toFigures(row)]));
    });
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
      return ofOne(agencyId, (ids) => findMany(ids, year));
    },

    findMany,
  };
}
