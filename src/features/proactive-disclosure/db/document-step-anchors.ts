/**
 * A document's review steps (drafted, submitted, approved, sent back, published, unpublished) anchored
 * in the audit log (platform/audit/record-anchors.ts): each new step's hash is written in the same
 * transaction as the document, and `audit-log verify` compares them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { recordHash, type RecordAnchor, type StoredRecord } from '../../../platform/audit/record-anchors.ts';

export const DOCUMENT_STEP_ACTION = 'document-step';

interface Step {
  readonly step: string;
  readonly by: string;
  readonly on: string;
}

/** The steps of `history` (as stored, JSON) from index `from` on, as anchors. */
export function documentStepAnchors(
  agencyId: string,
  documentId: string,
  history: string,
  from: number,
  at: string,
): RecordAnchor[] {
  const steps = JSON.parse(history) as Step[];
  return steps.slice(from).map((step, i) => ({
    action: DOCUMENT_STEP_ACTION,
    agencyId,
    key: `${documentId}#${from + i + 1}`,
    at,
    actor: step.by,
    hash: recordHash([agencyId, documentId, from + i + 1, step]),
    what: step.step,
  }));
}

/** Every document's steps as stored now, a page of documents at a time, for verification. */
export async function* storedDocumentSteps(db: Kysely<Database>): AsyncIterable<StoredRecord[]> {
  let after: [string, string] = ['', ''];
  for (;;) {
    const [agency, id] = after;
    const rows = await db
      .selectFrom('public_documents')
      .select(['agency_id', 'id', 'history'])
      .where((eb) =>
        eb.or([eb('agency_id', '>', agency), eb.and([eb('agency_id', '=', agency), eb('id', '>', id)])]),
      )
      .orderBy('agency_id')
      .orderBy('id')
      .limit(1_000)
      .execute();
    if (rows.length === 0) return;
    yield rows.flatMap((row) =>
      (JSON.parse(row.history) as Step[]).map((step, i) => ({
        agencyId: row.agency_id,
        key: `${row.id}#${i + 1}`,
        hash: recordHash([row.agency_id, row.id, i + 1, step]),
      })),
    );
    const last = rows.at(-1)!;
    after = [last.agency_id, last.id];
    if (rows.length < 1_000) return;
  }
}
