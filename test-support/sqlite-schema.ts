/** The schema of a SQLite database as text, the way `src/platform/db/schema/sqlite.sql` holds it. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';

export async function sqliteSchemaText(db: Kysely<Database>): Promise<string> {
  const rows = await sql<{
    sql: string;
  }>`select sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by type desc, name`.execute(
    db,
  );
  return rows.rows.map((r) => `${r.sql};`).join('\n\n') + '\n';
}
