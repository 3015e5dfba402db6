// Agencies, the records the annual report is built from (requests, proceedings, normative documents,
// entered figures), ledger imports and the audit log. Frozen: imports no application code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agencies_name').on('agencies').column('name').execute();

  await db.schema
    .createTable('ledger_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('request_count', 'integer', (c) => c.notNull())
    .addColumn('proceeding_count', 'integer', (c) => c.notNull())
    .addColumn('document_count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('disclosure_requests')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('channel', 'text')
    .addColumn('applicant_name', 'text')
    .addColumn('subject', 'text')
    .addColumn('ledger_import_id', 'text', (c) => c.references('ledger_imports.id'))
    .addPrimaryKeyConstraint('disclosure_requests_pk', ['agency_id', 'id'])
    .addCheckConstraint('disclosure_requests_completion', sql`(outcome is null) = (completed_on is null)`)
    .addCheckConstraint('disclosure_requests_order', sql`completed_on is null or completed_on >= received_on`)
    .execute();
  await db.schema
    .createIndex('disclosure_requests_received')
    .on('disclosure_requests')
    .columns(['agency_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('disclosure_requests_completed')
    .on('disclosure_requests')
    .columns(['agency_id', 'completed_on'])
    .execute();

  await db.schema
    .createTable('proceedings')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('request_id', 'text')
    .addColumn('ledger_import_id', 'text', (c) => c.references('ledger_imports.id'))
    .addPrimaryKeyConstraint('proceedings_pk', ['agency_id', 'id'])
    .addCheckConstraint('proceedings_decision', sql`(result is null) = (decided_on is null)`)
    .execute();
  await db.schema
    .createIndex('proceedings_filed')
    .on('proceedings')
    .columns(['agency_id', 'filed_on'])
    .execute();

  await db.schema
    .createTable('normative_documents')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('repealed_on', 'text')
    .addColumn('ledger_import_id', 'text', (c) => c.references('ledger_imports.id'))
    .addPrimaryKeyConstraint('normative_documents_pk', ['agency_id', 'id'])
    .execute();

  await db.schema
    .createTable('agency_figures')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('licensing', 'integer', (c) => c.notNull())
    .addColumn('penalty', 'integer', (c) => c.notNull())
    .addColumn('coercion', 'integer', (c) => c.notNull())
    .addColumn('admin_fees_wan', 'numeric(16, 4)', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_figures_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', db.getExecutor().adapter instanceof PostgresAdapter ? 'bigserial' : 'integer', (c) =>
      c.primaryKey(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'agency_figures',
    'normative_documents',
    'proceedings',
    'disclosure_requests',
    'ledger_imports',
    'agencies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
