/**
 * A staff account's life: sign-in (failures counted, a lock after too many), a change of password under
 * the policy, an administrator's reset (a one-time password to be changed at once), disabling and
 * enabling, and the sessions each account has open — listed and ended by their owner or an
 * administrator. Every step is written to the audit log.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { AuditEntry } from '../../../platform/audit/audit-log.ts';
import { checkPassword, PASSWORD_HISTORY, type PasswordRefusal } from '../domain/password-policy.ts';
import type { StaffRole } from '../domain/staff-role.ts';
import {
  generatePassword,
  type SessionSummary,
  type StaffAccount,
  type StaffAccountStatus,
  type StaffRepository,
  type StaffSession,
} from '../db/staff-repository.ts';

export type AccountRefusal =
  | PasswordRefusal
  | { readonly code: 'login-failed' }
  | { readonly code: 'account-locked'; readonly until: string }
  | { readonly code: 'wrong-current-password' }
  | { readonly code: 'username-taken'; readonly username: string }
  | { readonly code: 'account-not-found' }
  | { readonly code: 'not-own-account-action' }
  | { readonly code: 'session-not-found' };

/** Who acts: a signed-in administrator, or the command line (id `cli`). */
export type Actor = Pick<StaffAccount, 'id' | 'username'>;

export interface AccountServiceDependencies {
  readonly staff: StaffRepository;
  readonly audit: (entry: AuditEntry) => Promise<void>;
  readonly commonPasswords: ReadonlySet<string>;
  readonly now: () => Date;
}

export interface StartedSession {
  readonly account: StaffAccount;
  readonly token: string;
  readonly id: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly mustChangePassword: boolean;
}

