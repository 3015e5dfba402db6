/**
 * The actions of calendar-commands.ts, loaded only when one of its commands runs:
 * `gongkai calendar add-workdays | count-workdays | show | import`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseIsoDate, WEEKDAY_NAMES, dayOfWeek, type IsoDate } from '../../shared/domain/iso-date.ts';
import {
  addWorkingDays,
  countWorkingDays,
  type WorkCalendar,
  type WorkingDayCount,
} from '../../shared/domain/work-calendar.ts';
import { isPostgresUrl } from '../../platform/db/database.ts';
import { calendarRepository, loadWorkCalendar, NATIONAL } from '../../features/work-calendar/index.ts';
import { databaseUrl, withDatabase } from './database-context.ts';
import { CliError } from './output.ts';
import { MOVED_DATE_LABELS } from '../calendar-moves.ts';
import { importCalendar } from '../calendar-import.ts';
import type { CliIo } from './report-commands.ts';

function parseDate(text: string): IsoDate {
  const date = parseIsoDate(text);
  if (!date) throw new CliError(`“${text}”不是 YYYY-MM-DD 格式的有效日期`);
  return date;
}

/** The calendar in force: with the database's imported years when a database exists, else the shipped data. */
async function calendarFor(options: { database?: string; jurisdiction: string }): Promise<WorkCalendar> {
  const url = databaseUrl(options.database);
  if (!isPostgresUrl(url) && !existsSync(url)) {
    if (options.jurisdiction !== NATIONAL)
      throw new CliError(`没有数据库 ${url}，无法读取“${options.jurisdiction}”的地方节假日`);
    return loadWorkCalendar(undefined);
  }
  return withDatabase(options.database, (handle) =>
    loadWorkCalendar(calendarRepository(handle.db), options.jurisdiction),
  );
}

const KIND_LABEL = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  'makeup-workday': '调休上班日',
} as const;

function explainLines(from: IsoDate, result: WorkingDayCount): string[] {
  const lines = [`起算日 ${from}（${WEEKDAY_NAMES[dayOfWeek(from)]}）不计入，自次日起计算：`];
  let counted = 0;
  for (const day of result.days) {
    if (day.counted) counted++;
    const what = `${KIND_LABEL[day.kind]}${day.name ? `（${day.name}）` : ''}${day.known ? '' : '［该年度放假通知未载入，按法定节假日和周一至周五推算］'}`;
    lines.push(
      `  ${day.date} ${WEEKDAY_NAMES[dayOfWeek(day.date)]}  ${what}  ${day.counted ? `第 ${counted} 个工作日` : '不计'}`,
    );
  }
  return lines;
}

function warnMissing(result: WorkingDayCount, io: CliIo): void {
  if (result.missingYears.length === 0) return;
  io.err(
    `警告：日历中没有 ${result.missingYears.join('、')} 年的放假通知，结果按《全国年节及纪念日放假办法》规定的法定节假日（含周末补假）和周一至周五推算，未含调休，仅为暂定；国务院公布通知后请用 gongkai calendar import 导入。`,
  );
}

export const runAddWorkdays =
  (io: CliIo) =>
  async (
    dateText: string,
    daysText: string,
    options: { explain?: boolean; jurisdiction: string; database?: string },
  ) => {
    const from = parseDate(dateText);
    const days = Number(daysText);
    if (!Number.isInteger(days) || days < 0 || days > 1000)
      throw new CliError(`工作日数“${daysText}”无效：应为 0 到 1000 之间的整数`);
    const result = addWorkingDays(await calendarFor(options), from, days);
    io.out(`${result.date}\n`);
    if (options.explain) io.out(explainLines(from, result).join('\n') + '\n');
    warnMissing(result, io);
  };

export const runCountWorkdays =
  (io: CliIo) =>
  async (fromText: string, throughText: string, options: { jurisdiction: string; database?: string }) => {
    const result = countWorkingDays(await calendarFor(options), parseDate(fromText), parseDate(throughText));
    io.out(`${result.count}\n`);
    warnMissing(result, io);
  };

export const runCalendarShow =
  (io: CliIo) => async (yearText: string, options: { jurisdiction: string; database?: string }) => {
    const data = (await calendarFor(options)).years.get(Number(yearText));
    if (!data)
      throw new CliError(
        `日历中没有 ${yearText} 年的放假安排；国务院公布通知后请用 gongkai calendar import 导入`,
      );
    io.out(`${yearText} 年（${options.jurisdiction}）来源：${data.source ?? '未注明'}\n`);
    for (const [date, name] of Object.entries(data.holidays).sort())
      io.out(`${date} ${WEEKDAY_NAMES[dayOfWeek(date as IsoDate)]} 放假 ${name}\n`);
    for (const [date, name] of Object.entries(data.makeupWorkdays).sort())
      io.out(`${date} ${WEEKDAY_NAMES[dayOfWeek(date as IsoDate)]} 上班 ${name}\n`);
  };

export const runCalendarImport =
  (io: CliIo) =>
  async (
    file: string,
    options: { year: string; jurisdiction: string; source?: string; actor: string; database?: string },
  ) => {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`无法读取 ${file}：${error.code ?? error.message}`);
    });
    const result = await withDatabase(options.database, (handle) =>
      importCalendar(
        handle.db,
        {
          year: Number(options.year),
          jurisdiction: options.jurisdiction,
          text,
          kind: extname(file).toLowerCase() === '.json' ? 'json' : 'notice',
          ...(options.source ? { source: options.source } : {}),
        },
        { actor: options.actor, now: new Date().toISOString(), dryRun: false },
      ),
    );
    if (!result.ok)
      throw new CliError(
        `${file} 有 ${result.problems.length} 处问题，未导入：\n  ${result.problems.join('\n  ')}`,
      );
    const { year: parsedYear, moved } = result;
    io.err(
      `已导入 ${options.jurisdiction} ${options.year} 年：放假 ${Object.keys(parsedYear.holidays).length} 天，调休上班 ${Object.keys(parsedYear.makeupWorkdays).length} 天；` +
        (moved.length
          ? `未办结申请的 ${moved.length} 个期限随之改变（如下），请告知申请人`
          : '未办结申请的答复、补正和缴费期限均未改变'),
    );
    for (const m of moved)
      io.out(
        `${m.agencyId}\t${m.caseId}\t${MOVED_DATE_LABELS[m.what]}\t` +
          (m.what === 'closed-early' ? `${m.before} 结案，期限至 ${m.after}` : `${m.before} → ${m.after}`) +
          '\n',
      );
  };
