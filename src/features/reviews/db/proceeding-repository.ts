/** Reconsideration and litigation records in the database, tallied for table 四 in one query. */
import { sql, type Kysely, type ExpressionBuilder } from 'kysely';
import type { Database, ProceedingTable } from '../../../platform/db/schema.ts';
import { chunk, yearBounds } from '../../../platform/db/report-period.ts';
import type {
  CellSelector,
  ProceedingCounting,
  ProceedingKind,
  ProceedingResult,
  ProceedingStatus,
  ProceedingTally,
} from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { Proceeding } from '../domain/proceeding.ts';

function toRow(agencyId: string, p: Proceeding, importId: string | null): ProceedingTable {
  return {
    agency_id: agencyId,
    id: p.id,
    kind: p.kind,
    filed_on: p.filedOn,
    result: p.result ?? null,
    decided_on: p.decidedOn ?? null,
    request_id: p.requestId ?? null,
    ledger_import_id: importId,
  };
}

function toDomain(row: ProceedingTable): Proceeding {
  return {
    id: row.id,
    kind: row.kind as ProceedingKind,
    filedOn: row.filed_on as IsoDate,
    ...(row.result && row.decided_on
      ? { result: row.result as ProceedingResult, decidedOn: row.decided_on as IsoDate }
      : {}),
    ...(row.request_id ? { requestId: row.request_id } : {}),
  };
}

/** The proceedings a report year counts, by the configured semantics (see ProceedingCounting). */
function countedInYear(
  eb: ExpressionBuilder<Database, 'proceedings'>,
  year: number,
  counting: ProceedingCounting,
) {
  const { start, end } = yearBounds(year);
  if (counting === 'filed-in-year') return eb.and([eb('filed_on', '>=', start), eb('filed_on', '<=', end)]);
  return eb.and([
    eb('filed_on', '<=', end),
    eb.or([eb('decided_on', 'is', null), eb('decided_on', '>', end), eb('decided_on', '>=', start)]),
  ]);
}

function statusExpression(year: number) {
  const { end } = yearBounds(year);
  return sql<string>`case when decided_on is not null and decided_on <= ${end} then result else 'pending' end`;
}

export function proceedingRepository(db: Kysely<Database>) {
  return {
    async save(
      agencyId: string,
      proceedings: readonly Proceeding[],
      importId: string | null = null,
    ): Promise<void> {
      for (const rows of chunk(proceedings.map((p) => toRow(agencyId, p, importId)))) {
        await db
          .insertInto('proceedings')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['agency_id', 'id']).doUpdateSet((eb) => ({
              kind: eb.ref('excluded.kind'),
              filed_on: eb.ref('excluded.filed_on'),
              result: eb.ref('excluded.result'),
              decided_on: eb.ref('excluded.decided_on'),
              request_id: eb.ref('excluded.request_id'),
              ledger_import_id: eb.ref('excluded.ledger_import_id'),
            })),
          )
          .execute();
      }
    },

    async list(agencyId: string): Promise<Proceeding[]> {
      const rows = await db
        .selectFrom('proceedings')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('id')
        .execute();
      return rows.map(toDomain);
    },

    async tally(agencyId: string, year: number, counting: ProceedingCounting): Promise<ProceedingTally[]> {
      const rows = await db
        .selectFrom('proceedings')
        .select(['kind', statusExpression(year).as('status'), sql<number>`count(*)`.as('n')])
        .where('agency_id', '=', agencyId)
        .where((eb) => countedInYear(eb, year, counting))
        .groupBy(['kind', sql`2`])
        .execute();
      return rows.map((r) => ({
        kind: r.kind as ProceedingKind,
        status: r.status as ProceedingStatus,
        count: Number(r.n),
      }));
    },

    async idsBehind(
      agencyId: string,
      selector: Extract<CellSelector, { source: 'proceedings' }>,
      year: number,
      counting: ProceedingCounting,
    ): Promise<string[]> {
      let query = db
        .selectFrom('proceedings')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('kind', '=', selector.kind)
        .where((eb) => countedInYear(eb, year, counting));
      if (selector.status) query = query.where(statusExpression(year), '=', selector.status);
      return (await query.orderBy('id').execute()).map((r) => r.id);
    },
  };
}

export type ProceedingRepository = ReturnType<typeof proceedingRepository>;
