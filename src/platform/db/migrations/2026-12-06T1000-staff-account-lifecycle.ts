// Staff accounts with a lifecycle: a password that must be changed (after a reset, or an account made
// by an administrator), failed sign-ins counted and the account locked for a while after too many, the
// hashes of recent passwords (none may come back), where each session was opened from and when it was
// last used (an idle session ends). Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff_accounts')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('staff_accounts')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('staff_accounts').addColumn('locked_until', 'text').execute();
  await db.schema.alterTable('staff_accounts').addColumn('password_set_at', 'text').execute();
  await sql`update staff_accounts set password_set_at = created_at`.execute(db);
  await db.schema
    .createTable('staff_password_history')
    .addColumn('account_id', 'text', (c) => c.notNull().references('staff_accounts.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_password_history_account')
    .on('staff_password_history')
    .columns(['account_id', 'set_at'])
    .execute();
  await sql`insert into staff_password_history (account_id, password_hash, set_at)
    select id, password_hash, created_at from staff_accounts`.execute(db);
  await db.schema.alterTable('staff_sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('staff_sessions').addColumn('ip', 'text').execute();
  await db.schema.alterTable('staff_sessions').addColumn('last_seen_at', 'text').execute();
  await sql`update staff_sessions set last_seen_at = created_at`.execute(db);
  await db.schema.createIndex('staff_sessions_account').on('staff_sessions').column('account_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('staff_sessions_account').execute();
  await db.schema.alterTable('staff_sessions').dropColumn('last_seen_at').execute();
  await db.schema.alterTable('staff_sessions').dropColumn('ip').execute();
  await db.schema.alterTable('staff_sessions').dropColumn('user_agent').execute();
  await db.schema.dropTable('staff_password_history').execute();
  for (const column of ['password_set_at', 'locked_until', 'failed_logins', 'must_change_password'])
    await db.schema.alterTable('staff_accounts').dropColumn(column).execute();
}
