/**
 * Staff sessions: a random token in the cookie, only its SHA-256 stored; at most 12 hours, and ended when
 * unused for the policy's idle time (the last use is written at most once a minute, not on every
 * request). A session's public id is the start of its token's hash, to list and end it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { isStaffRole } from '../domain/staff-role.ts';
import type { SessionSummary, StaffAccount, StaffPolicy, StaffSession } from './staff-repository.ts';

const SESSION_HOURS = 12;
/** How often a session's last use is written: not on every request. */
const SEEN_EVERY_MS = 60_000;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A session's public id: 16 hex digits of its token's hash (64 bits; the token cannot be had from it). */
const SESSION_ID_LENGTH = 16;
const sessionIdOf = (hashOfToken: string) => hashOfToken.slice(0, SESSION_ID_LENGTH);

/** A stored account row as the domain knows it. */
export function toAccount(row: {
  id: string;
  agency_id: string;
  username: string;
  display_name: string;
  roles: string;
}): StaffAccount {
  return {
    id: row.id,
    agencyId: row.agency_id,
    username: row.username,
    displayName: row.display_name,
    roles: (JSON.parse(row.roles) as string[]).filter(isStaffRole),
  };
}

export function staffSessions(db: Kysely<Database>, policy: Pick<StaffPolicy, 'idleMinutes'>) {
  const idleMs = policy.idleMinutes * 60_000;
  return {
    async startSession(
      accountId: string,
      now: Date,
      from: { userAgent?: string; ip?: string } = {},
    ): Promise<{ token: string; csrfToken: string; expiresAt: string; id: string }> {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
      const hashed = tokenHash(token);
      await db
        .insertInto('staff_sessions')
        .values({
          token_hash: hashed,
          account_id: accountId,
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          user_agent: from.userAgent?.slice(0, 300) ?? null,
          ip: from.ip?.slice(0, 64) ?? null,
          last_seen_at: now.toISOString(),
        })
        .execute();
      return { token, csrfToken, expiresAt, id: sessionIdOf(hashed) };
    },

    async session(token: string, now: Date): Promise<StaffSession | undefined> {
      const hashed = tokenHash(token);
      const row = await db
        .selectFrom('staff_sessions')
        .innerJoin('staff_accounts', 'staff_accounts.id', 'staff_sessions.account_id')
        .select([
          'staff_accounts.id',
          'staff_accounts.agency_id',
          'staff_accounts.username',
          'staff_accounts.display_name',
          'staff_accounts.roles',
          'staff_accounts.disabled',
          'staff_accounts.must_change_password',
          'staff_sessions.csrf_token',
          'staff_sessions.expires_at',
          'staff_sessions.last_seen_at',
        ])
        .where('staff_sessions.token_hash', '=', hashed)
        .executeTakeFirst();
      if (!row || row.disabled || row.expires_at <= now.toISOString()) return undefined;
      const seen = Date.parse(row.last_seen_at ?? '');
      if (!Number.isNaN(seen) && now.getTime() - seen > idleMs) {
        await db.deleteFrom('staff_sessions').where('token_hash', '=', hashed).execute();
        return undefined;
      }
      if (Number.isNaN(seen) || now.getTime() - seen > SEEN_EVERY_MS)
        await db
          .updateTable('staff_sessions')
          .set({ last_seen_at: now.toISOString() })
          .where('token_hash', '=', hashed)
          .execute();
      return {
        account: toAccount(row),
        id: sessionIdOf(hashed),
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
        mustChangePassword: row.must_change_password === 1,
      };
    },

    /** The account's sessions that have not expired, newest first. */
    async sessionsOf(accountId: string, now: Date): Promise<SessionSummary[]> {
      const rows = await db
        .selectFrom('staff_sessions')
        .select(['token_hash', 'created_at', 'expires_at', 'user_agent', 'ip', 'last_seen_at'])
        .where('account_id', '=', accountId)
        .where('expires_at', '>', now.toISOString())
        .where('last_seen_at', '>', new Date(now.getTime() - idleMs).toISOString())
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((row) => ({
        id: sessionIdOf(row.token_hash),
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        lastSeenAt: row.last_seen_at ?? row.created_at,
        ...(row.user_agent ? { userAgent: row.user_agent } : {}),
        ...(row.ip ? { ip: row.ip } : {}),
      }));
    },

    async endSession(token: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash(token)).execute();
    },

    /** Ends one of the account's sessions by its public id; false when it has none such. */
    async endSessionById(accountId: string, id: string): Promise<boolean> {
      if (!/^[0-9a-f]{16}$/.test(id)) return false;
      const result = await db
        .deleteFrom('staff_sessions')
        .where('account_id', '=', accountId)
        .where('token_hash', 'like', `${id}%`)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Ends every session of the account but `keepId` (the one asking, when it changes its password). */
    async endSessions(accountId: string, keepId?: string): Promise<number> {
      let query = db.deleteFrom('staff_sessions').where('account_id', '=', accountId);
      if (keepId) query = query.where('token_hash', 'not like', `${keepId}%`);
      return Number((await query.executeTakeFirst()).numDeletedRows);
    },
  };
}
