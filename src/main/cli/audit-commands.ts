/** `gongkai audit <files…> [--json]`: read published reports and check their tables. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  auditReportFile,
  extractRefusalMessage,
  type ReportAudit,
} from '../../features/report-import/use-cases/audit-report.ts';
import { CliError, EXIT, printChecks } from './output.ts';
import type { CliIo } from './report-commands.ts';
import { runAuditBatch } from './audit-batch-command.ts';

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new CliError(`无法读取 ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function auditFile(path: string, previous?: string): Promise<ReportAudit> {
  const bytes = await readBytes(path);
  const before = previous ? { fileName: previous, bytes: await readBytes(previous) } : undefined;
  const audit = await auditReportFile(path, bytes, before);
  if (!audit.ok) throw new CliError(`${path}：${extractRefusalMessage(audit.error)}`);
  return audit.value;
}

function printAudit(path: string, audit: ReportAudit, write: (line: string) => void): void {
  const r = audit.reading;
  write(`${path}`);
  write(
    `  机关：${r.agency ?? '（未写明）'}  年度：${r.year ?? '（未写明）'}  格式：${r.format ?? '无法识别'}`,
  );
  const total = Object.keys(r.cells).length + r.unread.length;
  write(`  读出 ${Object.keys(r.cells).length}/${total} 个单元格`);
  if (r.unread.length)
    write(
      `  未能读出：${r.unread.slice(0, 12).join('、')}${r.unread.length > 12 ? ` 等 ${r.unread.length} 个` : ''}`,
    );
  for (const problem of r.problems) write(`  问题：${problem}`);
  if (audit.repeatedShare !== undefined)
    write(`  与上年报告相同的文字：${Math.round(audit.repeatedShare * 100)}%`);
  if (audit.checks.length) printChecks(audit.checks, false, (line) => write(`  ${line}`));
}

export function registerAuditCommands(program: Command, io: CliIo): void {
  program
    .command('audit')
    .description('读取已发布的年度报告（TXT、HTML、DOCX、PDF、XLSX），核对表格的勾稽关系')
    .argument('[files...]', '年度报告文件')
    .option('--json', '输出每份报告的 JSON（cells、sources、unread、checks）')
    .option('--previous <file>', '上一年度的报告：核对结转（R6、R7），并计算与上年相同的文字比例')
    .option('--batch <folder>', '批量核查一个文件夹（或每行一个路径的清单）中的全部报告；可中断后继续')
    .option('--out <file>', '批量核查的结果文件（.csv 或 .xlsx），每份报告一行')
    .option('--summary <file>', '批量核查的汇总页（HTML，含各规则未通过次数的图）')
    .action(
      async (
        files: string[],
        options: { json?: boolean; previous?: string; batch?: string; out?: string; summary?: string },
      ) => {
        if (options.batch) return runAuditBatch(options.batch, options, io);
        if (files.length === 0) throw new CliError('请给出要核查的年度报告文件，或用 --batch 指定文件夹');
        const audits: Array<{ file: string; audit: ReportAudit }> = [];
        for (const file of files) audits.push({ file, audit: await auditFile(file, options.previous) });
        if (options.json) {
          const json = audits.map(({ file, audit }) => ({
            file,
            ...audit.reading,
            checks: audit.checks,
            stated: audit.stated,
            ...(audit.repeatedShare !== undefined ? { repeatedShare: audit.repeatedShare } : {}),
          }));
          io.out(`${JSON.stringify(files.length === 1 ? json[0] : json, null, 2)}\n`);
        } else for (const { file, audit } of audits) printAudit(file, audit, (line) => io.out(`${line}\n`));
        const failed = audits.some(({ audit }) =>
          audit.checks.some((c) => c.severity === 'error' && c.status === 'fail'),
        );
        const unreadable = audits.some(({ audit }) => Object.keys(audit.reading.cells).length === 0);
        io.exitCode = unreadable ? EXIT.badInput : failed ? EXIT.checkErrors : EXIT.ok;
      },
    );
}
