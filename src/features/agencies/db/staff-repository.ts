/** Staff accounts (their sessions: staff-sessions.ts). Passwords are argon2id hashes. */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { StaffRole } from '../domain/staff-role.ts';
import { staffSessions, toAccount } from './staff-sessions.ts';

export interface StaffAccount {
  readonly id: string;
  readonly agencyId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly StaffRole[];
}

export interface StaffSession {
  readonly account: StaffAccount;
  /** The session's public id (the start of its token's hash), to list and end it. */
  readonly id: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  /** After a reset: nothing but a change of password is allowed. */
  readonly mustChangePassword: boolean;
}

/** An account as its administrator sees it. */
export interface StaffAccountStatus extends StaffAccount {
  readonly disabled: boolean;
  readonly lockedUntil?: string;
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  readonly passwordSetAt?: string;
}

export interface SessionSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** The last request made with it, to the minute. */
  readonly lastSeenAt: string;
  readonly userAgent?: string;
  readonly ip?: string;
}

export type SignIn =
  | { readonly ok: true; readonly account: StaffAccount; readonly mustChangePassword: boolean }
  | { readonly ok: false; readonly refused: 'invalid' }
  | {
      readonly ok: false;
      readonly refused: 'locked';
      readonly until: string;
      readonly justLocked: boolean;
      readonly account: StaffAccount;
    }
  | { readonly ok: false; readonly refused: 'wrong-password'; readonly account: StaffAccount };

/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface StaffPolicy {
  /** A session unused this long ends (等级保护: 登录连接超时自动退出). */
  readonly idleMinutes: number;
  /** A password older than this must be changed at the next sign-in; 0: never. */
  readonly passwordMaxDays: number;
}

export const DEFAULT_STAFF_POLICY: StaffPolicy = { idleMinutes: 30, passwordMaxDays: 90 };

/** A password a person can type: 16 characters from an alphabet without look-alikes (~90 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}

let dummy: Promise<string> | undefined;
/** Verifying against a real hash when the username is unknown keeps the answer time the same. */
function dummyHash(): Promise<string> {
  dummy ??= hash(randomBytes(16).toString('hex'));
  return dummy;
}

function toStatus(
  row: {
    id: string;
    agency_id: string;
    username: string;
    display_name: string;
    roles: string;
    disabled: number;
    locked_until: string | null;
    must_change_password: number;
    created_at: string;
    password_set_at: string | null;
  },
  now: string,
): StaffAccountStatus {
  return {
    ...toAccount(row),
    disabled: row.disabled === 1,
    ...(row.locked_until && row.locked_until > now ? { lockedUntil: row.locked_until } : {}),
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    ...(row.password_set_at ? { passwordSetAt: row.password_set_at } : {}),
  };
}

