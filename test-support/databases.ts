/**
 * Runs a storage test on SQLite and on PostgreSQL. SQLite gets a fresh in-memory database; PostgreSQL
 * (TEST_DATABASE_URL) a fresh schema that is dropped afterwards. Without TEST_DATABASE_URL the
 * PostgreSQL half is reported as skipped, by name — never silently passed.
 */
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, migrateToLatest, type DatabaseHandle } from '../src/platform/db/database.ts';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL;
export const POSTGRES_SKIP_REASON =
  'TEST_DATABASE_URL is not set: the PostgreSQL half of this storage test was skipped';

export async function freshSqlite(): Promise<DatabaseHandle> {
  const handle = openDatabase(':memory:');
  await migrateToLatest(handle.db);
  return handle;
}

/**
 * Kysely's migrator looks for its tables through every schema of the database; a schema another test
 * drops meanwhile makes that look-up fail ("schema … does not exist"). So migrations hold this lock
 * shared and a drop holds it alone: a drop waits for running migrations, and they for it.
 */
const SCHEMA_CHANGES = "hashtext('gongkai-test-schemas')";

/** Administrative statements on a short-lived connection of their own. */
async function withAdmin<R>(url: string, work: (admin: pg.Client) => Promise<R>): Promise<R> {
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Runs `work` holding the test schemas' lock (TEST_DATABASE_URL's server): `shared` for a migration,
 * `alone` for anything that drops or re-creates a schema (a restore over one).
 */
export async function holdingSchemaLock<R>(mode: 'shared' | 'alone', work: () => Promise<R>): Promise<R> {
  if (!POSTGRES_URL) return work();
  return withAdmin(POSTGRES_URL, async (admin) => {
    await admin.query(
      `select ${mode === 'shared' ? 'pg_advisory_lock_shared' : 'pg_advisory_lock'}(${SCHEMA_CHANGES})`,
    );
    return work();
  });
}

export async function freshPostgres(): Promise<DatabaseHandle> {
  const server = POSTGRES_URL;
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = new URL(server);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const handle = openDatabase(url.toString());
  await withAdmin(server, async (admin) => {
    await admin.query(`select pg_advisory_lock_shared(${SCHEMA_CHANGES})`);
    await admin.query(`create schema ${schema}`);
    await migrateToLatest(handle.db, { schema });
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin(server, async (admin) => {
        await admin.query(`select pg_advisory_lock(${SCHEMA_CHANGES})`);
        await admin.query(`drop schema ${schema} cascade`);
      });
    },
  };
}

/** Declares `name` twice: `[sqlite] name` and `[postgres] name`, each on a fresh database. */
export function testOnBothDatabases(
  name: string,
  body: (handle: DatabaseHandle) => Promise<void>,
  options: { timeout?: number } = {},
): void {
  test(`[sqlite] ${name}`, { timeout: options.timeout ?? 60_000 }, async () => {
    const handle = await freshSqlite();
    try {
      await body(handle);
    } finally {
      await handle.close();
    }
  });
  test(
    `[postgres] ${name}`,
    { timeout: options.timeout ?? 60_000, skip: POSTGRES_URL ? false : POSTGRES_SKIP_REASON },
    async () => {
      const handle = await freshPostgres();
      try {
        await body(handle);
      } finally {
        await handle.close();
      }
    },
  );
}

/**
 * A database of its own on the PostgreSQL server (for a server process, which cannot be pointed at a
 * schema), dropped afterwards; each administrative statement on a short-lived connection.
 */
export async function withScratchPostgresDatabase<T>(
  url: string,
  prefix: string,
  work: (databaseUrl: string) => Promise<T>,
): Promise<T> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`create database ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await work(target.toString());
  } finally {
    // Connections closed a moment ago may still be going (a pool's end() does not wait for its sockets);
    // forcing them off would hit a client that is still listening with "terminating connection due to
    // administrator command". So wait until the database has no one left, and force only after that.
    await withAdmin(url, async (admin) => {
      for (let i = 0; i < 100; i++) {
        const { rows } = await admin.query<{ n: string }>(
          'select count(*) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        if (Number(rows[0]?.n) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
    });
  }
}
