/** `gongkai db migrate`, `gongkai agency add|list`, `gongkai ledger import`. */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { lazyAction } from './output.ts';
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS } from '../../features/agencies/domain/agency.ts';
import type { CliIo } from './report-commands.ts';

/** The command's actions, loaded when one runs. */
const load = () => import('./database-actions.ts');

export function defaultActor(): string {
  return `cli:${userInfo().username}`;
}

export function registerDatabaseCommands(program: Command, io: CliIo): void {
  program
    .command('db')
    .description('数据库')
    .command('migrate')
    .description('把数据库结构升级到最新版本')
    .option('--database <url>', '数据库（SQLite 文件路径或 postgres:// 地址）')
    .action(lazyAction(load, 'runMigrate', io));

  const agency = program.command('agency').description('机关');
  agency
    .command('add')
    .description('添加机关')
    .requiredOption('--id <id>', '机关编号（小写字母、数字和连字符）')
    .requiredOption('--name <name>', '机关名称')
    .option('--parent <id>', '上级机关编号')
    .option('--jurisdiction <code>', '适用的节假日地区：CN（全国，默认）或如 CN-XZ（有地方节假日）', 'CN')
    .option(
      '--level <level>',
      `层级：${AGENCY_LEVELS.map((l) => `${l}（${AGENCY_LEVEL_LABELS[l]}）`).join('、')}`,
      'department',
    )
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runAgencyAdd', io));
  agency
    .command('list')
    .description('列出机关')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runAgencyList', io));

  program
    .command('ledger')
    .description('台账')
    .command('import')
    .description('把台账存入数据库（全部校验通过才写入，整体写入或全部不写）')
    .requiredOption('--agency <id|name>', '机关编号或名称')
    .requiredOption('--year <year>', '台账对应的报告年度（表二数据按此年度保存）')
    .option('--requests <file>', '依申请公开台账（CSV 或 XLSX）')
    .option('--reviews <file>', '行政复议、行政诉讼台账')
    .option('--documents <file>', '规章和行政规范性文件目录')
    .option('--figures <file>', '表二数据（JSON）')
    .option('--actor <name>', '操作人（写入审计日志）', defaultActor())
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runAgencyImport', io));
}
