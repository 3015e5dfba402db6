/**
 * `gongkai staff …`: staff accounts from the command line, for the first administrator and for when
 * no one can sign in — add, list, reset a password, disable and enable, list and end sessions. Every
 * step is written to the audit log with the operating system user as the actor.
 */
import type { Command } from 'commander';
import { lazyAction } from './output.ts';
import { STAFF_ROLES } from '../../features/agencies/domain/staff-role.ts';
import type { CliIo } from './report-commands.ts';

/** The command's actions, loaded when one runs. */
const load = () => import('./staff-actions.ts');

const ROLE_LIST = STAFF_ROLES.join('、');

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
    .action(lazyAction(load, 'runStaffAdd', io));

  staff
    .command('list')
    .description('列出一个机关的账号：用户名、姓名、角色、状态')
    .requiredOption('--agency <id|name>', '机关')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runStaffList', io));

  staff
    .command('reset-password')
    .description('重置密码：生成一次性密码并显示一次，该账号的登录会话全部结束，下次登录须修改')
    .requiredOption('--username <name>', '用户名')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runStaffResetPassword', io));

  for (const [name, disabled, done] of [
    ['disable', true, '已停用'],
    ['enable', false, '已启用'],
  ] as const)
    staff
      .command(name)
      .description(disabled ? '停用账号（登录会话全部结束）' : '启用账号（并解除登录失败的锁定）')
      .requiredOption('--username <name>', '用户名')
      .option('--database <url>', '数据库')
      .action(async (options: { username: string; database?: string }) =>
        (await load()).runStaffEnableOrDisable(io, disabled, done)(options),
      );

  staff
    .command('sessions')
    .description('列出一个账号未过期的登录会话：编号、开始时间、到期时间、来源地址、浏览器')
    .requiredOption('--username <name>', '用户名')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runStaffSessions', io));

  staff
    .command('end-sessions')
    .description('结束一个账号的登录会话：全部，或 --session 指定的一个')
    .requiredOption('--username <name>', '用户名')
    .option('--session <id>', '会话编号（staff sessions 列出的第一列）')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runStaffEndSessions', io));
}
