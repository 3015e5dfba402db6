/**
 * Requests in the database, and their tally for the annual report counted where the data is: one
 * aggregate query per report (application-lifecycle.md §12, the same rules as report-year-tally.ts).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../../platform/db/dialect.ts';
import type { Database, DisclosureRequestTable } from '../../../platform/db/schema.ts';
import { chunk, yearBounds } from '../../../platform/db/report-period.ts';
import { byAgency, ofOne, perAgencies } from '../../../platform/db/by-agency.ts';
import {
  APPLICANT_TYPES,
  isApplicantType,
  isOutcomeRow,
  noCompletions,
  type ApplicantType,
  type CellSelector,
  type RequestTally,
} from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { DisclosureRequest } from '../domain/disclosure-request.ts';

type RequestSelector = Extract<CellSelector, { source: 'requests' }>;

function toRow(
  agencyId: string,
  request: DisclosureRequest,
  importId: string | null,
): DisclosureRequestTable {
  return {
    agency_id: agencyId,
    id: request.id,
    received_on: request.receivedOn,
    applicant_type: request.applicantType,
    outcome: request.outcome ?? null,
    completed_on: request.completedOn ?? null,
    channel: request.channel ?? null,
    applicant_name: request.applicantName ?? null,
    subject: request.subject ?? null,
    ledger_import_id: importId,
  };
}

function toDomain(row: DisclosureRequestTable): DisclosureRequest {
  if (!isApplicantType(row.applicant_type))
    throw new Error(`stored request ${row.id} has applicant type ${row.applicant_type}`);
  const outcome = row.outcome && isOutcomeRow(row.outcome) ? row.outcome : undefined;
  return {
    id: row.id,
    receivedOn: row.received_on as IsoDate,
    applicantType: row.applicant_type,
    ...(outcome && row.completed_on ? { outcome, completedOn: row.completed_on as IsoDate } : {}),
    ...(row.channel ? { channel: row.channel } : {}),
    ...(row.applicant_name ? { applicantName: row.applicant_name } : {}),
    ...(row.subject ? { subject: row.subject } : {}),
  };
}

export function requestRepository(db: Kysely<Database>) {
  const tallyOfEach = async (ids: string[], year: number) => {
    const rows = byAgency(ids, await tallyQuery(db, ids, year).execute());
    return new Map([...rows].map(([id, of]) => [id, tallyOf(of)]));
  };
  /**
   * Each agency's tally: on PostgreSQL one statement whatever the number of agencies (their ids one array
   * parameter; a province in one scan of the table rather than one scan per thousand agencies), on SQLite
   * one per AGENCIES_PER_STATEMENT (its bound on parameters; each uses the index).
   */
  const tallyMany = (agencyIds: readonly string[], year: number): Promise<Map<string, RequestTally[]>> =>
    isPostgres(db)
      ? tallyOfEach([...new Set(agencyIds)], year)
      : perAgencies(agencyIds, (ids) => tallyOfEach(ids, year));
  /** The report years of each of these agencies (one grouped query); an agency without records has none. */
  async function reportYearsOf(agencyIds: readonly string[]): Promise<Map<string, number[]>> {
    const years = new Map<string, number[]>();
    if (agencyIds.length === 0) return years;
    const rows = await db
      .selectFrom('disclosure_requests')
      .select((eb) => [
        'agency_id',
        eb.fn.min('received_on').as('first'),
        eb.fn.max('received_on').as('last_received'),
        eb.fn.max('completed_on').as('last_completed'),
      ])
      .where('agency_id', 'in', [...agencyIds])
      .groupBy('agency_id')
      .execute();
    for (const row of rows) {
      if (!row.first) continue;
      const first = Number(String(row.first).slice(0, 4));
      const last = Math.max(
        Number(String(row.last_received).slice(0, 4)),
        Number(String(row.last_completed ?? row.last_received).slice(0, 4)),
      );
      years.set(
        row.agency_id,
        Array.from({ length: last - first + 1 }, (_, i) => last - i),
      );
    }
    return years;
  }

  /** Inserts or replaces the requests of several agencies by (agency, id), many to a statement. */
  async function saveMany(
    requests: readonly { readonly agencyId: string; readonly request: DisclosureRequest }[],
    importId: string | null = null,
  ): Promise<void> {
    for (const rows of chunk(requests.map((r) => toRow(r.agencyId, r.request, importId)))) {
      await db
        .insertInto('disclosure_requests')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['agency_id', 'id']).doUpdateSet((eb) => ({
            received_on: eb.ref('excluded.received_on'),
            applicant_type: eb.ref('excluded.applicant_type'),
            outcome: eb.ref('excluded.outcome'),
            completed_on: eb.ref('excluded.completed_on'),
            channel: eb.ref('excluded.channel'),
            applicant_name: eb.ref('excluded.applicant_name'),
            subject: eb.ref('excluded.subject'),
            ledger_import_id: eb.ref('excluded.ledger_import_id'),
          })),
        )
        .execute();
    }
  }

  return {
    /** Inserts or replaces requests by (agency, id). */
    save(agencyId: string, requests: readonly DisclosureRequest[], importId: string | null = null) {
      return saveMany(
        requests.map((request) => ({ agencyId, request })),
        importId,
      );
    },

    saveMany,

    async list(agencyId: string): Promise<DisclosureRequest[]> {
      const rows = await db
        .selectFrom('disclosure_requests')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('id')
        .execute();
      return rows.map(toDomain);
    },

    async count(agencyId: string): Promise<number> {
      const row = await db
        .selectFrom('disclosure_requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** The report years this agency's requests touch, newest first. */
    async reportYears(agencyId: string): Promise<number[]> {
      return (await reportYearsOf([agencyId])).get(agencyId) ?? [];
    },

    reportYearsOf,

    async tally(agencyId: string, year: number): Promise<RequestTally[]> {
      return ofOne(agencyId, (ids) => tallyMany(ids, year));
    },

    tallyMany,

    async idsBehind(agencyId: string, selector: RequestSelector, year: number): Promise<string[]> {
      const { start, end } = yearBounds(year);
      let query = db.selectFrom('disclosure_requests').select('id').where('agency_id', '=', agencyId);
      if (selector.applicantType) query = query.where('applicant_type', '=', selector.applicantType);
      switch (selector.measure) {
        case 'received':
          query = query.where('received_on', '>=', start).where('received_on', '<=', end);
          break;
        case 'carried-in':
          query = query
            .where('received_on', '<', start)
            .where((eb) => eb.or([eb('completed_on', 'is', null), eb('completed_on', '>=', start)]));
          break;
        case 'carried-out':
          query = query
            .where('received_on', '<=', end)
            .where((eb) => eb.or([eb('completed_on', 'is', null), eb('completed_on', '>', end)]));
          break;
        case 'completed':
          query = query.where('completed_on', '>=', start).where('completed_on', '<=', end);
          if (selector.outcome) query = query.where('outcome', '=', selector.outcome);
          if (selector.outcomes) query = query.where('outcome', 'in', [...selector.outcomes]);
          break;
      }
      const rows = await query.orderBy('id').execute();
      return rows.map((r) => r.id);
    },
  };
}

/**
 * The aggregate behind table 三 — also the floor the benchmark measures against. Only requests that
 * touch the year are read: received by 31 December and not completed before 1 January.
 */
function tallyOf(
  rows: ReadonlyArray<{
    applicant_type: string;
    completed_as: string | null;
    received: number;
    carried_in: number;
    carried_out: number;
    n: number;
  }>,
): RequestTally[] {
  const tallies = new Map(
    APPLICANT_TYPES.map((t) => [t, { received: 0, carriedIn: 0, carriedOut: 0, completed: noCompletions() }]),
  );
  for (const row of rows) {
    const tally = tallies.get(row.applicant_type as ApplicantType);
    if (!tally) continue;
    tally.received += Number(row.received);
    tally.carriedIn += Number(row.carried_in);
    tally.carriedOut += Number(row.carried_out);
    if (row.completed_as && isOutcomeRow(row.completed_as))
      tally.completed[row.completed_as] = (tally.completed[row.completed_as] ?? 0) + Number(row.n);
  }
  return [...tallies].map(([applicantType, t]) => ({ applicantType, ...t }));
}

/** Table 三's aggregate of the agencies, grouped by agency, applicant type and outcome. */
export function tallyQuery(db: Kysely<Database>, agencyIds: readonly string[], year: number) {
  const { start, end } = yearBounds(year);
  return (
    db
      .selectFrom('disclosure_requests')
      .select([
        'agency_id',
        'applicant_type',
        sql<string | null>`case when completed_on >= ${start} and completed_on <= ${end} then outcome end`.as(
          'completed_as',
        ),
        sql<number>`sum(case when received_on >= ${start} then 1 else 0 end)`.as('received'),
        sql<number>`sum(case when received_on < ${start} then 1 else 0 end)`.as('carried_in'),
        sql<number>`sum(case when completed_on is null or completed_on > ${end} then 1 else 0 end)`.as(
          'carried_out',
        ),
        sql<number>`count(*)`.as('n'),
      ])
      // PostgreSQL: the ids as one array parameter, however many.
      .where((eb) =>
        isPostgres(db)
          ? sql<boolean>`agency_id = any(${[...agencyIds]}::text[])`
          : eb('agency_id', 'in', [...agencyIds]),
      )
      .where('received_on', '<=', end)
      .where((eb) => eb.or([eb('completed_on', 'is', null), eb('completed_on', '>=', start)]))
      .groupBy(['agency_id', 'applicant_type', sql`3`])
  );
}

export type RequestRepository = ReturnType<typeof requestRepository>;
