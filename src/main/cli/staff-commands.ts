/**
 * `gongkai staff …`: staff accounts from the command line, for the first administrator and for when
 * no one can sign in — add, list, reset a password, disable and enable, list and end sessions. Every
 * step is written to the audit log with the operating system user as the actor.
 */
import type { Command } from 'commander';
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

export function registerStaffCommands(program: Command, io: CliIo): void {
  const staff = program.command('staff').description('工作人员账号');
  staff
    .command('add')
    .description('添加工作人员账号；不指定密码时生成一个一次性密码并显示一次（首次登录须修改）')
    .requiredOption('--agency <id|name>', '所属机关（可办理本机关及下级机关的事项）')
    .requiredOption('--username <name>', '用户名（字母、数字、点、下划线、连字符）')
    .requiredOption('--name <display>', '姓名')
    .option(
      '--role <role>',
      `角色：${ROLE_LIST}（可重复）`,
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      '--password <password>',
      '密码（至少 12 个字符，含大写字母、小写字母、数字、符号中的三种，不是常用密码）',
    )
    .option('--database <url>', '数据库')
    .action(
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
        }),
    );

  staff
    .command('list')
    .description('列出一个机关的账号：用户名、姓名、角色、状态')
    .requiredOption('--agency <id|name>', '机关')
    .option('--database <url>', '数据库')
    .action((options: { agency: string; database?: string }) =>
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
      }),
    );

  staff
    .command('reset-password')
    .description('重置密码：生成一次性密码并显示一次，该账号的登录会话全部结束，下次登录须修改')
    .requiredOption('--username <name>', '用户名')
    .option('--database <url>', '数据库')
    .action((options: { username: string; database?: string }) =>
      withDatabase(options.database, async (handle) => {
        const account = await accountNamed(handle, options.username);
        const reset = await accountsOf(handle).resetPassword(actor(), account.agencyId, account.id);
        if (!reset.ok) refused(reset.error);
        io.err(`已重置 ${account.username} 的密码；一次性密码如下，登录后须修改`);
        io.out(`${reset.value.password}\n`);
      }),
    );

  for (const [name, disabled, done] of [
    ['disable', true, '已停用'],
    ['enable', false, '已启用'],
  ] as const)
    staff
      .command(name)
      .description(disabled ? '停用账号（登录会话全部结束）' : '启用账号（并解除登录失败的锁定）')
      .requiredOption('--username <name>', '用户名')
      .option('--database <url>', '数据库')
      .action((options: { username: string; database?: string }) =>
        withDatabase(options.database, async (handle) => {
          const account = await accountNamed(handle, options.username);
          const changed = await accountsOf(handle).setDisabled(
            actor(),
            account.agencyId,
            account.id,
            disabled,
          );
          if (!changed.ok) refused(changed.error);
          io.err(`${done}账号 ${account.username}`);
        }),
      );

  staff
    .command('sessions')
    .description('列出一个账号未过期的登录会话：编号、开始时间、到期时间、来源地址、浏览器')
    .requiredOption('--username <name>', '用户名')
    .option('--database <url>', '数据库')
    .action((options: { username: string; database?: string }) =>
      withDatabase(options.database, async (handle) => {
        const account = await accountNamed(handle, options.username);
        for (const s of await accountsOf(handle).sessionsOf(account.id))
          io.out(`${s.id}\t${s.createdAt}\t${s.expiresAt}\t${s.ip ?? ''}\t${s.userAgent ?? ''}\n`);
      }),
    );

  staff
    .command('end-sessions')
    .description('结束一个账号的登录会话：全部，或 --session 指定的一个')
    .requiredOption('--username <name>', '用户名')
    .option('--session <id>', '会话编号（staff sessions 列出的第一列）')
    .option('--database <url>', '数据库')
    .action((options: { username: string; session?: string; database?: string }) =>
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
      }),
    );
}
