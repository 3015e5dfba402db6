/** Calendar years imported by administrators, per jurisdiction. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CalendarYear } from '../../../shared/domain/work-calendar.ts';

export interface ImportedCalendarYear {
  readonly jurisdiction: string;
  readonly year: number;
  readonly data: CalendarYear;
  readonly importedBy: string;
  readonly importedAt: string;
}

export function calendarRepository(db: Kysely<Database>) {
  return {
    async save(entry: ImportedCalendarYear): Promise<void> {
      const row = {
        holidays: JSON.stringify(entry.data.holidays),
        makeup_workdays: JSON.stringify(entry.data.makeupWorkdays),
        source: entry.data.source ?? '',
        imported_by: entry.importedBy,
        imported_at: entry.importedAt,
      };
      await db
        .insertInto('work_calendar_years')
        .values({ jurisdiction: entry.jurisdiction, year: entry.year, ...row })
        .onConflict((oc) => oc.columns(['jurisdiction', 'year']).doUpdateSet(row))
        .execute();
    },

    /** What has been imported, newest year first: for the administrator's overview. */
    async imported(): Promise<
      Array<{
        jurisdiction: string;
        year: number;
        source: string;
        importedBy: string;
        importedAt: string;
        holidays: number;
        makeupWorkdays: number;
      }>
    > {
      const rows = await db
        .selectFrom('work_calendar_years')
        .selectAll()
        .orderBy('year', 'desc')
        .orderBy('jurisdiction')
        .execute();
      return rows.map((r) => ({
        jurisdiction: r.jurisdiction,
        year: Number(r.year),
        source: r.source,
        importedBy: r.imported_by,
        importedAt: r.imported_at,
        holidays: Object.keys(JSON.parse(r.holidays) as object).length,
        makeupWorkdays: Object.keys(JSON.parse(r.makeup_workdays) as object).length,
      }));
    },

    async years(jurisdiction: string): Promise<Map<number, CalendarYear>> {
      const rows = await db
        .selectFrom('work_calendar_years')
        .selectAll()
        .where('jurisdiction', '=', jurisdiction)
        .execute();
      return new Map(
        rows.map((r) => [
          Number(r.year),
          {
            holidays: JSON.parse(r.holidays) as Record<string, string>,
            makeupWorkdays: JSON.parse(r.makeup_workdays) as Record<string, string>,
            source: r.source,
          },
        ]),
      );
    },
  };
}
