/**
 * Cases in the database: the append-only event history (each event anchored in the audit log), the
 * projection lists read, and — once a case is received — its record in disclosure_requests, so the
 * annual report counts it like any other request. Every write is one transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { ApplicantType, OutcomeRow } from '../../annual-report/index.ts';
import type { ApprovalKind, RequestChannel } from '../domain/case-events.ts';
import type { RequestStatus } from '../domain/request-status.ts';
import {
  ConcurrentChangeError,
  type CaseFilter,
  type CaseProjection,
  type CaseStore,
  type CaseSummary,
} from '../use-cases/case-store.ts';
import { requestRepository } from './request-repository.ts';
import { anchorRecords } from '../../../platform/audit/record-anchors.ts';
import { caseEventAnchor } from './case-event-anchors.ts';
import { assignLetterNumbers } from './letter-references.ts';
import { enqueueNotice } from './notice-outbox.ts';
import { casePage } from './case-list-query.ts';
import {
  applicantKey,
  caseIntake,
  eventRow,
  isUniqueViolation,
  projectionRow,
  recordedEventOf,
  reportRecordOf,
} from './case-intake.ts';

const OPEN_EXCLUDED = ['replied', 'closed-clarification-overdue', 'closed-fee-overdue', 'withdrawn'];

async function syncReportRecord(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  projection: CaseProjection,
): Promise<void> {
  const record = reportRecordOf(id, projection);
  if (record) await requestRepository(db).save(agencyId, [record]);
}

function toSummary(r: {
  id: string;
  agency_id: string;
  channel: string;
  submitted_on: string;
  received_on: string | null;
  status: string;
  due_on: string | null;
  applicant_type: string;
  applicant: string;
  description: string;
  outcome: string | null;
  completed_on: string | null;
  handler: string | null;
  handler_name: string | null;
  awaiting_approval: string | null;
}): CaseSummary {
  return {
    id: r.id,
    agencyId: r.agency_id,
    channel: r.channel as RequestChannel,
    submittedOn: r.submitted_on as IsoDate,
    ...(r.received_on ? { receivedOn: r.received_on as IsoDate } : {}),
    status: r.status as RequestStatus,
    ...(r.due_on ? { dueOn: r.due_on as IsoDate } : {}),
    applicantType: r.applicant_type as ApplicantType,
    applicantName: (JSON.parse(r.applicant) as { name: string }).name,
    description: r.description,
    ...(r.outcome ? { outcome: r.outcome as OutcomeRow } : {}),
    ...(r.completed_on ? { completedOn: r.completed_on as IsoDate } : {}),
    ...(r.handler ? { handler: r.handler, handlerName: r.handler_name ?? r.handler } : {}),
    ...(r.awaiting_approval ? { awaitingApproval: r.awaiting_approval as ApprovalKind } : {}),
  };
}

function submissionRow(db: Kysely<Database>, key: string) {
  return db.selectFrom('request_submissions').selectAll().where('key', '=', key).executeTakeFirst();
}

export function caseRepository(db: Kysely<Database>): CaseStore {
  const intake = caseIntake(db);
  return {
    create(agencyId, year, history, projection, queryCodeHash, now, submission) {
      return intake({
        agencyId,
        year,
        history,
        projection,
        queryCodeHash,
        now,
        ...(submission ? { submission } : {}),
      });
    },

    async submission(key) {
      const row = await submissionRow(db, key);
      return row
        ? {
            key: row.key,
            agencyId: row.agency_id,
            requestId: row.request_id,
            cookieHash: row.cookie_hash,
            sealedQueryCode: row.sealed_query_code ?? '',
            createdAt: row.created_at,
          }
        : undefined;
    },

    async load(agencyId, id) {
      const row = await db
        .selectFrom('request_cases')
        .select(['query_code_hash'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const events = await db
        .selectFrom('request_events')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('request_id', '=', id)
        .orderBy('seq')
        .execute();
      const history = events.map(recordedEventOf);
      return { history, ...(row.query_code_hash ? { queryCodeHash: row.query_code_hash } : {}) };
    },

    async append(agencyId, id, recorded, projection, now, letters = [], notify) {
      try {
        await db.transaction().execute(async (tx) => {
          const updated = await tx
            .updateTable('request_cases')
            .set({ ...projectionRow(projection), event_count: recorded.seq, updated_at: now })
            .where('agency_id', '=', agencyId)
            .where('id', '=', id)
            .where('event_count', '=', recorded.seq - 1)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) throw new ConcurrentChangeError(id);
          const row = eventRow(agencyId, id, recorded);
          await tx.insertInto('request_events').values(row).execute();
          await anchorRecords(tx, [caseEventAnchor(row)]);
          await syncReportRecord(tx, agencyId, id, projection);
          await assignLetterNumbers(tx, agencyId, id, letters);
          if (notify)
            await enqueueNotice(tx, {
              agencyId,
              requestId: id,
              eventSeq: recorded.seq,
              recipient: notify,
              at: now,
            });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConcurrentChangeError(id);
        throw error;
      }
    },

    async page(agencyId, query, today) {
      const found = await casePage(db, agencyId, query, today);
      return { ...found, summaries: found.rows.map((r) => toSummary(r as Parameters<typeof toSummary>[0])) };
    },

    async refreshProjection(agencyId, id, projection) {
      await db
        .updateTable('request_cases')
        .set(projectionRow(projection))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    async agencyOfQueryCode(id, queryCodeHash) {
      const row = await db
        .selectFrom('request_cases')
        .select('agency_id')
        .where('query_code_hash', '=', queryCodeHash)
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.agency_id;
    },

    async caseIdsAmong(agencyId, ids) {
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('request_cases')
          .select('id')
          .where('agency_id', '=', agencyId)
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const row of rows) found.add(row.id);
      }
      return found;
    },

    async list(agencyId, filter: CaseFilter) {
      let query = db.selectFrom('request_cases').selectAll().where('agency_id', '=', agencyId);
      if (filter.statuses?.length) query = query.where('status', 'in', [...filter.statuses]);
      if (filter.open) query = query.where('status', 'not in', OPEN_EXCLUDED);
      if (filter.receivedFrom) query = query.where('received_on', '>=', filter.receivedFrom);
      if (filter.receivedThrough) query = query.where('received_on', '<=', filter.receivedThrough);
      if (filter.completedFrom) query = query.where('completed_on', '>=', filter.completedFrom);
      if (filter.completedThrough) query = query.where('completed_on', '<=', filter.completedThrough);
      if (filter.applicantIdentity)
        query = query.where('applicant_key', '=', applicantKey(filter.applicantIdentity));
      // Cases with a due date first, soonest first (NULLs sort differently on SQLite and PostgreSQL).
      const rows = await query
        .orderBy(sql`case when due_on is null then 1 else 0 end`)
        .orderBy('due_on')
        .orderBy('id')
        .limit(filter.limit ?? 500)
        .execute();
      return rows.map(toSummary);
    },
  };
}
