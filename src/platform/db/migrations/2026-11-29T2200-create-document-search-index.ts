// The full-text index of public documents over jieba search tokens: FTS5 on SQLite, a tsvector with a GIN
// index on PostgreSQL. Frozen: imports no application code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create table public_document_search (agency_id text not null, id text not null, tokens tsvector not null, primary key (agency_id, id))`.execute(
      db,
    );
    await sql`create index public_document_search_tokens on public_document_search using gin (tokens)`.execute(
      db,
    );
    return;
  }
  await sql`create virtual table public_document_search using fts5(agency_id unindexed, id unindexed, tokens, tokenize = 'unicode61')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table public_document_search`.execute(db);
}
