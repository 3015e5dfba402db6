/**
 * The actions of season-commands.ts, loaded only when one of its commands runs.
 *
 * `gongkai season open | status` and `gongkai filing submit | correct | approve`: the reporting season
 * from the command line, for an installation run by scripts (a province's thousands of agencies).
 */
import { systemClock } from '../../platform/clock.ts';
import { supervisionRefusalMessage } from '../../features/supervision/use-cases/refusal-messages.ts';
import { FILING_STATE_LABELS } from '../../features/supervision/domain/reporting-season.ts';
import type { SupervisionRefusal } from '../../features/supervision/use-cases/filing-service.ts';
import { databaseFiling } from '../database-filing.ts';
import { findAgency, withDatabase } from './database-context.ts';
import { CliError, EXIT } from './output.ts';
import { parseYear, type CliIo } from './report-commands.ts';

const clock = systemClock();
const actor = (given: string | undefined) => given ?? `cli:${process.env.USER ?? 'unknown'}`;

function refused(refusal: SupervisionRefusal): never {
  const details =
    refusal.code === 'report-has-errors'
      ? refusal.failures.map((f) => `\n  ✗ ${f.rule}：${f.message}（${f.cells.join('、')}）`).join('')
      : refusal.code === 'warnings-unexplained'
        ? refusal.warnings.map((w) => `\n  ! ${w.rule}：${w.message}`).join('')
        : '';
  throw new CliError(`${supervisionRefusalMessage(refusal)}${details}`, EXIT.checkErrors);
}

export const runSeasonOpen =
  (io: CliIo) =>
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
    });

export const runSeasonStatus =
  (io: CliIo) => (options: { agency: string; year: string; database?: string }) =>
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
    });

export const runFilingSubmit =
  (io: CliIo) =>
  (options: {
    agency: string;
    year: string;
    explain: Record<string, string>;
    withBelow?: boolean;
    actor?: string;
    database?: string;
  }) =>
    withDatabase(options.database, async (handle) => {
      const agency = await findAgency(handle, options.agency);
      const filing = databaseFiling(handle.db, clock);
      const year = parseYear(options.year, 2019);
      if (options.withBelow) {
        const tree = await filing.fileWithBelow(agency.id, year, actor(options.actor), {
          [agency.id]: options.explain,
        });
        if (!tree.ok) refused(tree.error);
        const { filed, alreadyFiled, refused: refusals } = tree.value;
        for (const { agency: below, refusal } of refusals)
          io.out(`${below.id}\t${below.name}\t未报送\t${supervisionRefusalMessage(refusal)}\n`);
        const consolidated = filed.filter((f) => f.origin === 'consolidation').length;
        io.err(
          `${agency.name}及其下级：本次报送 ${filed.length} 个机关的 ${year} 年度报告（其中汇总 ${consolidated} 个），` +
            `此前已报送 ${alreadyFiled.length} 个，未能报送 ${refusals.length} 个`,
        );
        if (refusals.length > 0)
          throw new CliError('有机关未能报送，原因见上（每行：机关、名称、原因）', EXIT.checkErrors);
        return;
      }
      const filed = await filing.fileFromRecords(agency.id, year, options.explain, actor(options.actor));
      if (!filed.ok) refused(filed.error);
      io.err(`已报送 ${agency.name} ${filed.value.year} 年度报告第 ${filed.value.version} 版；该年度已锁定`);
    });

export const runFilingCorrect =
  (io: CliIo) =>
  (options: { agency: string; year: string; reason: string; actor?: string; database?: string }) =>
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
    });

export const runFilingApprove =
  (io: CliIo) =>
  (correction: string, options: { agency: string; reject?: boolean; actor?: string; database?: string }) =>
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
    });
