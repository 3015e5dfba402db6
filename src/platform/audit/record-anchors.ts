/**
 * Records kept outside the audit log — a case's events, a document's review steps — anchored in it:
 * each is written together with an audit entry that carries its content hash, so that the chained log
 * vouches for them. Verification walks the records of each kind and compares: a record changed (its
 * hash differs), a record removed (an anchor without its record) or a record slipped in (a record
 * without an anchor) is found, just as an edit of the log itself breaks its chain.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAuditEntries } from './audit-log.ts';

/** The hash of a record's content, given as the list of its stored columns. */
export function recordHash(columns: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(columns)).digest('hex');
}

export interface RecordAnchor {
  /** The audit action that anchors this kind of record, e.g. case-event. */
  readonly action: string;
  readonly agencyId: string;
  /** The record's key within its agency, e.g. YSQ-2025-00001#3. */
  readonly key: string;
  readonly at: string;
  readonly actor: string;
  readonly hash: string;
  /** A few words on what the record is (its type), kept beside the hash for a reader of the log. */
  readonly what: string;
}

/** Appends the anchors inside the caller's transaction, after its records. */
export async function anchorRecords(tx: Kysely<Database>, anchors: readonly RecordAnchor[]): Promise<void> {
  await appendAuditEntries(
    tx,
    anchors.map((anchor) => ({
      at: anchor.at,
      actor: anchor.actor,
      action: anchor.action,
      agencyId: anchor.agencyId,
      subject: anchor.key,
      detail: { what: anchor.what, hash: anchor.hash },
    })),
  );
}

/** A record as it is stored now: its key and content hash. */
export interface StoredRecord {
  readonly agencyId: string;
  readonly key: string;
  readonly hash: string;
}

export type AnchorProblem =
  | { readonly problem: 'changed'; readonly agencyId: string; readonly key: string }
  | { readonly problem: 'removed'; readonly agencyId: string; readonly key: string }
  | { readonly problem: 'not-anchored'; readonly agencyId: string; readonly key: string };

/**
 * Compares the records of one kind, as stored now (given page by page), with their anchors in the log.
 * Returns the problems found (at most `limit`) and how many records were checked.
 */
export async function verifyAnchors(
  db: Kysely<Database>,
  action: string,
  records: AsyncIterable<readonly StoredRecord[]>,
  limit = 50,
): Promise<{ checked: number; problems: AnchorProblem[] }> {
  const anchored = new Map<string, string>();
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['seq', 'agency_id', 'subject', 'detail'])
      .where('action', '=', action)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(10_000)
      .execute();
    for (const row of rows) {
      const hash = (JSON.parse(row.detail) as { hash?: string }).hash ?? '';
      anchored.set(`${row.agency_id ?? ''}\u0000${row.subject}`, hash);
      after = Number(row.seq);
    }
    if (rows.length < 10_000) break;
  }
  const problems: AnchorProblem[] = [];
  let checked = 0;
  for await (const page of records)
    for (const record of page) {
      checked++;
      const id = `${record.agencyId}\u0000${record.key}`;
      const hash = anchored.get(id);
      anchored.delete(id);
      if (problems.length >= limit) continue;
      if (hash === undefined)
        problems.push({ problem: 'not-anchored', agencyId: record.agencyId, key: record.key });
      else if (hash !== record.hash)
        problems.push({ problem: 'changed', agencyId: record.agencyId, key: record.key });
    }
  for (const id of anchored.keys()) {
    if (problems.length >= limit) break;
    const [agencyId = '', key = ''] = id.split('\u0000');
    problems.push({ problem: 'removed', agencyId, key });
  }
  return { checked, problems };
}
