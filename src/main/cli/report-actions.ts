/**
 * The actions of report-commands.ts, loaded only when one of its commands runs:
 * `gongkai report build | check | explain`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import {
  buildLedgerReport,
  buildStoredReport,
  explainStoredCell,
  checkConsistency,
  explainLedgerCell,
  hasErrors,
  isExportFormat,
  parseReportJson,
  renderReport,
  EXPORT_FORMATS,
  type AnnualReport,
  type ProceedingCounting,
} from './imports.ts';
import { CliError, EXIT, printChecks, printProblems } from './output.ts';
import { findAgency, withDatabase } from './database-context.ts';
import { databaseFactSource } from '../database-fact-source.ts';
import { parseYear, type CliIo } from './report-commands.ts';

async function readReportFile(path: string): Promise<Omit<AnnualReport, 'checks'>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `无法读取 ${path}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const parsed = parseReportJson(text);
  if (!parsed.ok) throw new CliError(`${path} 不是有效的年度报告 JSON：\n  ${parsed.problems.join('\n  ')}`);
  return parsed.report;
}

interface BuildOptions {
  year: string;
  agency: string;
  requests?: string;
  reviews?: string;
  documents?: string;
  figures?: string;
  previous?: string;
  format: string;
  out?: string;
  database?: string;
  t4Counting: ProceedingCounting;
}

function ledgerFiles(options: BuildOptions) {
  return {
    requests: options.requests,
    reviews: options.reviews,
    documents: options.documents,
    figures: options.figures,
  };
}

function hasLedgerFiles(options: BuildOptions): boolean {
  return Object.values(ledgerFiles(options)).some(Boolean);
}

/** The report from ledger files when any is given, otherwise from the agency's records in the database. */
async function buildFromSource(
  options: BuildOptions,
  year: number,
  previous: Omit<AnnualReport, 'checks'> | undefined,
  io: CliIo,
): Promise<AnnualReport> {
  if (!hasLedgerFiles(options)) {
    return withDatabase(options.database, async (handle) => {
      const agency = await findAgency(handle, options.agency);
      return buildStoredReport(databaseFactSource(handle.db), {
        agencyId: agency.id,
        agencyName: agency.name,
        year,
        counting: options.t4Counting,
        ...(previous ? { previous } : {}),
      });
    });
  }
  const result = await buildLedgerReport({
    files: ledgerFiles(options),
    year,
    agencyName: options.agency,
    counting: options.t4Counting,
    ...(previous ? { previous } : {}),
  });
  if (!result.ok) {
    printProblems(result.problems, io.err);
    throw new CliError(
      `台账有 ${result.problems.filter((p) => p.severity === 'error').length} 处错误，未生成报告，也未写入任何文件`,
    );
  }
  printProblems(result.warnings, io.err);
  return result.report;
}

async function build(options: BuildOptions, io: CliIo): Promise<void> {
  const year = parseYear(options.year);
  if (!isExportFormat(options.format))
    throw new CliError(`不支持的格式“${options.format}”：应为 ${EXPORT_FORMATS.join('、')}`);
  if (['xlsx', 'docx', 'pdf'].includes(options.format) && !options.out)
    throw new CliError(`${options.format.toUpperCase()} 是二进制文件，请用 --out 指定输出文件`);
  const previous = options.previous ? await readReportFile(options.previous) : undefined;
  const report = await buildFromSource(options, year, previous, io);
  const bytes = await renderReport(report, options.format);
  if (options.out) {
    await writeFile(options.out, bytes);
    io.err(`已写入 ${options.out}`);
  } else io.out(bytes);
  printChecks(report.checks, false, io.err);
  if (hasErrors(report.checks)) io.exitCode = EXIT.checkErrors;
}

async function check(
  file: string,
  options: { previous?: string; all?: boolean; json?: boolean },
  io: CliIo,
): Promise<void> {
  const report = await readReportFile(file);
  const previous = options.previous ? await readReportFile(options.previous) : undefined;
  const checks = checkConsistency(report, previous ? { previous } : {});
  if (options.json) io.out(JSON.stringify(checks, null, 2) + '\n');
  else printChecks(checks, Boolean(options.all), (line) => io.out(line + '\n'));
  if (hasErrors(checks)) io.exitCode = EXIT.checkErrors;
}

async function explainCell(options: BuildOptions & { cell: string }, year: number) {
  if (hasLedgerFiles(options))
    return explainLedgerCell(ledgerFiles(options), year, options.cell, options.t4Counting);
  if (!options.agency) throw new CliError('请提供台账文件，或用 --agency 指定数据库中的机关');
  return withDatabase(options.database, async (handle) => {
    const agency = await findAgency(handle, options.agency);
    return explainStoredCell(
      databaseFactSource(handle.db),
      agency.id,
      year,
      options.cell,
      options.t4Counting,
    );
  });
}

async function explain(options: BuildOptions & { cell: string }, io: CliIo): Promise<void> {
  const year = parseYear(options.year);
  const result = await explainCell(options, year);
  if (!result.ok && result.code === 'unknown-cell')
    throw new CliError(`“${options.cell}”不是 2021 年格式的单元格编号（如 t3.r1.natural、t4.review.total）`);
  if (!result.ok) {
    printProblems(result.problems, io.err);
    throw new CliError('台账有错误，无法说明该单元格');
  }
  if (result.source === 'figures') io.err(`${result.cell} 是机关填报的数字，没有逐条记录`);
  else io.err(`${result.cell} = ${result.recordIds.length}，来自以下 ${result.recordIds.length} 条记录：`);
  for (const id of result.recordIds) io.out(`${id}\n`);
}

export const runReportBuild = (io: CliIo) => (options: BuildOptions) => build(options, io);

export const runReportCheck =
  (io: CliIo) => (file: string, options: { previous?: string; all?: boolean; json?: boolean }) =>
    check(file, options, io);

export const runReportExplain = (io: CliIo) => (options: BuildOptions & { cell: string }) =>
  explain(options, io);