export function accountService(deps: AccountServiceDependencies) {
  const { staff } = deps;
  const record = (
    actor: string,
    action: string,
    account: StaffAccount,
    detail: Record<string, unknown> = {},
  ) =>
    deps.audit({
      at: deps.now().toISOString(),
      actor,
      action,
      agencyId: account.agencyId,
      subject: `staff:${account.username}`,
      detail,
    });
  /** The target account, only within the agency the administrator named (every id in a path is checked). */
  const target = async (agencyId: string, accountId: string) => {
    const found = await staff.status(accountId, deps.now().toISOString());
    return found && found.agencyId === agencyId ? found : undefined;
  };

  return {
    async signIn(
      username: string,
      password: string,
      from: { userAgent?: string; ip?: string },
    ): Promise<Result<StartedSession, AccountRefusal>> {
      const now = deps.now();
      const signed = await staff.signIn(username, password, now);
      if (!signed.ok) {
        if (signed.refused === 'invalid') return err({ code: 'login-failed' });
        if (signed.refused === 'wrong-password') {
          await record(username, 'staff.sign-in-failed', signed.account, { ip: from.ip ?? null });
          return err({ code: 'login-failed' });
        }
        if (signed.justLocked)
          await record(username, 'staff.locked', signed.account, {
            until: signed.until,
            ip: from.ip ?? null,
          });
        return err({ code: 'account-locked', until: signed.until });
      }
      const started = await staff.startSession(signed.account.id, now, from);
      await record(username, 'staff.signed-in', signed.account, { session: started.id, ip: from.ip ?? null });
      return ok({
        account: signed.account,
        ...started,
        mustChangePassword: signed.mustChangePassword,
      });
    },

    /** The signed-in person changes their own password; their other sessions end. */
    async changePassword(
      session: StaffSession,
      current: string,
      next: string,
    ): Promise<Result<{ endedSessions: number }, AccountRefusal>> {
      const { account } = session;
      if (!(await staff.checkPassword(account.id, current))) return err({ code: 'wrong-current-password' });
      const refused = checkPassword(next, account, deps.commonPasswords);
      if (refused) return err(refused);
      if (await staff.usedRecently(account.id, next, PASSWORD_HISTORY))
        return err({ code: 'password-reused', history: PASSWORD_HISTORY });
      await staff.setPassword(account.id, next, { mustChange: false }, deps.now().toISOString());
      const endedSessions = await staff.endSessions(account.id, session.id);
      await record(account.username, 'staff.password-changed', account, { endedSessions });
      return ok({ endedSessions });
    },

    sessionsOf: (accountId: string) => staff.sessionsOf(accountId, deps.now()),

    /** Ends one of the signed-in person's own sessions. */
    async endOwnSession(session: StaffSession, id: string): Promise<Result<void, AccountRefusal>> {
      if (!(await staff.endSessionById(session.account.id, id))) return err({ code: 'session-not-found' });
      await record(session.account.username, 'staff.session-ended', session.account, { session: id });
      return ok(undefined);
    },

    list: (agencyId: string) => staff.list(agencyId, deps.now().toISOString()),

    /** An administrator makes an account; its one-time password is shown once and must be changed. */
    async create(
      actor: Actor,
      input: { agencyId: string; username: string; displayName: string; roles: readonly StaffRole[] },
    ): Promise<Result<{ account: StaffAccount; password: string }, AccountRefusal>> {
      if (await staff.findByUsername(input.username))
        return err({ code: 'username-taken', username: input.username });
      const password = generatePassword();
      const account = await staff.create(
        { ...input, password, mustChangePassword: true },
        deps.now().toISOString(),
      );
      await record(actor.username, 'staff.created', account, { roles: input.roles });
      return ok({ account, password });
    },

    /** A one-time password for someone who forgot theirs: to be changed at the next sign-in. */
    async resetPassword(
      actor: Actor,
      agencyId: string,
      accountId: string,
    ): Promise<Result<{ password: string }, AccountRefusal>> {
      const account = await target(agencyId, accountId);
      if (!account) return err({ code: 'account-not-found' });
      if (account.id === actor.id) return err({ code: 'not-own-account-action' });
      const password = generatePassword();
      await staff.setPassword(account.id, password, { mustChange: true }, deps.now().toISOString());
      const endedSessions = await staff.endSessions(account.id);
      await record(actor.username, 'staff.password-reset', account, { endedSessions });
      return ok({ password });
    },

    /** Disables (every session ends) or enables an account; never one's own. */
    async setDisabled(
      actor: Actor,
      agencyId: string,
      accountId: string,
      disabled: boolean,
    ): Promise<Result<StaffAccountStatus, AccountRefusal>> {
      const account = await target(agencyId, accountId);
      if (!account) return err({ code: 'account-not-found' });
      if (account.id === actor.id) return err({ code: 'not-own-account-action' });
      await staff.setDisabled(account.id, disabled);
      const endedSessions = disabled ? await staff.endSessions(account.id) : 0;
      await record(actor.username, disabled ? 'staff.disabled' : 'staff.enabled', account, { endedSessions });
      return ok((await staff.status(account.id, deps.now().toISOString()))!);
    },

    /** New roles for an account (taking effect on its next request); never one's own. */
    async setRoles(
      actor: Actor,
      agencyId: string,
      accountId: string,
      roles: readonly StaffRole[],
    ): Promise<Result<StaffAccountStatus, AccountRefusal>> {
      const account = await target(agencyId, accountId);
      if (!account) return err({ code: 'account-not-found' });
      if (account.id === actor.id) return err({ code: 'not-own-account-action' });
      const unique = [...new Set(roles)];
      await staff.setRoles(account.id, unique);
      await record(actor.username, 'staff.roles-changed', account, { before: account.roles, after: unique });
      return ok((await staff.status(account.id, deps.now().toISOString()))!);
    },

    async sessionsOfAccount(
      agencyId: string,
      accountId: string,
    ): Promise<Result<SessionSummary[], AccountRefusal>> {
      const account = await target(agencyId, accountId);
      return account
        ? ok(await staff.sessionsOf(account.id, deps.now()))
        : err({ code: 'account-not-found' });
    },

    /** An administrator ends one session of an account, or all of them (`id` undefined). */
    async endSessionsOfAccount(
      actor: Actor,
      agencyId: string,
      accountId: string,
      id?: string,
    ): Promise<Result<{ ended: number }, AccountRefusal>> {
      const account = await target(agencyId, accountId);
      if (!account) return err({ code: 'account-not-found' });
      const ended =
        id === undefined
          ? await staff.endSessions(account.id)
          : Number(await staff.endSessionById(account.id, id));
      if (id !== undefined && ended === 0) return err({ code: 'session-not-found' });
      await record(actor.username, 'staff.session-ended', account, { session: id ?? 'all', ended });
      return ok({ ended });
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
