/** `gongkai calendar add-workdays | count-workdays | show | import`. */
import type { Command } from 'commander';
import { lazyAction } from './output.ts';
import { NATIONAL } from '../../features/work-calendar/domain/jurisdiction.ts';
import { defaultActor } from './database-commands.ts';
import type { CliIo } from './report-commands.ts';

/** The command's actions, loaded when one runs. */
const load = () => import('./calendar-actions.ts');

export function registerCalendarCommands(program: Command, io: CliIo): void {
  const calendar = program.command('calendar').description('工作日日历（法定节假日和调休上班日）');
  const common = (command: Command) =>
    command
      .option('--jurisdiction <code>', '地区（默认 CN 全国；民族自治地方可有本地节假日）', NATIONAL)
      .option('--database <url>', '数据库（读取导入的年度安排）');

  common(
    calendar
      .command('add-workdays <date> <days>')
      .description('从某日起（不含当日）数若干个工作日，输出到期日')
      .option('--explain', '列出逐日计算过程'),
  ).action(lazyAction(load, 'runAddWorkdays', io));

  common(
    calendar
      .command('count-workdays <from> <through>')
      .description('两日之间的工作日数（不含起始日，含截止日）'),
  ).action(lazyAction(load, 'runCountWorkdays', io));

  common(calendar.command('show <year>').description('列出某年的放假日和调休上班日')).action(
    lazyAction(load, 'runCalendarShow', io),
  );

  calendar
    .command('import <file>')
    .description('导入一年的放假安排：国务院通知正文（.txt）或 JSON')
    .requiredOption('--year <year>', '年度')
    .option(
      '--jurisdiction <code>',
      '地区：CN 为全国安排（替换该年度），其他代码为地方增加的节假日',
      NATIONAL,
    )
    .option('--source <text>', '来源，如 国办发明电〔2026〕X号')
    .option('--actor <name>', '操作人（写入审计日志）', defaultActor())
    .option('--database <url>', '数据库')
    .action(lazyAction(load, 'runCalendarImport', io));
}
