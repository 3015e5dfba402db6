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
    await admin.query(`select pg_advisory_lock(${SCHEMAS})`);
    await admin.query(`drop schema if exists ${name} cascade`);
    await admin.end();
  }
}
