/** The reporting seasons an office opens, with their deadlines, and its reminders (part of the supervision store). */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportingSeasonTable } from '../../../platform/db/schema.ts';
import type { ReportingSeason, SeasonDeadlines } from '../domain/reporting-season.ts';

function toSeason(row: Selectable<ReportingSeasonTable>): ReportingSeason {
  return {
    supervisorId: row.agency_id,
    year: Number(row.year),
    deadlines: JSON.parse(row.deadlines) as SeasonDeadlines,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
  };
}

export function seasonStore(db: Kysely<Database>) {
  return {
    async season(supervisorId: string, year: number): Promise<ReportingSeason | undefined> {
      const row = await db
        .selectFrom('reporting_seasons')
        .selectAll()
        .where('agency_id', '=', supervisorId)
        .where('year', '=', year)
        .executeTakeFirst();
      return row ? toSeason(row) : undefined;
    },
    async seasons(supervisorId: string): Promise<ReportingSeason[]> {
      const rows = await db
        .selectFrom('reporting_seasons')
        .selectAll()
        .where('agency_id', '=', supervisorId)
        .orderBy('year', 'desc')
        .execute();
      return rows.map(toSeason);
    },
    /** False when the season is already open. */
    async openSeason(season: ReportingSeason): Promise<boolean> {
      const result = await db
        .insertInto('reporting_seasons')
        .values({
          agency_id: season.supervisorId,
          year: season.year,
          deadlines: JSON.stringify(season.deadlines),
          opened_by: season.openedBy,
          opened_at: season.openedAt,
        })
        .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async remind(
      reminders: ReadonlyArray<{
        seasonAgencyId: string;
        year: number;
        agencyId: string;
        sentBy: string;
        sentAt: string;
        message: string;
      }>,
    ): Promise<void> {
      if (reminders.length === 0) return;
      for (let i = 0; i < reminders.length; i += 500)
        await db
          .insertInto('season_reminders')
          .values(
            reminders.slice(i, i + 500).map((r) => ({
              season_agency_id: r.seasonAgencyId,
              year: r.year,
              agency_id: r.agencyId,
              sent_by: r.sentBy,
              sent_at: r.sentAt,
              message: r.message,
            })),
          )
          .execute();
    },
    /** Reminders of a season: count and last time, per agency reminded. */
    async reminders(
      seasonAgencyId: string,
      year: number,
    ): Promise<Map<string, { count: number; last: string }>> {
      const rows = await db
        .selectFrom('season_reminders')
        .select(['agency_id'])
        .select(({ fn }) => [fn.countAll<number>().as('count'), fn.max('sent_at').as('last')])
        .where('season_agency_id', '=', seasonAgencyId)
        .where('year', '=', year)
        .groupBy('agency_id')
        .execute();
      return new Map(rows.map((r) => [r.agency_id, { count: Number(r.count), last: String(r.last) }]));
    },
    /** Reminders an agency received for a year (its own dashboard). */
    async remindersTo(agencyId: string, year: number) {
      return db
        .selectFrom('season_reminders')
        .select(['sent_at as sentAt', 'message', 'season_agency_id as from'])
        .where('agency_id', '=', agencyId)
        .where('year', '=', year)
        .orderBy('sent_at', 'desc')
        .execute();
    },
  };
}
