/** Work records in the database: added in batches (a sheet at once), listed by year, removed; each audited. */
import { byAgency, ofOne, perAgencies } from '../../../platform/db/by-agency.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { WorkActivityItem } from '../../annual-report/index.ts';
import {
  WORK_KINDS,
  WORK_RECORD_KINDS,
  type WorkRecord,
  type WorkRecordInput,
  type WorkRecordKind,
} from '../domain/work-record.ts';

function toRecord(row: Database['work_records']): WorkRecord {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind as WorkRecordKind,
    on: row.occurred_on as IsoDate,
    count: Number(row.count),
    subject: row.subject,
    ...(row.note ? { note: row.note } : {}),
    enteredBy: row.entered_by,
    enteredAt: row.entered_at,
  };
}

function activityOf(records: readonly WorkRecord[]): WorkActivityItem[] {
  const kinds = WORK_RECORD_KINDS.filter((kind) => records.some((r) => r.kind === kind));
  return kinds.map((kind) => {
    const of = records.filter((r) => r.kind === kind);
    const subjects = new Map<string, number>();
    for (const r of of) subjects.set(r.subject, (subjects.get(r.subject) ?? 0) + r.count);
    return {
      kind,
      part: WORK_KINDS[kind].part,
      records: of.length,
      total: of.reduce((sum, r) => sum + r.count, 0),
      bySubject: [...subjects]
        .map(([subject, total]) => ({ subject, total }))
        .sort((a, b) => b.total - a.total || a.subject.localeCompare(b.subject)),
      ids: of.map((r) => r.id),
    };
  });
}

export function workRecordRepository(db: Kysely<Database>) {
  /** Each agency's work records of the year, summed by kind (section 五's activity). */
  const activityMany = (
    agencyIds: readonly string[],
    year: number,
  ): Promise<Map<string, WorkActivityItem[]>> =>
    perAgencies(agencyIds, async (ids) => {
      const rows = await db
        .selectFrom('work_records')
        .selectAll()
        .where('agency_id', 'in', ids)
        .where('occurred_on', '>=', `${year}-01-01`)
        .where('occurred_on', '<=', `${year}-12-31`)
        .orderBy('agency_id')
        .orderBy('occurred_on')
        .orderBy('id')
        .execute();
      return new Map([...byAgency(ids, rows)].map(([id, of]) => [id, activityOf(of.map(toRecord))]));
    });
  return {
    /** Adds the records in one transaction, with one audit entry naming them. */
    async add(
      agencyId: string,
      inputs: readonly WorkRecordInput[],
      actor: string,
      at: string,
    ): Promise<WorkRecord[]> {
      const records: WorkRecord[] = inputs.map((input) => ({
        ...input,
        id: `GZ-${input.on.slice(0, 4)}-${randomUUID().slice(0, 8)}`,
        agencyId,
        enteredBy: actor,
        enteredAt: at,
      }));
      if (records.length === 0) return [];
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < records.length; i += 200)
          await tx
            .insertInto('work_records')
            .values(
              records.slice(i, i + 200).map((r) => ({
                agency_id: agencyId,
                id: r.id,
                kind: r.kind,
                occurred_on: r.on,
                count: r.count,
                subject: r.subject,
                note: r.note ?? null,
                entered_by: actor,
                entered_at: at,
              })),
            )
            .execute();
        await appendAudit(tx, {
          at,
          actor,
          action: 'work-records.added',
          agencyId,
          subject: `work_records/${agencyId}`,
          detail: { records: records.map((r) => ({ id: r.id, kind: r.kind, on: r.on, count: r.count })) },
        });
      });
      return records;
    },

    async list(agencyId: string, year: number, kind?: WorkRecordKind): Promise<WorkRecord[]> {
      let query = db
        .selectFrom('work_records')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('occurred_on', '>=', `${year}-01-01`)
        .where('occurred_on', '<=', `${year}-12-31`);
      if (kind) query = query.where('kind', '=', kind);
      return (await query.orderBy('occurred_on').orderBy('id').execute()).map(toRecord);
    },

    async find(agencyId: string, id: string): Promise<WorkRecord | undefined> {
      const row = await db
        .selectFrom('work_records')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },

    /** Removes a record entered in error; the audit entry keeps what it said. */
    async remove(record: WorkRecord, reason: string, actor: string, at: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('work_records')
          .where('agency_id', '=', record.agencyId)
          .where('id', '=', record.id)
          .execute();
        await appendAudit(tx, {
          at,
          actor,
          action: 'work-records.removed',
          agencyId: record.agencyId,
          subject: `work_records/${record.agencyId}/${record.id}`,
          detail: { record: { ...record }, reason },
        });
      });
    },

    /** The year's records summed by kind, for section 一 (annual-report's WorkActivityItem). */
    async activity(agencyId: string, year: number): Promise<WorkActivityItem[]> {
      return ofOne(agencyId, (ids) => activityMany(ids, year));
    },

    activityMany,
  };
}

export type WorkRecordRepository = ReturnType<typeof workRecordRepository>;
