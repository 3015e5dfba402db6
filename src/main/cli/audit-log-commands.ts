/** `gongkai audit-log verify`: walks the hash chain of the audit log and says where it breaks. */
import type { Command } from 'commander';
import { lazyAction } from './output.ts';
import type { CliIo } from './report-commands.ts';

/** The command's actions, loaded when one runs. */
const load = () => import('./audit-log-actions.ts');

export function registerAuditLogCommands(program: Command, io: CliIo): void {
  program
    .command('audit-log')
    .description('审计日志')
    .command('verify')
    .description(
      '逐条核对审计日志的哈希链，以及它所记载的每一项申请办理记录和文件审查步骤；打印末条哈希，可另行保存，下次用 --expect-head 核对',
    )
    .option('--expect-head <hash>', '以前记下的末条哈希：须仍在链中（否则日志被整体改写或截断）')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runVerify', io));
}