export function staffRepository(db: Kysely<Database>, policy: StaffPolicy = DEFAULT_STAFF_POLICY) {
  /** Whether a password set at `setAt` is too old on `now` (a value that is no date is never too old). */
  const expired = (setAt: string | null, now: Date) => {
    const set = setAt ? Date.parse(setAt) : NaN;
    return (
      policy.passwordMaxDays > 0 &&
      !Number.isNaN(set) &&
      now.getTime() - set > policy.passwordMaxDays * 86_400_000
    );
  };
  return {
    ...staffSessions(db, policy),

    async create(
      input: {
        agencyId: string;
        username: string;
        displayName: string;
        roles: readonly StaffRole[];
        password: string;
        /** An account made for someone else: its first password is to be changed at the first sign-in. */
        mustChangePassword?: boolean;
      },
      now: string,
    ): Promise<StaffAccount> {
      const id = randomBytes(8).toString('hex');
      const passwordHash = await hash(input.password);
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('staff_accounts')
          .values({
            id,
            agency_id: input.agencyId,
            username: input.username,
            display_name: input.displayName,
            roles: JSON.stringify(input.roles),
            password_hash: passwordHash,
            disabled: 0,
            created_at: now,
            must_change_password: input.mustChangePassword ? 1 : 0,
            password_set_at: now,
          })
          .execute();
        await tx
          .insertInto('staff_password_history')
          .values({ account_id: id, password_hash: passwordHash, set_at: now })
          .execute();
      });
      return {
        id,
        agencyId: input.agencyId,
        username: input.username,
        displayName: input.displayName,
        roles: input.roles,
      };
    },

    async findByUsername(username: string): Promise<StaffAccount | undefined> {
      const row = await db
        .selectFrom('staff_accounts')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row ? toAccount(row) : undefined;
    },

    async status(accountId: string, now: string): Promise<StaffAccountStatus | undefined> {
      const row = await db
        .selectFrom('staff_accounts')
        .selectAll()
        .where('id', '=', accountId)
        .executeTakeFirst();
      return row ? toStatus(row, now) : undefined;
    },

    /** The names of these accounts, by username (unknown ones left out). */
    async namesOf(usernames: readonly string[]): Promise<Map<string, string>> {
      const unique = [...new Set(usernames)].slice(0, 1000);
      if (unique.length === 0) return new Map();
      const rows = await db
        .selectFrom('staff_accounts')
        .select(['username', 'display_name'])
        .where('username', 'in', unique)
        .execute();
      return new Map(rows.map((r) => [r.username, r.display_name]));
    },

    /** The enabled accounts of these agencies, by agency order then username (e.g. the case workers). */
    async enabledIn(agencyIds: readonly string[]): Promise<StaffAccount[]> {
      if (agencyIds.length === 0) return [];
      const rows = await db
        .selectFrom('staff_accounts')
        .selectAll()
        .where('agency_id', 'in', [...agencyIds])
        .where('disabled', '=', 0)
        .orderBy('username')
        .execute();
      return rows.map(toAccount);
    },

    /** The accounts of one agency, by username. */
    async list(agencyId: string, now: string): Promise<StaffAccountStatus[]> {
      const rows = await db
        .selectFrom('staff_accounts')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('username')
        .execute();
      return rows.map((row) => toStatus(row, now));
    },

    /**
     * Signs in when the password is right, the account enabled and not locked; the same answer time
     * whether or not the username exists. Failed attempts in a row are counted; at the limit the account
     * is locked for a while (an attacker who guesses learns nothing until then).
     */
    async signIn(username: string, password: string, now: Date): Promise<SignIn> {
      const row = await db
        .selectFrom('staff_accounts')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      const valid = await verify(row?.password_hash ?? (await dummyHash()), password).catch(() => false);
      if (!row || row.disabled) return { ok: false, refused: 'invalid' };
      const account = toAccount(row);
      const at = now.toISOString();
      if (row.locked_until && row.locked_until > at)
        return { ok: false, refused: 'locked', until: row.locked_until, justLocked: false, account };
      if (valid) {
        const tooOld = !row.must_change_password && expired(row.password_set_at, now);
        if (row.failed_logins > 0 || row.locked_until || tooOld)
          await db
            .updateTable('staff_accounts')
            .set({ failed_logins: 0, locked_until: null, ...(tooOld ? { must_change_password: 1 } : {}) })
            .where('id', '=', row.id)
            .execute();
        return { ok: true, account, mustChangePassword: row.must_change_password === 1 || tooOld };
      }
      // Counted in the database, so that parallel guesses cannot each read the same count.
      const counted = await db
        .updateTable('staff_accounts')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', row.id)
        .returning('failed_logins')
        .executeTakeFirst();
      if ((counted?.failed_logins ?? 0) < LOCK_AFTER_FAILURES)
        return { ok: false, refused: 'wrong-password', account };
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
      await db
        .updateTable('staff_accounts')
        .set({ failed_logins: 0, locked_until: until })
        .where('id', '=', row.id)
        .execute();
      return { ok: false, refused: 'locked', until, justLocked: true, account };
    },

    /** Whether `password` is the account's current one. */
    async checkPassword(accountId: string, password: string): Promise<boolean> {
      const row = await db
        .selectFrom('staff_accounts')
        .select('password_hash')
        .where('id', '=', accountId)
        .executeTakeFirst();
      return verify(row?.password_hash ?? (await dummyHash()), password).catch(() => false);
    },

    /** Whether `password` is one of the account's `count` most recent passwords. */
    async usedRecently(accountId: string, password: string, count: number): Promise<boolean> {
      const rows = await db
        .selectFrom('staff_password_history')
        .select('password_hash')
        .where('account_id', '=', accountId)
        .orderBy('set_at', 'desc')
        .limit(count)
        .execute();
      for (const row of rows) if (await verify(row.password_hash, password).catch(() => false)) return true;
      return false;
    },

    /** A new password; the lock and the failure count are cleared. */
    async setPassword(
      accountId: string,
      password: string,
      options: { mustChange: boolean },
      now: string,
    ): Promise<void> {
      const passwordHash = await hash(password);
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('staff_accounts')
          .set({
            password_hash: passwordHash,
            must_change_password: options.mustChange ? 1 : 0,
            failed_logins: 0,
            locked_until: null,
            password_set_at: now,
          })
          .where('id', '=', accountId)
          .execute();
        await tx
          .insertInto('staff_password_history')
          .values({ account_id: accountId, password_hash: passwordHash, set_at: now })
          .execute();
      });
    },

    async setRoles(accountId: string, roles: readonly StaffRole[]): Promise<void> {
      await db
        .updateTable('staff_accounts')
        .set({ roles: JSON.stringify(roles) })
        .where('id', '=', accountId)
        .execute();
    },

    async setDisabled(accountId: string, disabled: boolean): Promise<void> {
      await db
        .updateTable('staff_accounts')
        .set({ disabled: disabled ? 1 : 0, ...(disabled ? {} : { failed_logins: 0, locked_until: null }) })
        .where('id', '=', accountId)
        .execute();
    },
  };
}

export type StaffRepository = ReturnType<typeof staffRepository>;
