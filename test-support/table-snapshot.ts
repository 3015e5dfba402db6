/** Every row of every table, in a stable order: to prove that something changed nothing, or was restored whole. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';

export async function tableSnapshot(
  db: Kysely<Database>,
  options: { except?: readonly string[] } = {},
): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !options.except?.includes(name))
    .sort();
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
