/**
 * Cases in the database: the append-only event history (each event anchored in the audit log), the
 * projection lists read, and — once a case is received — its record in disclosure_requests, so the
 * annual report counts it like any other request. Every write is one transaction.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { lastNumberInUse, lockNumbering } from '../../../platform/db/last-number.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { ApplicantType, OutcomeRow } from '../../annual-report/index.ts';
import type { ApprovalKind, RecordedEvent, RequestChannel } from '../domain/case-events.ts';
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

const OPEN_EXCLUDED = ['replied', 'closed-clarification-overdue', 'closed-fee-overdue', 'withdrawn'];

/** The applicant's identity as stored: hashed, so that the column itself holds no ID number. */
function applicantKey(identity: string): string {
  return createHash('sha256').update(identity).digest('hex');
}

function projectionRow(projection: CaseProjection) {
  return {
    channel: projection.channel,
    submitted_on: projection.submittedOn,
    received_on: projection.receivedOn ?? null,
    status: projection.status,
    due_on: projection.dueOn ?? null,
    applicant_type: projection.applicantType,
    applicant: JSON.stringify({ name: projection.applicantName }),
    applicant_key: applicantKey(projection.applicantIdentity),
    description: projection.description,
    outcome: projection.outcome ?? null,
    completed_on: projection.completedOn ?? null,
    handler: projection.handler ?? null,
    handler_name: projection.handlerName ?? null,
    awaiting_approval: projection.awaitingApproval ?? null,
  };
}

function eventRow(agencyId: string, requestId: string, recorded: RecordedEvent) {
  return {
    agency_id: agencyId,
    request_id: requestId,
    seq: recorded.seq,
    at: recorded.at,
    actor: recorded.actor,
    reason: recorded.reason ?? null,
    type: recorded.event.type,
    event: JSON.stringify(recorded.event),
  };
}

async function syncReportRecord(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  projection: CaseProjection,
): Promise<void> {
  if (!projection.receivedOn) return;
  await requestRepository(db).save(agencyId, [
    {
      id,
      receivedOn: projection.receivedOn,
      applicantType: projection.applicantType,
      channel: projection.channel,
      ...(projection.outcome && projection.completedOn
        ? { outcome: projection.outcome, completedOn: projection.completedOn }
        : {}),
    },
  ]);
}

/** The highest number in use with this prefix: by a case, or by a record a ledger import brought. */
async function lastNumber(db: Kysely<Database>, agencyId: string, prefix: string): Promise<number> {
  return Math.max(
    await lastNumberInUse(db, 'request_cases', agencyId, prefix),
    await lastNumberInUse(db, 'disclosure_requests', agencyId, prefix),
  );
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e.message ?? '')
  );
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
  return {
    async create(agencyId, year, history, projection, queryCodeHash, now, submission) {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          return await db.transaction().execute(async (tx) => {
            if (submission) {
              const earlier = await submissionRow(tx, submission.key);
              if (earlier) return { id: earlier.request_id, created: false };
            }
            const prefix = `YSQ-${year}-`;
            await lockNumbering(tx, agencyId, prefix);
            const id = `${prefix}${String((await lastNumber(tx, agencyId, prefix)) + 1).padStart(5, '0')}`;
            await tx
              .insertInto('request_cases')
              .values({
                agency_id: agencyId,
                id,
                ...projectionRow(projection),
                query_code_hash: queryCodeHash ?? null,
                event_count: history.length,
                updated_at: now,
              })
              .execute();
            const rows = history.map((r) => eventRow(agencyId, id, r));
            await tx.insertInto('request_events').values(rows).execute();
            await anchorRecords(tx, rows.map(caseEventAnchor));
            await syncReportRecord(tx, agencyId, id, projection);
            if (submission)
              await tx
                .insertInto('request_submissions')
                .values({
                  key: submission.key,
                  agency_id: agencyId,
                  request_id: id,
                  cookie_hash: submission.cookieHash,
                  sealed_query_code: submission.sealedQueryCode,
                  created_at: now,
                })
                .execute();
            return { id, created: true };
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      throw new Error(`could not number a new case for ${agencyId}: too many concurrent registrations`);
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
      const history: RecordedEvent[] = events.map((e) => ({
        seq: Number(e.seq),
        at: e.at,
        actor: e.actor,
        ...(e.reason ? { reason: e.reason } : {}),
        event: JSON.parse(e.event) as RecordedEvent['event'],
      }));
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
