/** Staff accounts and their sessions. Passwords are argon2id hashes; session tokens are stored hashed. */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { isStaffRole, type StaffRole } from '../domain/staff-role.ts';

export interface StaffAccount {
  readonly id: string;
  readonly agencyId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly StaffRole[];
}

export interface StaffSession {
  readonly account: StaffAccount;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

const SESSION_HOURS = 12;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toAccount(row: {
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

export function staffRepository(db: Kysely<Database>) {
  return {
    async create(
      input: {
        agencyId: string;
        username: string;
        displayName: string;
        roles: readonly StaffRole[];
        password: string;
      },
      now: string,
    ): Promise<StaffAccount> {
      const id = randomBytes(8).toString('hex');
      await db
        .insertInto('staff_accounts')
        .values({
          id,
          agency_id: input.agencyId,
          username: input.username,
          display_name: input.displayName,
          roles: JSON.stringify(input.roles),
          password_hash: await hash(input.password),
          disabled: 0,
          created_at: now,
        })
        .execute();
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

    /** The account when the password is right and the account enabled; the same answer time either way. */
    async authenticate(username: string, password: string): Promise<StaffAccount | undefined> {
      const row = await db
        .selectFrom('staff_accounts')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      const passwordHash = row?.password_hash ?? (await dummyHash());
      const valid = await verify(passwordHash, password).catch(() => false);
      return row && valid && !row.disabled ? toAccount(row) : undefined;
    },

    async startSession(
      accountId: string,
      now: Date,
    ): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
      await db
        .insertInto('staff_sessions')
        .values({
          token_hash: tokenHash(token),
          account_id: accountId,
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          expires_at: expiresAt,
        })
        .execute();
      return { token, csrfToken, expiresAt };
    },

    async session(token: string, now: Date): Promise<StaffSession | undefined> {
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
          'staff_sessions.csrf_token',
          'staff_sessions.expires_at',
        ])
        .where('staff_sessions.token_hash', '=', tokenHash(token))
        .executeTakeFirst();
      if (!row || row.disabled || row.expires_at <= now.toISOString()) return undefined;
      return { account: toAccount(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },

    async endSession(token: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash(token)).execute();
    },
  };
}

export type StaffRepository = ReturnType<typeof staffRepository>;
