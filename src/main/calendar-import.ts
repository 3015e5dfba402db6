/**
 * Importing a year of the State Council's holiday notice (or a jurisdiction's own holidays), from the
 * console or the CLI: parsed, shown for review with the open periods it would move (computed inside a
 * transaction that is rolled back), then imported — saved, audited, and each moved case's listed due
 * date brought up to date — in one transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { CalendarYear } from '../shared/domain/work-calendar.ts';
import { appendAudit } from '../platform/audit/audit-log.ts';
import { calendarRepository, parseCalendarYear } from '../features/work-calendar/index.ts';
import { applyCalendarChange, calendarsInUse, type MovedDate } from './calendar-moves.ts';

export interface CalendarImportInput {
  readonly year: number;
  /** CN: the national arrangement (replaces the year); another code: a jurisdiction's own holidays. */
  readonly jurisdiction: string;
  readonly text: string;
  readonly kind: 'notice' | 'json';
  readonly source?: string;
}

export type CalendarImport =
  | { readonly ok: true; readonly year: CalendarYear; readonly moved: MovedDate[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The checks on the input itself, before the text is read. */
export function calendarInputProblems(input: CalendarImportInput): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(input.year) || input.year < 2019 || input.year > 2100)
    problems.push(`年度“${input.year}”无效：应为 2019 至 2100 年`);
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,6})?$/.test(input.jurisdiction))
    problems.push(`地区代码“${input.jurisdiction}”无效：如 CN 或 CN-XJ`);
  return problems;
}

class RolledBack extends Error {
  constructor(readonly moved: MovedDate[]) {
    super('preview rolled back');
  }
}

async function save(
  tx: Kysely<Database>,
  input: CalendarImportInput,
  year: CalendarYear,
  actor: string,
  now: string,
): Promise<void> {
  await calendarRepository(tx).save({
    jurisdiction: input.jurisdiction,
    year: input.year,
    data: year,
    importedBy: actor,
    importedAt: now,
  });
  await appendAudit(tx, {
    at: now,
    actor,
    action: 'calendar.import',
    subject: `work_calendar_years/${input.jurisdiction}/${input.year}`,
    detail: {
      holidays: Object.keys(year.holidays).length,
      makeupWorkdays: Object.keys(year.makeupWorkdays).length,
      source: year.source ?? null,
    },
  });
}

/**
 * Reads the notice and, with `dryRun`, says what importing it would change without changing anything;
 * without it, imports it.
 */
export async function importCalendar(
  db: Kysely<Database>,
  input: CalendarImportInput,
  options: { actor: string; now: string; dryRun: boolean },
): Promise<CalendarImport> {
  const problems = calendarInputProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  const parsed = parseCalendarYear(input.text, input.kind, input.year, input.source);
  if (!parsed.ok) return parsed;
  const before = await calendarsInUse(db);
  try {
    const moved = await db.transaction().execute(async (tx) => {
      await save(tx, input, parsed.year, options.actor, options.now);
      const after = await calendarsInUse(tx);
      if (options.dryRun) throw new RolledBack(await applyCalendarChange(tx, before, after));
      return applyCalendarChange(tx, before, after);
    });
    return { ok: true, year: parsed.year, moved };
  } catch (error) {
    if (error instanceof RolledBack) return { ok: true, year: parsed.year, moved: error.moved };
    throw error;
  }
}
