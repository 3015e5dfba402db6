// A filed report is some 20 KB of JSON (its cells and every check as filed); PostgreSQL compresses such
// values with pglz by default, which made storing a province's 3,000 reports take seconds. lz4 compresses
// them 2–3× faster. Only where the server has lz4 (PostgreSQL 14 and later, built with it); the values
// already stored keep their compression. SQLite keeps text as it is. Frozen: imports no application code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

async function lz4Available(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select exists (
      select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)
    ) as ok`.execute(db);
  return rows[0]?.ok === true;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter) || !(await lz4Available(db))) return;
  await sql`alter table filed_reports alter column report set compression lz4`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter) || !(await lz4Available(db))) return;
  await sql`alter table filed_reports alter column report set compression pglz`.execute(db);
}
