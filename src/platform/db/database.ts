/**
 * The database connection: SQLite (better-sqlite3, the default, a file under ./data/) or PostgreSQL
 * (a `postgres://` URL). Everything above this file is dialect-free Kysely.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import { sqliteDialect } from './sqlite-dialect.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly url: string;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = './data/gongkai.db';

// COUNT() and SUM() come back from PostgreSQL as int8/numeric strings; counts here fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * `busyTimeoutMs`: how long SQLite waits for another process's write lock. The wait blocks the thread,
 * so the server keeps it short and answers "busy" instead; the CLI can afford to wait.
 */
export function openDatabase(
  url: string = DEFAULT_DATABASE_URL,
  options: { busyTimeoutMs?: number } = {},
): DatabaseHandle {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', url, close: () => db.destroy() };
  }
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  const db = new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', url, close: () => db.destroy() };
}

/**
 * The schema a PostgreSQL URL selects (`?options=-c search_path=…`, a province's staging copy, the tests):
 * its migrations are kept there. Kysely otherwise looks for its tables through every schema and, finding
 * them in another, would not make them in this one.
 */
export function schemaOf(url: string): string | undefined {
  if (!isPostgresUrl(url)) return undefined;
  const options = new URL(url).searchParams.get('options') ?? '';
  return /(?:^|\s)-c\s*search_path=([\w$]+)/.exec(options)?.[1];
}

/**
 * Applies every pending migration. On PostgreSQL with several schemas in one database (the tests, a
 * province's staging copies), name the schema: Kysely looks for its bookkeeping tables in every schema.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: { schema?: string } = {},
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
