// The audit log chained by hashes: each entry stores the hash of the one before it and its own,
// sha256(prev_hash + "\n" + JSON [at, actor, action, agency_id, subject, detail]). Existing entries are
// chained here in order of seq, and triggers refuse UPDATE and DELETE on the table. Frozen: imports no
// application code (the hash is written out again below on purpose).
import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const GENESIS = '0'.repeat(64);

interface Row {
  seq: number | string;
  at: string;
  actor: string;
  action: string;
  agency_id: string | null;
  subject: string;
  detail: string;
}

function entryHash(prev: string, row: Row): string {
  const content = JSON.stringify([row.at, row.actor, row.action, row.agency_id, row.subject, row.detail]);
  return createHash('sha256').update(`${prev}\n${content}`).digest('hex');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  const rows = (
    await sql<Row>`select seq, at, actor, action, agency_id, subject, detail from audit_log order by seq`.execute(
      db,
    )
  ).rows;
  let prev = GENESIS;
  for (const row of rows) {
    const hash = entryHash(prev, row);
    await sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`.execute(db);
    prev = hash;
  }
  if (postgres) {
    await sql`create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_refuse_change()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`drop trigger if exists audit_log_no_update on audit_log`.execute(db);
    await sql`drop function if exists audit_log_refuse_change()`.execute(db);
  } else {
    await sql`drop trigger if exists audit_log_no_update`.execute(db);
    await sql`drop trigger if exists audit_log_no_delete`.execute(db);
  }
  await db.schema.alterTable('audit_log').dropColumn('hash').execute();
  await db.schema.alterTable('audit_log').dropColumn('prev_hash').execute();
}
