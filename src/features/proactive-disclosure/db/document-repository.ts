/**
 * Public documents in the database. A save is guarded by the version it read (a stale writer is told to
 * reload). The portal queries return published 主动公开 documents only.
 */
import { bodyText } from '../domain/document-body.ts';
import { sql, type Kysely } from 'kysely';
import { anchorRecords } from '../../../platform/audit/record-anchors.ts';
import { documentStepAnchors } from './document-step-anchors.ts';
import {
  indexDocumentTokens,
  matchesTokenGroups,
  unindexedDocumentIds,
} from '../../../platform/db/full-text.ts';
import { searchTokens } from '../../../platform/search/search-tokens.ts';
import { searchQuery } from '../../../platform/search/search-query.ts';
import type { Database, PublicDocumentTable } from '../../../platform/db/schema.ts';
import { lastNumberInUse } from '../../../platform/db/last-number.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { AttributeDecision } from '../domain/disclosure-attribute.ts';
import {
  isOnPortal,
  type DocumentStatus,
  type DocumentStep,
  type InterpretationForm,
  type PublicDocument,
} from '../domain/public-document.ts';

export interface StoredDocument {
  readonly document: PublicDocument;
  readonly body: string;
  readonly version: number;
}

/** What the portal's catalogue and search narrow by: category, words, publication dates. */
export interface PortalFilter {
  readonly category?: string;
  readonly text?: string;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly limit?: number;
}

export class StaleDocumentError extends Error {
  constructor(readonly documentId: string) {
    super(`document ${documentId} was changed by someone else`);
  }
}

function coIssuersOf(json: string): Pick<PublicDocument, 'coIssuers'> {
  const names = JSON.parse(json) as string[];
  return names.length ? { coIssuers: names } : {};
}

function forwardsOf(value: string | null): Pick<PublicDocument, 'forwards'> {
  const [agencyId, documentId] = value?.split('/') ?? [];
  return agencyId && documentId ? { forwards: { agencyId, documentId } } : {};
}

function toStored(row: PublicDocumentTable): StoredDocument {
  return {
    document: {
      id: row.id,
      title: row.title,
      ...(row.document_number ? { documentNumber: row.document_number } : {}),
      ...(row.index_number ? { indexNumber: row.index_number } : {}),
      formedOn: row.formed_on as IsoDate,
      category: row.category,
      drafter: row.drafter,
      ...(row.attribute ? { attribute: JSON.parse(row.attribute) as AttributeDecision } : {}),
      status: row.status as DocumentStatus,
      ...(row.published_on ? { publishedOn: row.published_on as IsoDate } : {}),
      history: JSON.parse(row.history) as DocumentStep[],
      ...(row.interprets ? { interprets: row.interprets } : {}),
      ...(row.interpretation_form
        ? { interpretationForm: row.interpretation_form as InterpretationForm }
        : {}),
      ...coIssuersOf(row.co_issuers),
      ...forwardsOf(row.forwards),
    },
    body: row.body,
    version: Number(row.version),
  };
}

function toRow(
  agencyId: string,
  document: PublicDocument,
  body: string,
  version: number,
): PublicDocumentTable {
  return {
    agency_id: agencyId,
    id: document.id,
    title: document.title,
    document_number: document.documentNumber ?? null,
    index_number: document.indexNumber ?? null,
    formed_on: document.formedOn,
    category: document.category,
    body,
    drafter: document.drafter,
    attribute: document.attribute ? JSON.stringify(document.attribute) : null,
    status: document.status,
    published_on: document.publishedOn ?? null,
    history: JSON.stringify(document.history),
    version,
    interprets: document.interprets ?? null,
    interpretation_form: document.interpretationForm ?? null,
    co_issuers: JSON.stringify(document.coIssuers ?? []),
    forwards: document.forwards ? `${document.forwards.agencyId}/${document.forwards.documentId}` : null,
  };
}

/** Escapes LIKE wildcards so that a search for "100%" finds that text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** What the index holds of a document: its title, document and index numbers, and its body. */
function documentTokens(document: PublicDocument, body: string): string[] {
  return searchTokens(
    [document.title, document.documentNumber ?? '', document.indexNumber ?? '', bodyText(body)].join('\n'),
  );
}

