/** Every row of every table, in a stable order: to prove that something changed nothing, or was restored whole. */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';

/**
 * The tables of this database (PostgreSQL: of the schema the connection works in), Kysely's own left out.
 * Not Kysely's introspection: on PostgreSQL it looks at every schema of the database and fails with
 * "schema … does not exist" when another test drops its schema meanwhile.
 */
async function tablesOf(db: Kysely<Database>): Promise<string[]> {
  const { rows } =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows.map((r) => r.name).filter((name) => !name.startsWith('kysely_migration'));
}

export async function tableSnapshot(
  db: Kysely<Database>,
  options: { except?: readonly string[] } = {},
): Promise<Record<string, string[]>> {
  const tables = (await tablesOf(db)).filter((name) => !options.except?.includes(name)).sort();
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.rows
      .map((r) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k, v instanceof Buffer ? v.toString('base64') : v]),
          ),
        ),
      )
      .sort();
  }
  return out;
}
