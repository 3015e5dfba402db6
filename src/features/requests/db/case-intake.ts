/**
 * New cases written in groups: the applications that arrive while one group is being written wait and
 * go in the next, all in one transaction — one numbering lock per agency and year, one look at the
 * audit chain's head, one commit. Under load this is what lets several hundred applications a second
 * into one agency, whose numbers must stay gapless (so its registrations wait for one another's commit);
 * alone, an application is a group of one and waits for nothing.
 *
 * A group that fails (another process stored the same form submission a moment before) is written again
 * one case at a time, so that one application's problem is never another's.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { lockAndReadLastNumbers } from '../../../platform/db/last-number.ts';
import { anchorRecords } from '../../../platform/audit/record-anchors.ts';
import type { RecordedEvent } from '../domain/case-events.ts';
import type { DisclosureRequest } from '../domain/disclosure-request.ts';
import type { CaseProjection, SubmissionRecord } from '../use-cases/case-store.ts';
import { caseEventAnchor } from './case-event-anchors.ts';
import { requestRepository } from './request-repository.ts';
import { groupedWrites } from '../../../platform/db/grouped-writes.ts';

export interface NewCase {
  readonly agencyId: string;
  readonly year: number;
  readonly history: readonly RecordedEvent[];
  readonly projection: CaseProjection;
  readonly queryCodeHash: string | undefined;
  readonly now: string;
  readonly submission?: SubmissionRecord;
}

export interface CreatedCase {
  readonly id: string;
  /** False when the submission was stored before: `id` is the case it created then. */
  readonly created: boolean;
}

/** The most cases one transaction writes (bounded by a statement's parameters: ~20 a case row). */
const GROUP_LIMIT = 100;

/** The applicant's identity as stored: hashed, so that the column itself holds no ID number. */
export function applicantKey(identity: string): string {
  return createHash('sha256').update(identity).digest('hex');
}

export function projectionRow(projection: CaseProjection) {
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

/** The case's record in disclosure_requests, which the report counts: once it is received. */
export function reportRecordOf(id: string, projection: CaseProjection): DisclosureRequest | undefined {
  if (!projection.receivedOn) return undefined;
  return {
    id,
    receivedOn: projection.receivedOn,
    applicantType: projection.applicantType,
    channel: projection.channel,
    ...(projection.outcome && projection.completedOn
      ? { outcome: projection.outcome, completedOn: projection.completedOn }
      : {}),
  };
}

export function eventRow(agencyId: string, requestId: string, recorded: RecordedEvent) {
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

/** A stored event row read back as the history holds it. */
export function recordedEventOf(row: {
  seq: number | string;
  at: string;
  actor: string;
  reason: string | null;
  event: string;
}): RecordedEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    ...(row.reason ? { reason: row.reason } : {}),
    event: JSON.parse(row.event) as RecordedEvent['event'],
  };
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e.message ?? '')
  );
}

/**
 * Writes new cases inside the caller's transaction, numbered in the order given. A submission already
 * stored (or given twice in the group) creates nothing: the case it made is returned.
 */
export async function writeNewCases(tx: Kysely<Database>, cases: readonly NewCase[]): Promise<CreatedCase[]> {
  const keys = cases.flatMap((c) => (c.submission ? [c.submission.key] : []));
  const earlier = new Map<string, string>();
  if (keys.length > 0)
    for (const row of await tx
      .selectFrom('request_submissions')
      .select(['key', 'request_id'])
      .where('key', 'in', keys)
      .execute())
      earlier.set(row.key, row.request_id);

  // Which cases are new, and the series (agency and year) each is numbered in; a key given twice in the
  // group is the case its first made.
  const results: (CreatedCase | undefined)[] = cases.map(() => undefined);
  const series = new Map<string, { agencyId: string; prefix: string; members: number[] }>();
  const firstOfKey = new Map<string, number>();
  cases.forEach((c, i) => {
    const key = c.submission?.key;
    const stored = key ? earlier.get(key) : undefined;
    if (stored) results[i] = { id: stored, created: false };
    else if (key && firstOfKey.has(key)) return;
    else {
      if (key) firstOfKey.set(key, i);
      const prefix = `YSQ-${c.year}-`;
      const numbered = series.get(`${c.agencyId}/${prefix}`) ?? { agencyId: c.agencyId, prefix, members: [] };
      numbered.members.push(i);
      series.set(`${c.agencyId}/${prefix}`, numbered);
    }
  });
  // A ledger import's records take numbers of the same series.
  const numbered = [...series.values()];
  const last = await lockAndReadLastNumbers(tx, ['request_cases', 'disclosure_requests'], numbered);
  numbered.forEach(({ prefix, members }, s) => {
    let next = last[s]! + 1;
    for (const i of members)
      results[i] = { id: `${prefix}${String(next++).padStart(5, '0')}`, created: true };
  });
  cases.forEach((c, i) => {
    results[i] ??= { id: results[firstOfKey.get(c.submission!.key)!]!.id, created: false };
  });

  const made = cases.flatMap((c, i) => (results[i]!.created ? [{ ...c, id: results[i]!.id }] : []));
  if (made.length > 0) {
    await tx
      .insertInto('request_cases')
      .values(
        made.map((c) => ({
          agency_id: c.agencyId,
          id: c.id,
          ...projectionRow(c.projection),
          query_code_hash: c.queryCodeHash ?? null,
          event_count: c.history.length,
          updated_at: c.now,
        })),
      )
      .execute();
    const events = made.flatMap((c) => c.history.map((r) => eventRow(c.agencyId, c.id, r)));
    await tx.insertInto('request_events').values(events).execute();
    // The records the report counts, of every agency of the group in one statement.
    await requestRepository(tx).saveMany(
      made.flatMap((c) => {
        const request = reportRecordOf(c.id, c.projection);
        return request ? [{ agencyId: c.agencyId, request }] : [];
      }),
    );
    const submitted = made.filter((c) => c.submission);
    if (submitted.length > 0)
      await tx
        .insertInto('request_submissions')
        .values(
          submitted.map((c) => ({
            key: c.submission!.key,
            agency_id: c.agencyId,
            request_id: c.id,
            cookie_hash: c.submission!.cookieHash,
            sealed_query_code: c.submission!.sealedQueryCode,
            created_at: c.now,
          })),
        )
        .execute();
    // Last, so that the audit chain's lock is held only from here to the commit.
    await anchorRecords(tx, events.map(caseEventAnchor));
  }
  return results as CreatedCase[];
}

/** One case in a transaction of its own, tried again when a concurrent writer took its number. */
async function writeAlone(db: Kysely<Database>, item: NewCase): Promise<CreatedCase> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return (await db.transaction().execute((tx) => writeNewCases(tx, [item])))[0]!;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`could not number a new case for ${item.agencyId}: too many concurrent registrations`);
}

/** Creates cases in groups: what arrives while a group is written goes in the next one. */
export function caseIntake(db: Kysely<Database>): (item: NewCase) => Promise<CreatedCase> {
  return groupedWrites((group) => db.transaction().execute((tx) => writeNewCases(tx, group)), {
    limit: GROUP_LIMIT,
    alone: (item) => writeAlone(db, item),
  });
}
