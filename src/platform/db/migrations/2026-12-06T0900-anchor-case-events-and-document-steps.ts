// A case's events and a document's review steps become append-only and vouched for by the audit log:
// triggers refuse changing or deleting an event, deleting a document, or rewriting the steps already in
// a document's history (its JSON may only grow at the end); the events and steps stored so far are
// anchored now — one audit entry each, carrying the record's hash. Frozen: imports no application code
// (the hashes are written out again below on purpose).
import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const GENESIS = '0'.repeat(64);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Entry {
  at: string;
  actor: string;
  action: string;
  agency_id: string;
  subject: string;
  detail: string;
}

async function appendEntries(db: Kysely<unknown>, entries: readonly Entry[]): Promise<void> {
  const head = (
    await sql<{ hash: string | null }>`select hash from audit_log order by seq desc limit 1`.execute(db)
  ).rows[0];
  let prev = head?.hash ?? GENESIS;
  for (const e of entries) {
    const hash = sha256(
      `${prev}\n${JSON.stringify([e.at, e.actor, e.action, e.agency_id, e.subject, e.detail])}`,
    );
    await sql`insert into audit_log (at, actor, action, agency_id, subject, detail, prev_hash, hash)
      values (${e.at}, ${e.actor}, ${e.action}, ${e.agency_id}, ${e.subject}, ${e.detail}, ${prev}, ${hash})`.execute(
      db,
    );
    prev = hash;
  }
}

interface EventRow {
  agency_id: string;
  request_id: string;
  seq: number | string;
  at: string;
  actor: string;
  reason: string | null;
  type: string;
  event: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const events = (
    await sql<EventRow>`select agency_id, request_id, seq, at, actor, reason, type, event from request_events
      order by agency_id, request_id, seq`.execute(db)
  ).rows;
  await appendEntries(
    db,
    events.map((row) => ({
      at: row.at,
      actor: row.actor,
      action: 'case-event',
      agency_id: row.agency_id,
      subject: `${row.request_id}#${Number(row.seq)}`,
      detail: JSON.stringify({
        what: row.type,
        hash: sha256(
          JSON.stringify([
            row.agency_id,
            row.request_id,
            Number(row.seq),
            row.at,
            row.actor,
            row.reason,
            row.type,
            row.event,
          ]),
        ),
      }),
    })),
  );
  const documents = (
    await sql<{ agency_id: string; id: string; history: string }>`select agency_id, id, history
      from public_documents order by agency_id, id`.execute(db)
  ).rows;
  const now = new Date().toISOString();
  await appendEntries(
    db,
    documents.flatMap((row) =>
      (JSON.parse(row.history) as Array<{ step: string; by: string }>).map((step, i) => ({
        at: now,
        actor: step.by,
        action: 'document-step',
        agency_id: row.agency_id,
        subject: `${row.id}#${i + 1}`,
        detail: JSON.stringify({
          what: step.step,
          hash: sha256(JSON.stringify([row.agency_id, row.id, i + 1, step])),
        }),
      })),
    ),
  );

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create or replace function gongkai_refuse_change() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
    await sql`create trigger request_events_no_change before update or delete on request_events
      for each row execute function gongkai_refuse_change()`.execute(db);
    await sql`create trigger public_documents_no_delete before delete on public_documents
      for each row execute function gongkai_refuse_change()`.execute(db);
    await sql`create or replace function public_documents_history_grows() returns trigger language plpgsql as $$
      begin
        if left(new.history, length(old.history) - 1) is distinct from left(old.history, length(old.history) - 1) then
          raise exception 'a document''s history is append-only';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger public_documents_history_grows before update on public_documents
      for each row execute function public_documents_history_grows()`.execute(db);
  } else {
    await sql`create trigger request_events_no_update before update on request_events
      begin select raise(abort, 'request_events is append-only'); end`.execute(db);
    await sql`create trigger request_events_no_delete before delete on request_events
      begin select raise(abort, 'request_events is append-only'); end`.execute(db);
    await sql`create trigger public_documents_no_delete before delete on public_documents
      begin select raise(abort, 'public_documents is append-only'); end`.execute(db);
    await sql`create trigger public_documents_history_grows before update of history on public_documents
      when substr(new.history, 1, length(old.history) - 1) is not substr(old.history, 1, length(old.history) - 1)
      begin select raise(abort, 'a document''s history is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger if exists request_events_no_change on request_events`.execute(db);
    await sql`drop trigger if exists public_documents_no_delete on public_documents`.execute(db);
    await sql`drop trigger if exists public_documents_history_grows on public_documents`.execute(db);
    await sql`drop function if exists public_documents_history_grows()`.execute(db);
    await sql`drop function if exists gongkai_refuse_change()`.execute(db);
  } else
    for (const trigger of [
      'request_events_no_update',
      'request_events_no_delete',
      'public_documents_no_delete',
      'public_documents_history_grows',
    ])
      await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
}
