/**
 * The append-only audit log: who did what to which record, when. Entries are only ever inserted
 * (triggers refuse UPDATE and DELETE), and each is chained to the one before by a hash, so that a change
 * made around the triggers — an entry edited, removed or inserted — breaks the chain where it was made.
 * `verifyAuditLog` walks the chain; the head hash it returns can be noted elsewhere, so that even a
 * rewrite of the whole chain is caught by comparing heads.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly agencyId?: string;
  readonly subject: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The same function as the migration that chained the existing entries. */
export function entryHash(
  prev: string,
  row: {
    at: string;
    actor: string;
    action: string;
    agency_id: string | null;
    subject: string;
    detail: string;
  },
): string {
  const content = JSON.stringify([row.at, row.actor, row.action, row.agency_id, row.subject, row.detail]);
  return createHash('sha256').update(`${prev}\n${content}`).digest('hex');
}

async function append(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // One writer at a time reads the head and appends (PostgreSQL: a transaction-scoped advisory lock;
  // SQLite has one writer anyway). Several entries of one transaction: one look at the head, one insert.
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(7261903)`.execute(db);
  const head = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prev = head?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const row = {
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      agency_id: entry.agencyId ?? null,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail),
    };
    const hash = entryHash(prev, row);
    const chained = { ...row, prev_hash: prev, hash };
    prev = hash;
    return chained;
  });
  // Rows of one statement take their seq in order; a few hundred at a time keeps within the bound on
  // a statement's parameters.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Appends an entry; inside the caller's transaction when given one, else in its own. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await appendAuditEntries(db, [entry]);
}

/** Appends entries in order, chained one to the next; inside the caller's transaction when given one. */
export async function appendAuditEntries(
  db: Kysely<Database>,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (db.isTransaction) await append(db, entries);
  else await db.transaction().execute((tx) => append(tx, entries));
}

export async function listAudit(db: Kysely<Database>, agencyId?: string): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq');
  if (agencyId) query = query.where('agency_id', '=', agencyId);
  const rows = await query.execute();
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    action: r.action,
    ...(r.agency_id ? { agencyId: r.agency_id } : {}),
    subject: r.subject,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}

export type AuditVerification =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly head: string;
      /** With `expectHead`: whether that hash (a head noted earlier) is still in the chain. */
      readonly expectedHeadFound?: boolean;
    }
  | {
      readonly ok: false;
      readonly entries: number;
      /** The first entry where the chain breaks. */
      readonly seq: number;
      readonly reason: 'content-changed' | 'link-broken';
    };

/** Walks the whole chain in order, a page at a time. */
export async function verifyAuditLog(
  db: Kysely<Database>,
  options: { pageSize?: number; expectHead?: string } = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 5_000;
  let found = options.expectHead === GENESIS_HASH;
  let prev = GENESIS_HASH;
  let entries = 0;
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (row.prev_hash !== prev) return { ok: false, entries, seq, reason: 'link-broken' };
      if (row.hash !== entryHash(prev, row)) return { ok: false, entries, seq, reason: 'content-changed' };
      prev = row.hash;
      if (row.hash === options.expectHead) found = true;
      entries++;
      after = seq;
    }
    if (rows.length < pageSize)
      return {
        ok: true,
        entries,
        head: prev,
        ...(options.expectHead !== undefined ? { expectedHeadFound: found } : {}),
      };
  }
}
