/**
 * The actions of backup-commands.ts, loaded only when one of its commands runs:
 * `gongkai backup <file>` and `gongkai restore <file>`: a consistent copy of the database, and back.
 */
import { BackupFailure, backupDatabase, restoreDatabase } from '../../platform/db/backup.ts';
import { migrateToLatest, openDatabase, schemaOf } from '../../platform/db/database.ts';
import { verifyAuditLog } from '../../platform/audit/audit-log.ts';
import { databaseUrl } from './database-context.ts';
import { CliError } from './output.ts';
import type { CliIo } from './report-commands.ts';

function explain(error: unknown): never {
  if (!(error instanceof BackupFailure)) throw error;
  const e = error.error;
  switch (e.code) {
    case 'not-found':
      throw new CliError(`没有文件 ${e.path}`);
    case 'target-exists':
      throw new CliError(`${e.path} 已存在：不会覆盖（恢复到现有 SQLite 数据库请先停止服务，再加 --force）`);
    case 'not-a-backup':
      throw new CliError(
        `${e.path} 不是 ${e.expected === 'sqlite' ? 'gongkai 的 SQLite ' : 'pg_dump 自定义格式的'}备份`,
      );
    case 'tool-failed':
      throw new CliError(`${e.tool} 失败：${e.message}`);
    case 'archive-damaged':
      throw new CliError(
        `${e.path} 不完整或已损坏（pg_restore 读不完它：${e.message}），数据库未做任何改动。请从更早的备份恢复。`,
      );
    case 'corrupt':
      throw new CliError(
        `${e.path} 已损坏（SQLite 自检未通过），未做任何改动：\n${e.problems.slice(0, 5).join('\n')}\n请从更早的备份恢复。`,
      );
  }
}

export const runBackup = (io: CliIo) => async (file: string, options: { database?: string }) => {
  const url = databaseUrl(options.database);
  const bytes = await backupDatabase(url, file).catch(explain);
  io.err(`已备份到 ${file}（${(bytes / 1024 / 1024).toFixed(1)} MB）`);
};

export const runRestore =
  (io: CliIo) => async (file: string, options: { database?: string; force?: boolean }) => {
    const url = databaseUrl(options.database);
    await restoreDatabase(file, url, { force: options.force ?? false }).catch(explain);
    const handle = openDatabase(url);
    try {
      await migrateToLatest(handle.db, { schema: schemaOf(handle.url) });
      const chain = await verifyAuditLog(handle.db);
      if (!chain.ok) throw new CliError(`已恢复，但审计日志在第 ${chain.seq} 条处断开`);
      io.err(`已从 ${file} 恢复；审计日志完整（${chain.entries} 条）`);
    } finally {
      await handle.close();
    }
  };
