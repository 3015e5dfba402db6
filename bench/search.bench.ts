/**
 * Portal search over N published documents (1,000,000 by default) against its floor: the bare full-text
 * query on the index (FTS5 MATCH on SQLite, tsvector @@ on PostgreSQL) for the same words, run on the
 * driver. The full search adds the segmentation of the query, the join to the documents, the portal's
 * filters (published, 主动公开), ordering by publication date and the 200-row page.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { tokenGroupsQuery } from '../src/platform/db/full-text.ts';
import { isPostgres } from '../src/platform/db/dialect.ts';
import { searchQuery } from '../src/platform/search/search-query.ts';
import { searchTokens } from '../src/platform/search/search-tokens.ts';
import { documentRepository } from '../src/features/proactive-disclosure/db/document-repository.ts';
import { agencyRepository } from '../src/features/agencies/index.ts';
import { measure, type Timing } from './measure.ts';

const WORDS = [
  '低保',
  '养老',
  '补贴',
  '征收',
  '补偿',
  '规划',
  '预算',
  '决算',
  '教育',
  '招生',
  '医疗',
  '救助',
  '就业',
  '住房',
  '公积金',
  '环境',
  '监测',
  '许可',
  '处罚',
  '道路',
  '交通',
  '农业',
  '水利',
  '消防',
  '安全',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Inserts `count` published 主动公开 documents with their index rows, in batches, in one transaction. */
export async function seedSearchCorpus(db: Kysely<Database>, count: number): Promise<void> {
  await agencyRepository(db).create({ id: 'search-bench', name: '检索基准局' }, '2026-01-01T00:00:00Z');
  const next = random(7);
  const pg = isPostgres(db);
  await db.transaction().execute(async (tx) => {
    for (let start = 0; start < count; start += 500) {
      const rows: Array<{ id: string; title: string; body: string; published: string; tokens: string }> = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const words = Array.from({ length: 6 }, () => WORDS[Math.floor(next() * next() * WORDS.length)]!);
        const title = `关于${words[0]}和${words[1]}工作的通知（第${i}号）`;
        const body = `为做好${words.slice(2).join('、')}相关工作，现将有关事项通知如下。`;
        const day = String(1 + (i % 28)).padStart(2, '0');
        rows.push({
          id: `DOC-2025-${String(i).padStart(7, '0')}`,
          title,
          body,
          published: `2025-03-${day}`,
          tokens: searchTokens(`${title}\n${body}`).join(' '),
        });
      }
      await tx
        .insertInto('public_documents')
        .values(
          rows.map((r) => ({
            agency_id: 'search-bench',
            id: r.id,
            title: r.title,
            document_number: null,
            index_number: null,
            formed_on: r.published,
            category: '其他',
            body: r.body,
            drafter: 'bench',
            attribute: JSON.stringify({ attribute: 'proactive' }),
            status: 'published',
            published_on: r.published,
            history: '[]',
            version: 1,
            co_issuers: '[]',
          })),
        )
        .execute();
      const values = sql.join(
        rows.map((r) =>
          pg
            ? sql`(${'search-bench'}, ${r.id}, to_tsvector('simple', ${r.tokens}))`
            : sql`(${'search-bench'}, ${r.id}, ${r.tokens})`,
        ),
      );
      await sql`insert into public_document_search (agency_id, id, tokens) values ${values}`.execute(tx);
    }
  });
}

export interface SearchResult {
  readonly dialect: string;
  readonly documents: number;
  readonly query: string;
  readonly hits: number;
  readonly floor: Timing;
  readonly search: Timing;
  readonly ratio: number;
}

/**
 * The bare full-text query for the same words, with the same equivalents the portal adds (低保 ↔
 * 最低生活保障): every matching id, nothing else.
 */
function bareQuery(db: Kysely<Database>, text: string) {
  const query = tokenGroupsQuery(db, searchQuery(text).groups);
  if (isPostgres(db)) {
    return () =>
      sql`select id from public_document_search where agency_id = ${'search-bench'} and tokens @@ to_tsquery('simple', ${query})`.execute(
        db,
      );
  }
  return () =>
    sql`select id from public_document_search where agency_id = ${'search-bench'} and public_document_search match ${query}`.execute(
      db,
    );
}

export async function benchSearch(
  db: Kysely<Database>,
  dialect: string,
  documents: number,
  runs: number,
): Promise<SearchResult> {
  const query = '低保 补贴';
  const repository = documentRepository(db);
  const hits = (await repository.published('search-bench', { text: query })).length;
  const floor = await measure(bareQuery(db, query), runs);
  const search = await measure(() => repository.published('search-bench', { text: query }), runs);
  return {
    dialect,
    documents,
    query,
    hits,
    floor,
    search,
    ratio: Math.round((search.medianMs / floor.medianMs) * 100) / 100,
  };
}
