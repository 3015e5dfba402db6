/**
 * A PostgreSQL schema of its own for tests that start server processes on one database: the URL that
 * points a process at it, and the shared lock every migrating test holds (a test that drops schemas takes
 * it exclusively, so that it never drops one a migration is reading) until `migrated()` is called.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SCHEMAS = "hashtext('gongkai-test-schemas')";

export interface ScratchSchema {
  readonly schemaName: string;
  /** The database URL with the schema as its search path. */
  readonly url: string;
  /** A client for the test's own queries, with the schema as its search path. */
  readonly sql: pg.Client;
  /** The first process has migrated: the schemas' lock is let go. */
  migrated(): Promise<void>;
}

export async function withScratchSchema<T>(
  server: string,
  prefix: string,
  body: (schema: ScratchSchema) => Promise<T>,
): Promise<T> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`select pg_advisory_lock_shared(${SCHEMAS})`);
  let locked = true;
  const url = new URL(server);
  url.searchParams.set('options', `-c search_path=${name}`);
  // Every connection to the schema says whose it is, so that those a killed process left behind can be ended.
  url.searchParams.set('application_name', name);
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await admin.query(`create schema ${name}`);
    await client.connect();
    return await body({
      schemaName: name,
      url: url.toString(),
      sql: client,
      migrated: async () => {
        if (!locked) return;
        await admin.query(`select pg_advisory_unlock_shared(${SCHEMAS})`);
        locked = false;
      },
    });
  } finally {
    await client.end().catch(() => undefined);
    if (locked) await admin.query(`select pg_advisory_unlock_shared(${SCHEMAS})`);
    try {
      await admin.query(`select pg_advisory_lock(${SCHEMAS})`);
      await dropSchema(admin, name);
    } finally {
      // Ending the connection lets go of the schemas' lock whatever happened.
      await admin.end();
    }
  }
}

/**
 * A process killed by a test may have left a backend running its last statement: PostgreSQL notices the
 * client gone only when it next speaks to it, and meanwhile that backend holds its locks. Those are ended
 * first (each connection names its schema), and a drop that still meets one is tried again.
 */
async function dropSchema(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
      [name],
    );
    try {
      await admin.query(`drop schema if exists ${name} cascade`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 3) throw error;
    }
  }
}
