/**
 * Corrections of filed reports (part of the supervision store): requested, decided by someone else, an
 * approval re-opening the version it names in the same transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportCorrectionTable } from '../../../platform/db/schema.ts';

export interface ReportCorrection {
  readonly id: string;
  readonly agencyId: string;
  readonly year: number;
  readonly version: number;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decision?: 'approved' | 'rejected';
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly refiledVersion?: number;
}

function toCorrection(row: Selectable<ReportCorrectionTable>): ReportCorrection {
  return {
    id: row.id,
    agencyId: row.agency_id,
    year: Number(row.year),
    version: Number(row.version),
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    ...(row.decision ? { decision: row.decision as 'approved' | 'rejected' } : {}),
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    ...(row.refiled_version !== null ? { refiledVersion: Number(row.refiled_version) } : {}),
  };
}

export function correctionStore(db: Kysely<Database>) {
  return {
    async corrections(agencyId: string, year?: number): Promise<ReportCorrection[]> {
      let query = db.selectFrom('report_corrections').selectAll().where('agency_id', '=', agencyId);
      if (year !== undefined) query = query.where('year', '=', year);
      return (await query.orderBy('requested_at').orderBy('id').execute()).map(toCorrection);
    },
    async correction(id: string): Promise<ReportCorrection | undefined> {
      const row = await db
        .selectFrom('report_corrections')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toCorrection(row) : undefined;
    },
    async requestCorrection(correction: ReportCorrection): Promise<void> {
      await db
        .insertInto('report_corrections')
        .values({
          id: correction.id,
          agency_id: correction.agencyId,
          year: correction.year,
          version: correction.version,
          reason: correction.reason,
          requested_by: correction.requestedBy,
          requested_at: correction.requestedAt,
          decision: null,
          decided_by: null,
          decided_at: null,
          refiled_version: null,
        })
        .execute();
    },
    /**
     * Records the decision on a pending correction; an approval re-opens the filed version it names
     * (kept, marked reopened) in the same transaction. False when it was no longer pending.
     */
    async decideCorrection(
      id: string,
      decision: 'approved' | 'rejected',
      decidedBy: string,
      decidedAt: string,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('report_corrections')
          .set({ decision, decided_by: decidedBy, decided_at: decidedAt })
          .where('id', '=', id)
          .where('decision', 'is', null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return false;
        if (decision === 'approved') {
          const correction = await trx
            .selectFrom('report_corrections')
            .selectAll()
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('filed_reports')
            .set({ status: 'reopened', reopened_at: decidedAt })
            .where('agency_id', '=', correction.agency_id)
            .where('year', '=', correction.year)
            .where('version', '=', correction.version)
            .execute();
        }
        return true;
      });
    },
  };
}
