/**
 * The actions of staff-commands.ts, loaded only when one of its commands runs.
 *
 * `gongkai staff …`: staff accounts from the command line, for the first administrator and for when
 * no one can sign in — add, list, reset a password, disable and enable, list and end sessions. Every
 * step is written to the audit log with the operating system user as the actor.
 */
import { isStaffRole, staffRepository, STAFF_ROLES, type StaffRole } from '../../features/agencies/index.ts';
import { accountService, type AccountRefusal } from '../../features/agencies/use-cases/account-service.ts';
import { checkPassword, PASSWORD_REFUSAL_MESSAGES } from '../../features/agencies/domain/password-policy.ts';
import { COMMON_PASSWORDS } from '../../features/agencies/common-passwords.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { findAgency, withDatabase } from './database-context.ts';
import { defaultActor } from './database-commands.ts';
import { CliError } from './output.ts';
import type { CliIo } from './report-commands.ts';

const ROLE_LIST = STAFF_ROLES.join('、');

function accountsOf(handle: DatabaseHandle) {
  return accountService({
    staff: staffRepository(handle.db),
    audit: (entry) => appendAudit(handle.db, entry),
    commonPasswords: COMMON_PASSWORDS,
    now: () => new Date(),
  });
}

const REFUSALS: Partial<Record<AccountRefusal['code'], string>> = {
  ...PASSWORD_REFUSAL_MESSAGES,
  'username-taken': '用户名已被使用',
  'account-not-found': '没有这个账号',
  'session-not-found': '没有这个登录会话（可能已结束）',
};

function refused(refusal: AccountRefusal): never {
  throw new CliError(REFUSALS[refusal.code] ?? refusal.code);
}

/** The account named by its username, with its agency. */
async function accountNamed(handle: DatabaseHandle, username: string) {
  const account = await staffRepository(handle.db).findByUsername(username);
  if (!account)
    throw new CliError(`没有用户名为“${username}”的账号（可用 gongkai staff list --agency <机关> 查看）`);
  return account;
}

const actor = () => ({ id: 'cli', username: defaultActor() });

export const runStaffAdd =
  (io: CliIo) =>
  (options: {
    agency: string;
    username: string;
    name: string;
    role: string[];
    password?: string;
    database?: string;
  }) =>
    withDatabase(options.database, async (handle) => {
      const agency = await findAgency(handle, options.agency);
      if (!/^[A-Za-z0-9._-]{2,64}$/.test(options.username))
        throw new CliError(`用户名“${options.username}”无效`);
      const roles = options.role.length ? options.role : ['officer'];
      const unknown = roles.filter((r) => !isStaffRole(r));
      if (unknown.length) throw new CliError(`不认识的角色：${unknown.join('、')}；应为 ${ROLE_LIST}`);
      const input = {
        agencyId: agency.id,
        username: options.username,
        displayName: options.name,
        roles: roles as StaffRole[],
      };
      if (options.password === undefined) {
        const created = await accountsOf(handle).create(actor(), input);
        if (!created.ok) refused(created.error);
        io.err(
          `已添加 ${agency.name} 的工作人员 ${options.username}（${roles.join('、')}）；一次性密码如下，首次登录须修改`,
        );
        io.out(`${created.value.password}\n`);
        return;
      }
      const weak = checkPassword(options.password, input, COMMON_PASSWORDS);
      if (weak) throw new CliError(PASSWORD_REFUSAL_MESSAGES[weak.code]);
      const repository = staffRepository(handle.db);
      if (await repository.findByUsername(options.username))
        throw new CliError(`用户名“${options.username}”已被使用`);
      const account = await repository.create(
        { ...input, password: options.password },
        new Date().toISOString(),
      );
      await appendAudit(handle.db, {
        at: new Date().toISOString(),
        actor: defaultActor(),
        action: 'staff.created',
        agencyId: agency.id,
        subject: `staff:${account.username}`,
        detail: { roles },
      });
      io.err(`已添加 ${agency.name} 的工作人员 ${options.username}（${roles.join('、')}）`);
    });

export const runStaffList = (io: CliIo) => (options: { agency: string; database?: string }) =>
  withDatabase(options.database, async (handle) => {
    const agency = await findAgency(handle, options.agency);
    for (const a of await accountsOf(handle).list(agency.id)) {
      const state = a.disabled
        ? '已停用'
        : a.lockedUntil
          ? `已锁定至 ${a.lockedUntil}`
          : a.mustChangePassword
            ? '待修改密码'
            : '正常';
      io.out(`${a.username}\t${a.displayName}\t${a.roles.join(',')}\t${state}\n`);
    }
  });

export const runStaffResetPassword = (io: CliIo) => (options: { username: string; database?: string }) =>
  withDatabase(options.database, async (handle) => {
    const account = await accountNamed(handle, options.username);
    const reset = await accountsOf(handle).resetPassword(actor(), account.agencyId, account.id);
    if (!reset.ok) refused(reset.error);
    io.err(`已重置 ${account.username} 的密码；一次性密码如下，登录后须修改`);
    io.out(`${reset.value.password}\n`);
  });

export const runStaffEnableOrDisable =
  (io: CliIo, disabled: boolean, done: string) => (options: { username: string; database?: string }) =>
    withDatabase(options.database, async (handle) => {
      const account = await accountNamed(handle, options.username);
      const changed = await accountsOf(handle).setDisabled(actor(), account.agencyId, account.id, disabled);
      if (!changed.ok) refused(changed.error);
      io.err(`${done}账号 ${account.username}`);
    });

export const runStaffSessions = (io: CliIo) => (options: { username: string; database?: string }) =>
  withDatabase(options.database, async (handle) => {
    const account = await accountNamed(handle, options.username);
    for (const s of await accountsOf(handle).sessionsOf(account.id))
      io.out(`${s.id}\t${s.createdAt}\t${s.expiresAt}\t${s.ip ?? ''}\t${s.userAgent ?? ''}\n`);
  });

export const runStaffEndSessions =
  (io: CliIo) => (options: { username: string; session?: string; database?: string }) =>
    withDatabase(options.database, async (handle) => {
      const account = await accountNamed(handle, options.username);
      const ended = await accountsOf(handle).endSessionsOfAccount(
        actor(),
        account.agencyId,
        account.id,
        options.session,
      );
      if (!ended.ok) refused(ended.error);
      io.err(`已结束 ${account.username} 的 ${ended.value.ended} 个登录会话`);
    });