/** `now` stamps the audit entries that anchor each review step (the steps themselves carry the day). */
export function documentRepository(db: Kysely<Database>, now: () => string = () => new Date().toISOString()) {
  return {
    /** Indexes documents stored before the full-text index existed; returns how many. */
    async indexMissing(): Promise<number> {
      const missing = await unindexedDocumentIds(db);
      for (const { agencyId, id } of missing) {
        const stored = await this.find(agencyId, id);
        if (stored) await indexDocumentTokens(db, agencyId, id, documentTokens(stored.document, stored.body));
      }
      return missing.length;
    },

    async create(agencyId: string, document: PublicDocument, body: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const row = toRow(agencyId, document, body, 1);
        await tx.insertInto('public_documents').values(row).execute();
        await anchorRecords(tx, documentStepAnchors(agencyId, document.id, row.history, 0, now()));
        await indexDocumentTokens(tx, agencyId, document.id, documentTokens(document, body));
      });
    },

    /** The highest number in use after `prefix` (DOC-2025-), 0 when none: one indexed lookup. */
    lastNumber: (agencyId: string, prefix: string) =>
      lastNumberInUse(db, 'public_documents', agencyId, prefix),

    async find(agencyId: string, id: string): Promise<StoredDocument | undefined> {
      const row = await db
        .selectFrom('public_documents')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toStored(row) : undefined;
    },

    async save(agencyId: string, document: PublicDocument, body: string, readVersion: number): Promise<void> {
      const { agency_id: _agency, id: _id, ...changes } = toRow(agencyId, document, body, readVersion + 1);
      await db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('public_documents')
          .select('history')
          .where('agency_id', '=', agencyId)
          .where('id', '=', document.id)
          .where('version', '=', readVersion)
          .executeTakeFirst();
        if (!before) throw new StaleDocumentError(document.id);
        const result = await tx
          .updateTable('public_documents')
          .set(changes)
          .where('agency_id', '=', agencyId)
          .where('id', '=', document.id)
          .where('version', '=', readVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new StaleDocumentError(document.id);
        const steps = (JSON.parse(before.history) as unknown[]).length;
        await anchorRecords(tx, documentStepAnchors(agencyId, document.id, changes.history, steps, now()));
        await indexDocumentTokens(tx, agencyId, document.id, documentTokens(document, body));
      });
    },

    async list(agencyId: string): Promise<StoredDocument[]> {
      const rows = await db
        .selectFrom('public_documents')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('formed_on', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toStored);
    },

    /** How many documents (in any status) each category holds. */
    async countByCategory(agencyId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('public_documents')
        .select(['category', sql<number>`count(*)`.as('n')])
        .where('agency_id', '=', agencyId)
        .groupBy('category')
        .execute();
      return new Map(rows.map((r) => [r.category, Number(r.n)]));
    },

    /** How many published 主动公开 documents each category holds (the catalogue's counts). */
    async countPublishedByCategory(agencyId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('public_documents')
        .select(['category', sql<number>`count(*)`.as('n')])
        .where('agency_id', '=', agencyId)
        .where('status', '=', 'published')
        .where('attribute', 'like', '%"attribute":"proactive"%')
        .groupBy('category')
        .execute();
      return new Map(rows.map((r) => [r.category, Number(r.n)]));
    },

    /** Interpretations published in the year, and the publication dates of those of each given document. */
    /** Published interpretations of a document, oldest first. */
    async interpretationsOf(agencyId: string, documentId: string): Promise<StoredDocument[]> {
      const rows = await db
        .selectFrom('public_documents')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('interprets', '=', documentId)
        .where('status', '=', 'published')
        .orderBy('published_on')
        .orderBy('id')
        .execute();
      return rows.map(toStored).filter((stored) => isOnPortal(stored.document));
    },

    /** Documents published in the year, by category (the drafted section 一 of the annual report). */
    /** Published 主动公开 documents, newest first, optionally of one category or containing a text. */
    async published(agencyId: string, filter: PortalFilter = {}): Promise<StoredDocument[]> {
      let query = db
        .selectFrom('public_documents')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('status', '=', 'published')
        .where('attribute', 'like', '%"attribute":"proactive"%');
      if (filter.category) query = query.where('category', '=', filter.category);
      if (filter.from) query = query.where('published_on', '>=', filter.from);
      if (filter.to) query = query.where('published_on', '<=', filter.to);
      if (filter.text) {
        // ESCAPE is spelled out: SQLite has no default LIKE escape character, PostgreSQL's is the backslash.
        const containing = (text: string) => {
          const pattern = likePattern(text);
          return sql<boolean>`(title like ${pattern} escape '\\' or body like ${pattern} escape '\\' or coalesce(document_number, '') like ${pattern} escape '\\')`;
        };
        // Words through the full-text index, each with its equivalents (低保 ↔ 最低生活保障); a single
        // character, which the index holds only where it stands alone, and a query without any word (only
        // signs such as % or 〔〕), as text through LIKE — which scans, so only then.
        const { groups } = searchQuery(filter.text);
        const single = groups.filter(
          (g) => g.length === 1 && g[0]!.length === 1 && [...g[0]![0]!].length === 1,
        );
        const indexed = groups.filter((g) => !single.includes(g));
        if (groups.length === 0) query = query.where(containing(filter.text));
        if (indexed.length > 0) query = query.where(matchesTokenGroups(db, agencyId, indexed));
        for (const g of single) query = query.where(containing(g[0]![0]!));
      }
      const rows = await query
        .orderBy('published_on', 'desc')
        .orderBy('id')
        .limit(filter.limit ?? 200)
        .execute();
      return rows.map(toStored).filter((stored) => isOnPortal(stored.document));
    },
  };
}

export type DocumentRepository = ReturnType<typeof documentRepository>;
