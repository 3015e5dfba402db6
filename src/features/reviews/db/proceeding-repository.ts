/** Reconsideration and litigation records in the database, tallied for table 四 in one query. */
import { byAgency, ofOne, perAgencies } from '../../../platform/db/by-agency.ts';
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
import { lastNumberInUse, lockNumbering } from '../../../platform/db/last-number.ts';
import { appendAudit, type AuditEntry } from '../../../platform/audit/audit-log.ts';

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
  /** Each agency's tally, one grouped statement per AGENCIES_PER_STATEMENT agencies. */
  const tallyMany = (
    agencyIds: readonly string[],
    year: number,
    counting: ProceedingCounting,
  ): Promise<Map<string, ProceedingTally[]>> =>
    perAgencies(agencyIds, async (ids) => {
      const rows = await db
        .selectFrom('proceedings')
        .select(['agency_id', 'kind', statusExpression(year).as('status'), sql<number>`count(*)`.as('n')])
        .where('agency_id', 'in', ids)
        .where((eb) => countedInYear(eb, year, counting))
        .groupBy(['agency_id', 'kind', sql`3`])
        .execute();
      return new Map(
        [...byAgency(ids, rows)].map(([id, of]) => [
          id,
          of.map((r) => ({
            kind: r.kind as ProceedingKind,
            status: r.status as ProceedingStatus,
            count: Number(r.n),
          })),
        ]),
      );
    });
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

    /**
     * A new proceeding about a case, numbered next in its series (FY-2025-001), with its audit entry, in
     * one transaction; returns its id.
     */
    async create(
      agencyId: string,
      prefix: string,
      proceeding: Omit<Proceeding, 'id'>,
      audit: Omit<AuditEntry, 'subject'>,
    ): Promise<string> {
      return db.transaction().execute(async (tx) => {
        await lockNumbering(tx, agencyId, prefix);
        const id = `${prefix}${String((await lastNumberInUse(tx, 'proceedings', agencyId, prefix)) + 1).padStart(3, '0')}`;
        await tx
          .insertInto('proceedings')
          .values(toRow(agencyId, { ...proceeding, id }, null))
          .execute();
        await appendAudit(tx, { ...audit, subject: id });
        return id;
      });
    },

    async find(agencyId: string, id: string): Promise<Proceeding | undefined> {
      const row = await db
        .selectFrom('proceedings')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toDomain(row) : undefined;
    },

    /**
     * A record decided, put right, or removed (`after` undefined), with its audit entry — only over the
     * record it was made from: false when it changed meanwhile (nothing is written then).
     */
    async replace(
      agencyId: string,
      before: Proceeding,
      after: Proceeding | undefined,
      audit: Omit<AuditEntry, 'subject'>,
    ): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const unchanged = (eb: ExpressionBuilder<Database, 'proceedings'>) =>
          eb.and([
            eb('agency_id', '=', agencyId),
            eb('id', '=', before.id),
            eb('filed_on', '=', before.filedOn),
            before.result ? eb('result', '=', before.result) : eb('result', 'is', null),
            before.decidedOn ? eb('decided_on', '=', before.decidedOn) : eb('decided_on', 'is', null),
          ]);
        const written = after
          ? await tx
              .updateTable('proceedings')
              .set({
                filed_on: after.filedOn,
                result: after.result ?? null,
                decided_on: after.decidedOn ?? null,
              })
              .where(unchanged)
              .executeTakeFirst()
              .then((r) => Number(r.numUpdatedRows))
          : await tx
              .deleteFrom('proceedings')
              .where(unchanged)
              .executeTakeFirst()
              .then((r) => Number(r.numDeletedRows));
        if (written !== 1) return false;
        await appendAudit(tx, { ...audit, subject: before.id });
        return true;
      });
    },

    /** The proceedings about one case, oldest first. */
    async ofRequest(agencyId: string, requestId: string): Promise<Proceeding[]> {
      const rows = await db
        .selectFrom('proceedings')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('request_id', '=', requestId)
        .orderBy('filed_on')
        .orderBy('id')
        .execute();
      return rows.map(toDomain);
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
      return ofOne(agencyId, (ids) => tallyMany(ids, year, counting));
    },

    tallyMany,

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
