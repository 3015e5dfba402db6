/**
 * The actions of audit-log-commands.ts, loaded only when one of its commands runs:
 * `gongkai audit-log verify`: walks the hash chain of the audit log and says where it breaks.
 */
import { describeAnchorProblems, verifyRecords } from '../verify-records.ts';
import { withDatabase } from './database-context.ts';
import { CliError, EXIT } from './output.ts';
import type { CliIo } from './report-commands.ts';

const REASONS = {
  'content-changed': '该条内容与其哈希不符（被改动过）',
  'link-broken': '该条与上一条的链接断开（其前有条目被删除或插入）',
} as const;

export const runVerify = (io: CliIo) => (options: { expectHead?: string; database?: string }) =>
  withDatabase(options.database, async (handle) => {
    if (options.expectHead !== undefined && !/^[0-9a-f]{64}$/.test(options.expectHead))
      throw new CliError('--expect-head 应为 64 位十六进制哈希');
    const verification = await verifyRecords(handle.db, {
      ...(options.expectHead ? { expectHead: options.expectHead } : {}),
    });
    const result = verification.chain;
    if (!result.ok)
      throw new CliError(
        `审计日志在第 ${result.seq} 条处断开：${REASONS[result.reason]}；此前 ${result.entries} 条完好`,
        EXIT.checkErrors,
      );
    if (result.expectedHeadFound === false)
      throw new CliError(
        `审计日志共 ${result.entries} 条，链条完整，但其中没有以前记下的末条哈希 ${options.expectHead}：日志可能被整体改写或截断`,
        EXIT.checkErrors,
      );
    const problems = describeAnchorProblems(verification);
    if (problems.length > 0)
      throw new CliError(
        `审计日志的链条完整，但它所记载的记录有 ${problems.length} 处不符${problems.length >= 50 ? '（只列出前 50 处）' : ''}：\n${problems.join('\n')}`,
        EXIT.checkErrors,
      );
    io.out(`${result.head}\n`);
    io.err(
      `审计日志完整：共 ${result.entries} 条，末条哈希如上${result.expectedHeadFound ? '（含以前记下的末条）' : ''}；` +
        `申请办理记录 ${verification.caseEvents.checked} 项、文件审查步骤 ${verification.documentSteps.checked} 项与日志相符`,
    );
  });
