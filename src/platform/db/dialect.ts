/** Which database a handle speaks to, for the few statements that differ by dialect. */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
