/**
 * The one place where full-text search differs by dialect: an FTS5 table (unicode61 over the jieba tokens,
 * separated by spaces) on SQLite, a `simple` tsvector with a GIN index on PostgreSQL. Callers pass
 * already-segmented tokens (platform/search/search-tokens.ts).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.ts';
import { isPostgres } from './dialect.ts';

/** Replaces the indexed tokens of one document. */
export async function indexDocumentTokens(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  tokens: readonly string[],
): Promise<void> {
  const text = tokens.join(' ');
  await sql`delete from public_document_search where agency_id = ${agencyId} and id = ${id}`.execute(db);
  if (isPostgres(db)) {
    await sql`insert into public_document_search (agency_id, id, tokens) values (${agencyId}, ${id}, to_tsvector('simple', ${text}))`.execute(
      db,
    );
  } else {
    await sql`insert into public_document_search (agency_id, id, tokens) values (${agencyId}, ${id}, ${text})`.execute(
      db,
    );
  }
}

type TokenGroups = readonly (readonly (readonly string[])[])[];

/**
 * The index's query language for token groups: a group matches when one of its alternatives does, an
 * alternative when all its tokens occur (the words of a query with their equivalents). FTS5 MATCH syntax
 * on SQLite, to_tsquery syntax on PostgreSQL.
 */
export function tokenGroupsQuery(db: Kysely<Database>, groups: TokenGroups): string {
  if (isPostgres(db)) {
    const lexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
    return groups
      .map((g) => `(${g.map((alt) => `(${alt.map(lexeme).join(' & ')})`).join(' | ')})`)
      .join(' & ');
  }
  const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return groups
    .map((g) => `(${g.map((alt) => `(${alt.map(phrase).join(' AND ')})`).join(' OR ')})`)
    .join(' AND ');
}

/** `id in (documents of the agency matching every group)` (tokenGroupsQuery). */
export function matchesTokenGroups(
  db: Kysely<Database>,
  agencyId: string,
  groups: TokenGroups,
): RawBuilder<boolean> {
  const query = tokenGroupsQuery(db, groups);
  return isPostgres(db)
    ? sql<boolean>`id in (select id from public_document_search where agency_id = ${agencyId} and tokens @@ to_tsquery('simple', ${query}))`
    : sql<boolean>`id in (select id from public_document_search where agency_id = ${agencyId} and public_document_search match ${query})`;
}

/** Ids of the agency's documents missing from the index (documents stored before it existed). */
export async function unindexedDocumentIds(
  db: Kysely<Database>,
): Promise<Array<{ agencyId: string; id: string }>> {
  const rows = await sql<{
    agency_id: string;
    id: string;
  }>`select d.agency_id, d.id from public_documents d where not exists (select 1 from public_document_search s where s.agency_id = d.agency_id and s.id = d.id)`.execute(
    db,
  );
  return rows.rows.map((r) => ({ agencyId: r.agency_id, id: r.id }));
}
