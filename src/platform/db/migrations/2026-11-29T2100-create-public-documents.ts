// Government documents for proactive disclosure: attribute, review status, publication, and the steps
// taken (kept with the document). Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_documents')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('index_number', 'text')
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('drafter', 'text', (c) => c.notNull())
    .addColumn('attribute', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_documents_pk', ['agency_id', 'id'])
    .execute();
  await db.schema
    .createIndex('public_documents_portal')
    .on('public_documents')
    .columns(['agency_id', 'status', 'published_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('public_documents').execute();
}
