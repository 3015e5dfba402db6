/**
 * The actions of audit-commands.ts, loaded only when one of its commands runs:
 * `gongkai audit <files…> [--json]`: read published reports and check their tables.
 */
import { readFile } from 'node:fs/promises';
import {
  auditReportFile,
  extractRefusalMessage,
  type ReportAudit,
} from '../../features/report-import/use-cases/audit-report.ts';
import { CliError, EXIT, printChecks } from './output.ts';
import type { CliIo } from './report-commands.ts';
import { runAuditBatch } from './audit-batch-command.ts';
import { compareWithChildren } from '../../features/report-import/domain/compare-with-children.ts';

async function compareFamily(
  parentPath: string,
  children: string[],
  expectPath: string | undefined,
  io: CliIo,
) {
  const parent = (await auditFile(parentPath)).reading;
  if (!parent.format) throw new CliError(`${parentPath}：看不出是哪一种年度报告格式`);
  const readings = [];
  for (const child of children) readings.push({ file: child, reading: (await auditFile(child)).reading });
  const expected = expectPath
    ? (await readFile(expectPath, 'utf8'))
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  const result = compareWithChildren(
    { format: parent.format, cells: parent.cells },
    readings.map(({ file, reading }) => ({
      name: reading.agency ?? file,
      format: reading.format,
      cells: reading.cells,
    })),
    expected,
  );
  const write = (line: string) => io.out(`${line}\n`);
  write(`上级报告：${parent.agency ?? parentPath}，下级报告 ${children.length} 份`);
  for (const d of result.exceeded) write(`  ✗ ${d.cell}：下级合计 ${d.children}，超过上级的 ${d.parent}`);
  for (const d of result.parentLarger)
    write(
      `  · ${d.cell}：上级 ${d.parent}，下级合计 ${d.children}（差 ${d.parent - d.children}，为上级本级数或缺报）`,
    );
  for (const name of result.missing) write(`  缺少下级报告：${name}`);
  for (const name of result.otherFormat) write(`  格式不同、未计入：${name}`);
  if (result.incomplete.length) write(`  无法比较的单元格：${result.incomplete.length} 个`);
  write(`下级合计超过上级的单元格 ${result.exceeded.length} 个`);
  io.exitCode = result.exceeded.length > 0 || result.missing.length > 0 ? EXIT.checkErrors : EXIT.ok;
}

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
  const ambiguous = Object.entries(r.ambiguous);
  if (ambiguous.length)
    write(
      `  其中有几种可能：${ambiguous
        .slice(0, 6)
        .map(([cell, values]) => `${cell}（${values.join('/')}）`)
        .join('、')}${ambiguous.length > 6 ? ` 等 ${ambiguous.length} 个` : ''}`,
    );
  for (const problem of r.problems) write(`  问题：${problem}`);
  if (audit.repeatedShare !== undefined)
    write(`  与上年报告相同的文字：${Math.round(audit.repeatedShare * 100)}%`);
  if (audit.checks.length) printChecks(audit.checks, false, (line) => write(`  ${line}`));
}

export const runAudit =
  (io: CliIo) =>
  async (
    files: string[],
    options: {
      json?: boolean;
      previous?: string;
      batch?: string;
      out?: string;
      summary?: string;
      parent?: string;
      expectChildren?: string;
    },
  ) => {
    if (options.batch) return runAuditBatch(options.batch, options, io);
    if (options.parent) return compareFamily(options.parent, files, options.expectChildren, io);
    if (files.length === 0) throw new CliError('请给出要核查的年度报告文件，或用 --batch 指定文件夹');
    const audits: Array<{ file: string; audit: ReportAudit }> = [];
    for (const file of files) audits.push({ file, audit: await auditFile(file, options.previous) });
    if (options.json) {
      // Per cell one of three: read (`cells`, with its evidence in `sources`), more than one reading
      // possible (`ambiguous`, with the candidates), or not read at all (`unread`).
      const json = audits.map(({ file, audit }) => ({
        file,
        ...audit.reading,
        unread: audit.reading.unread.filter((cell) => !(cell in audit.reading.ambiguous)),
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
  };
