/**
 * `gongkai season open | status` and `gongkai filing submit | correct | approve`: the reporting season
 * from the command line, for an installation run by scripts (a province's thousands of agencies).
 */
import type { Command } from 'commander';
import { lazyAction } from './output.ts';
import { AGENCY_LEVELS } from '../../features/agencies/domain/agency.ts';
import { CliError } from './output.ts';
import { type CliIo } from './report-commands.ts';

/** The command's actions, loaded when one runs. */
const load = () => import('./season-actions.ts');

/** `--deadline department=2027-01-26` (repeatable). */
function collectDeadline(value: string, previous: Record<string, string>): Record<string, string> {
  const [level, date] = value.split('=');
  if (!level || !date)
    throw new CliError(`截止日期“${value}”应写成 层级=YYYY-MM-DD，层级为 ${AGENCY_LEVELS.join('、')}`);
  return { ...previous, [level]: date };
}

/** `--explain R8.received=说明` (repeatable). */
function collectExplanation(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new CliError(`说明“${value}”应写成 规则=说明，如 R8.received=……`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function registerSeasonCommands(program: Command, io: CliIo): void {
  const season = program.command('season').description('年报报送：主管部门开启报送、查看进度');
  season
    .command('open')
    .description('开启某年度的报送，按层级设定内部截止日期（不设的层级按条例第四十九条）')
    .requiredOption('--agency <id|name>', '主管机关（其下级机关报送）')
    .requiredOption('--year <year>', '报告年度')
    .option('--deadline <level=date>', '某层级的截止日期，可重复', collectDeadline, {})
    .option('--actor <name>', '操作人（记入审计日志）')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runSeasonOpen', io));
  season
    .command('status')
    .description('报送进度：每个下级机关的截止日期和状态（制表符分隔）')
    .requiredOption('--agency <id|name>', '主管机关')
    .requiredOption('--year <year>', '报告年度')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runSeasonStatus', io));

  const filing = program.command('filing').description('年报报送：报送、申请更正、审批更正');
  filing
    .command('submit')
    .description('报送由记录生成（含下级已报送报告汇总）的年度报告；未通过必须通过的规则时拒绝')
    .requiredOption('--agency <id|name>', '机关')
    .requiredOption('--year <year>', '报告年度')
    .option('--explain <rule=text>', '警告的说明，可重复（只用于 --agency 所指机关）', collectExplanation, {})
    .option('--with-below', '连同全部下级机关一并报送：自下而上逐级，已报送的不动，不能报送的列出原因')
    .option('--actor <name>', '报送人（记入审计日志）')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runFilingSubmit', io));
  filing
    .command('correct')
    .description('对已报送的报告提出更正申请（须由他人批准）')
    .requiredOption('--agency <id|name>', '机关')
    .requiredOption('--year <year>', '报告年度')
    .requiredOption('--reason <text>', '更正理由')
    .option('--actor <name>', '申请人')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runFilingCorrect', io));
  filing
    .command('approve <correction>')
    .description('批准（或以 --reject 驳回）更正申请；批准后该年度重新打开')
    .requiredOption('--agency <id|name>', '机关')
    .option('--reject', '驳回')
    .option('--actor <name>', '审批人')
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runFilingApprove', io));
}
