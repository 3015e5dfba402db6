/**
 * `gongkai season open | status` and `gongkai filing submit | correct | approve`: the reporting season
 * from the command line, for an installation run by scripts (a province's thousands of agencies).
 */
import type { Command } from 'commander';
import { systemClock } from '../../platform/clock.ts';
import { AGENCY_LEVELS } from '../../features/agencies/index.ts';
import { supervisionRefusalMessage } from '../../features/supervision/use-cases/refusal-messages.ts';
import { FILING_STATE_LABELS } from '../../features/supervision/domain/reporting-season.ts';
import type { SupervisionRefusal } from '../../features/supervision/use-cases/filing-service.ts';
import { databaseFiling } from '../database-filing.ts';
import { findAgency, withDatabase } from './database-context.ts';
import { CliError, EXIT } from './output.ts';
import { parseYear, type CliIo } from './report-commands.ts';

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

function refused(refusal: SupervisionRefusal): never {
  const details =
    refusal.code === 'report-has-errors'
      ? refusal.failures.map((f) => `\n  ✗ ${f.rule}：${f.message}（${f.cells.join('、')}）`).join('')
      : refusal.code === 'warnings-unexplained'
        ? refusal.warnings.map((w) => `\n  ! ${w.rule}：${w.message}`).join('')
        : '';
  throw new CliError(`${supervisionRefusalMessage(refusal)}${details}`, EXIT.checkErrors);
}

export function registerSeasonCommands(program: Command, io: CliIo): void {
  const clock = systemClock();
  const actor = (given: string | undefined) => given ?? `cli:${process.env.USER ?? 'unknown'}`;
  const season = program.command('season').description('年报报送：主管部门开启报送、查看进度');
  season
    .command('open')
    .description('开启某年度的报送，按层级设定内部截止日期（不设的层级按条例第四十九条）')
    .requiredOption('--agency <id|name>', '主管机关（其下级机关报送）')
    .requiredOption('--year <year>', '报告年度')
    .option('--deadline <level=date>', '某层级的截止日期，可重复', collectDeadline, {})
    .option('--actor <name>', '操作人（记入审计日志）')
    .option('--database <url>', '数据库')
    .action(
      (options: {
        agency: string;
        year: string;
        deadline: Record<string, string>;
        actor?: string;
        database?: string;
      }) =>
        withDatabase(options.database, async (handle) => {
          const agency = await findAgency(handle, options.agency);
          const opened = await databaseFiling(handle.db, clock).openSeason(
            agency.id,
            parseYear(options.year, 2019),
            options.deadline,
            actor(options.actor),
          );
          if (!opened.ok) refused(opened.error);
          io.err(`已开启 ${agency.name} ${opened.value.year} 年度的报送`);
        }),
    );
  season
    .command('status')
    .description('报送进度：每个下级机关的截止日期和状态（制表符分隔）')
    .requiredOption('--agency <id|name>', '主管机关')
    .requiredOption('--year <year>', '报告年度')
    .option('--database <url>', '数据库')
    .action((options: { agency: string; year: string; database?: string }) =>
      withDatabase(options.database, async (handle) => {
        const agency = await findAgency(handle, options.agency);
        const board = await databaseFiling(handle.db, clock).board(agency.id, parseYear(options.year, 2019));
        if (!board.ok) refused(board.error);
        for (const row of board.value.rows)
          io.out(
            `${row.agency.id}\t${row.agency.name}\t${row.deadline}\t${FILING_STATE_LABELS[row.state]}${row.version ? `\t第 ${row.version} 版 ${row.filedOn}` : ''}\n`,
          );
        const counts = board.value.counts;
        io.err(
          `共 ${board.value.rows.length} 个机关：${Object.entries(counts)
            .map(([state, n]) => `${FILING_STATE_LABELS[state as keyof typeof counts]} ${n}`)
            .join('，')}`,
        );
      }),
    );

  const filing = program.command('filing').description('年报报送：报送、申请更正、审批更正');
  filing
    .command('submit')
    .description('报送由记录生成（含下级已报送报告汇总）的年度报告；未通过必须通过的规则时拒绝')
    .requiredOption('--agency <id|name>', '机关')
    .requiredOption('--year <year>', '报告年度')
    .option('--explain <rule=text>', '警告的说明，可重复', collectExplanation, {})
    .option('--actor <name>', '报送人（记入审计日志）')
    .option('--database <url>', '数据库')
    .action(
      (options: {
        agency: string;
        year: string;
        explain: Record<string, string>;
        actor?: string;
        database?: string;
      }) =>
        withDatabase(options.database, async (handle) => {
          const agency = await findAgency(handle, options.agency);
          const filed = await databaseFiling(handle.db, clock).fileFromRecords(
            agency.id,
            parseYear(options.year, 2019),
            options.explain,
            actor(options.actor),
          );
          if (!filed.ok) refused(filed.error);
          io.err(
            `已报送 ${agency.name} ${filed.value.year} 年度报告第 ${filed.value.version} 版；该年度已锁定`,
          );
        }),
    );
  filing
    .command('correct')
    .description('对已报送的报告提出更正申请（须由他人批准）')
    .requiredOption('--agency <id|name>', '机关')
    .requiredOption('--year <year>', '报告年度')
    .requiredOption('--reason <text>', '更正理由')
    .option('--actor <name>', '申请人')
    .option('--database <url>', '数据库')
    .action((options: { agency: string; year: string; reason: string; actor?: string; database?: string }) =>
      withDatabase(options.database, async (handle) => {
        const agency = await findAgency(handle, options.agency);
        const requested = await databaseFiling(handle.db, clock).requestCorrection(
          agency.id,
          parseYear(options.year, 2019),
          options.reason,
          actor(options.actor),
        );
        if (!requested.ok) refused(requested.error);
        io.out(`${requested.value.id}\n`);
        io.err('已提出更正申请，待他人批准');
      }),
    );
  filing
    .command('approve <correction>')
    .description('批准（或以 --reject 驳回）更正申请；批准后该年度重新打开')
    .requiredOption('--agency <id|name>', '机关')
    .option('--reject', '驳回')
    .option('--actor <name>', '审批人')
    .option('--database <url>', '数据库')
    .action(
      (
        correction: string,
        options: { agency: string; reject?: boolean; actor?: string; database?: string },
      ) =>
        withDatabase(options.database, async (handle) => {
          const agency = await findAgency(handle, options.agency);
          const decided = await databaseFiling(handle.db, clock).decideCorrection(
            agency.id,
            correction,
            !options.reject,
            actor(options.actor),
          );
          if (!decided.ok) refused(decided.error);
          io.err(options.reject ? '已驳回' : `已批准：${decided.value.year} 年度已重新打开`);
        }),
    );
}
