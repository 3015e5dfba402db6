/**
 * 年报报送季: a supervising office (政府信息公开工作主管部门) opens a season for a report year with internal
 * deadlines per level — e.g. departments file by 26 January, counties consolidate by 20 February. An
 * internal deadline may be earlier than the law's (第四十九条: departments publish by 31 January,
 * governments by 31 March) but never later; a level without one takes the law's date.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { parseIsoDate, yearOf, type IsoDate } from '../../../shared/domain/iso-date.ts';
import { annualReportDueOn } from '../../annual-report/index.ts';
import { AGENCY_LEVEL_LABELS, isAgencyLevel, type AgencyLevel } from '../../agencies/index.ts';

export type SeasonDeadlines = Readonly<Partial<Record<AgencyLevel, IsoDate>>>;

export interface ReportingSeason {
  readonly supervisorId: string;
  readonly year: number;
  readonly deadlines: SeasonDeadlines;
  readonly openedBy: string;
  readonly openedAt: string;
}

export type SeasonRefusal =
  | { readonly code: 'invalid-deadline'; readonly level: string; readonly reason: string }
  | { readonly code: 'season-exists'; readonly year: number };

/** The law's date for a level (townships have none in the law: the governments' 31 March then). */
export function legalDeadline(level: AgencyLevel, year: number): IsoDate {
  return annualReportDueOn(level === 'department' ? 'department' : 'government', year)!;
}

export function deadlineFor(
  season: Pick<ReportingSeason, 'year' | 'deadlines'>,
  level: AgencyLevel,
): IsoDate {
  return season.deadlines[level] ?? legalDeadline(level, season.year);
}

export function checkSeasonDeadlines(
  year: number,
  input: Readonly<Record<string, string>>,
): Result<SeasonDeadlines, SeasonRefusal> {
  const deadlines: Partial<Record<AgencyLevel, IsoDate>> = {};
  for (const [level, text] of Object.entries(input)) {
    if (!isAgencyLevel(level)) return err({ code: 'invalid-deadline', level, reason: `没有层级“${level}”` });
    const label = AGENCY_LEVEL_LABELS[level];
    const date = parseIsoDate(text);
    if (!date)
      return err({ code: 'invalid-deadline', level, reason: `${label}的截止日期“${text}”不是有效日期` });
    if (yearOf(date) !== year + 1)
      return err({
        code: 'invalid-deadline',
        level,
        reason: `${label}的截止日期应在 ${year + 1} 年（报告年度的次年）`,
      });
    const legal = legalDeadline(level, year);
    if (date > legal)
      return err({
        code: 'invalid-deadline',
        level,
        reason: `${label}的截止日期 ${date} 晚于条例第四十九条规定的 ${legal}`,
      });
    deadlines[level] = date;
  }
  return ok(deadlines);
}

/** Where an agency stands in the season. */
export type FilingState = 'filed' | 'filed-late' | 'reopened' | 'not-filed' | 'overdue';

export const FILING_STATE_LABELS: Readonly<Record<FilingState, string>> = {
  filed: '已按时报送',
  'filed-late': '逾期报送',
  reopened: '更正中（已重新打开）',
  'not-filed': '未报送',
  overdue: '已逾期未报送',
};

export function filingState(
  latest:
    | { readonly status: 'filed' | 'reopened'; readonly filedOn: IsoDate; readonly firstFiledOn: IsoDate }
    | undefined,
  deadline: IsoDate,
  today: IsoDate,
): FilingState {
  if (!latest) return today > deadline ? 'overdue' : 'not-filed';
  if (latest.status === 'reopened') return 'reopened';
  return latest.firstFiledOn > deadline ? 'filed-late' : 'filed';
}
