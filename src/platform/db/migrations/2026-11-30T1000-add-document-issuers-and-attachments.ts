// A document's co-issuing agencies (联合发文) and the document it forwards (转发), and its attachments
// (附件) stored with their checked type, size and SHA-256. Frozen: imports no application code.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('public_documents')
    .addColumn('co_issuers', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('public_documents').addColumn('forwards', 'text').execute();
  const blob = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('public_document_attachments')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_document_attachments_pk', ['agency_id', 'document_id', 'id'])
    .addForeignKeyConstraint(
      'public_document_attachments_document',
      ['agency_id', 'document_id'],
      'public_documents',
      ['agency_id', 'id'],
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('public_document_attachments').execute();
  await db.schema.alterTable('public_documents').dropColumn('forwards').execute();
  await db.schema.alterTable('public_documents').dropColumn('co_issuers').execute();
}
