/** `gongkai report build | check | explain`. */
import type { Command } from 'commander';
import { lazyAction } from './output.ts';
import { Option } from 'commander';
import { EXPORT_FORMATS } from '../../features/annual-report/export/export-formats.ts';
import { CliError } from './output.ts';

/** The command's actions, loaded when one runs. */
const load = () => import('./report-actions.ts');

export interface CliIo {
  readonly out: (text: string | Buffer) => void;
  readonly err: (line: string) => void;
  exitCode: number;
}

export function parseYear(value: string, from = 2008): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < from || year > 2100)
    throw new CliError(`年度“${value}”无效：应为四位数年份，如 2024`);
  return year;
}

const countingOption = () =>
  new Option(
    '--t4-counting <mode>',
    '表四的统计口径：filed-in-year（本年立案，按年底状态）或 decided-or-pending（本年审结加年底未结）',
  )
    .choices(['filed-in-year', 'decided-or-pending'])
    .default('filed-in-year');

function ledgerOptions(command: Command): Command {
  return command
    .option('--requests <file>', '依申请公开台账（CSV 或 XLSX）')
    .option('--reviews <file>', '行政复议、行政诉讼台账（CSV 或 XLSX）')
    .option('--documents <file>', '规章和行政规范性文件目录（CSV 或 XLSX）')
    .option('--figures <file>', '表二数据（JSON：licensing、penalty、coercion、admin_fees_wan）')
    .option(
      '--database <url>',
      '不提供台账文件时，从数据库读取该机关的记录（默认 DATABASE_URL 或 ./data/gongkai.db）',
    )
    .addOption(countingOption());
}

export function registerReportCommands(program: Command, io: CliIo): void {
  const report = program.command('report').description('年度报告：生成、检查、说明');
  ledgerOptions(
    report
      .command('build')
      .description('由台账生成年度报告（2021 年格式）')
      .requiredOption('--year <year>', '报告年度')
      .requiredOption('--agency <name>', '机关名称'),
  )
    .option('--previous <report.json>', '上年度报告 JSON，用于 R6、R7 检查')
    .addOption(new Option('--format <format>', '输出格式').choices([...EXPORT_FORMATS]).default('json'))
    .option('--out <file>', '输出文件（默认输出到标准输出）')
    .action(lazyAction(load, 'runReportBuild', io));
  report
    .command('check <report.json>')
    .description('对年度报告 JSON 运行全部勾稽关系检查；有错误时退出码为 1')
    .option('--previous <report.json>', '上年度报告 JSON，用于 R6、R7 检查')
    .option('--all', '列出全部检查，而不只是未通过的')
    .option('--json', '以 JSON 输出检查结果')
    .action(lazyAction(load, 'runReportCheck', io));
  ledgerOptions(
    report
      .command('explain')
      .description('列出某个单元格统计的记录编号')
      .requiredOption('--cell <id>', '单元格编号，如 t3.r3_1.natural')
      .requiredOption('--year <year>', '报告年度')
      .option('--agency <id|name>', '从数据库读取时：机关编号或名称'),
  ).action(lazyAction(load, 'runReportExplain', io));
}
