/** `gongkai backup <file>` and `gongkai restore <file>`: a consistent copy of the database, and back. */
import type { Command } from 'commander';
import { lazyAction } from './output.ts';
import type { CliIo } from './report-commands.ts';

/** The command's actions, loaded when one runs. */
const load = () => import('./backup-actions.ts');

export function registerBackupCommands(program: Command, io: CliIo): void {
  program
    .command('backup <file>')
    .description('备份数据库：SQLite 为运行中也一致的在线副本，PostgreSQL 为 pg_dump（自定义格式）')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runBackup', io));
  program
    .command('restore <file>')
    .description('从备份恢复数据库；恢复后核对审计日志的哈希链')
    .option('--database <url>', '数据库')
    .option('--force', '替换现有的 SQLite 数据库文件（请先停止服务）')
    .action(lazyAction(load, 'runRestore', io));
}
