// The rest of 主动公开: the normative-document lifecycle (amended, lapsed, its page on the portal), policy
// interpretations linked to what they interpret, each agency's disclosure settings (catalogue, guide, local
// limits), and public messages (留言) with their answers. Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('normative_documents').addColumn('lapsed_on', 'text').execute();
  await db.schema
    .alterTable('normative_documents')
    .addColumn('amendments', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('normative_documents').addColumn('public_document_id', 'text').execute();

  await db.schema.alterTable('public_documents').addColumn('interprets', 'text').execute();
  await db.schema.alterTable('public_documents').addColumn('interpretation_form', 'text').execute();
  await db.schema
    .createIndex('public_documents_interprets')
    .on('public_documents')
    .columns(['agency_id', 'interprets'])
    .execute();

  await db.schema
    .createTable('disclosure_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('public_messages')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_contact', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_messages_pk', ['agency_id', 'id'])
    .execute();
  await db.schema
    .createIndex('public_messages_received')
    .on('public_messages')
    .columns(['agency_id', 'received_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('public_messages').execute();
  await db.schema.dropTable('disclosure_settings').execute();
  await db.schema.dropIndex('public_documents_interprets').execute();
  await db.schema.alterTable('public_documents').dropColumn('interpretation_form').execute();
  await db.schema.alterTable('public_documents').dropColumn('interprets').execute();
  for (const column of ['public_document_id', 'amendments', 'lapsed_on'])
    await db.schema.alterTable('normative_documents').dropColumn(column).execute();
}
