/**
 * The supervising office's side of the reporting season: open a season with its deadlines, follow who
 * below has filed (on time, late, not yet, correcting) and remind them. Part of the filing service
 * (filing-service.ts), which spreads these operations into its own.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { Agency } from '../../agencies/index.ts';
import {
  checkSeasonDeadlines,
  deadlineFor,
  filingState,
  type FilingState,
  type ReportingSeason,
} from '../domain/reporting-season.ts';
import type { FilingDependencies, SupervisionRefusal } from './filing-service.ts';

export interface BoardRow {
  readonly agency: Agency;
  readonly depth: number;
  readonly deadline: IsoDate;
  readonly state: FilingState;
  readonly version?: number;
  readonly filedOn?: IsoDate;
  readonly origin?: string;
  readonly reminders: number;
  readonly lastReminder?: string;
  /** A consolidation filed before a child re-filed or re-opened: it no longer sums what the children filed. */
  readonly stale?: boolean;
}

export interface SeasonBoard {
  readonly season: ReportingSeason;
  readonly rows: readonly BoardRow[];
  readonly counts: Readonly<Record<FilingState, number>>;
}

export function seasonOperations(
  deps: FilingDependencies,
  shared: {
    agencyOr: (agencyId: string) => Promise<Result<Agency, SupervisionRefusal>>;
    checkYear: (year: number) => SupervisionRefusal | undefined;
  },
) {
  const { store } = deps;
  const { agencyOr, checkYear } = shared;

  /** Below `supervisorId`, depth-first by name, with each one's depth (1 = directly below). */
  async function descendants(supervisorId: string): Promise<Array<{ agency: Agency; depth: number }>> {
    const all = await deps.agencies.list();
    const byParent = new Map<string, Agency[]>();
    for (const a of all) if (a.parentId) byParent.set(a.parentId, [...(byParent.get(a.parentId) ?? []), a]);
    // Governments before departments, each in pinyin order of their names.
    const rank = (a: Agency) => ((a.level ?? 'department') === 'department' ? 1 : 0);
    for (const list of byParent.values())
      list.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
    const out: Array<{ agency: Agency; depth: number }> = [];
    const visit = (id: string, depth: number) => {
      for (const child of byParent.get(id) ?? []) {
        if (out.length > 100_000) return;
        out.push({ agency: child, depth });
        visit(child.id, depth + 1);
      }
    };
    visit(supervisorId, 1);
    return out;
  }

  return {
    descendants,

    async openSeason(
      supervisorId: string,
      year: number,
      deadlines: Readonly<Record<string, string>>,
      actor: string,
    ): Promise<Result<ReportingSeason, SupervisionRefusal>> {
      const found = await agencyOr(supervisorId);
      if (!found.ok) return found;
      const badYear = checkYear(year);
      if (badYear) return err(badYear);
      const checked = checkSeasonDeadlines(year, deadlines);
      if (!checked.ok) return checked;
      const season: ReportingSeason = {
        supervisorId,
        year,
        deadlines: checked.value,
        openedBy: actor,
        openedAt: deps.now(),
      };
      if (!(await store.openSeason(season))) return err({ code: 'season-exists', year });
      await deps.audit({
        actor,
        action: 'season.opened',
        agencyId: supervisorId,
        subject: String(year),
        detail: { deadlines: checked.value },
      });
      return ok(season);
    },

    async board(supervisorId: string, year: number): Promise<Result<SeasonBoard, SupervisionRefusal>> {
      const season = await store.season(supervisorId, year);
      if (!season) return err({ code: 'season-not-found', year });
      const [below, latest, first, reminders] = await Promise.all([
        descendants(supervisorId),
        store.summariesOfYear(year),
        store.firstFiledOn(year),
        store.reminders(supervisorId, year),
      ]);
      const latestBy = new Map(latest.map((f) => [f.agencyId, f]));
      const today = deps.today();
      const counts: Record<FilingState, number> = {
        filed: 0,
        'filed-late': 0,
        reopened: 0,
        'not-filed': 0,
        overdue: 0,
      };
      const rows = below.map(({ agency, depth }): BoardRow => {
        const deadline = deadlineFor(season, agency.level ?? 'department');
        const filed = latestBy.get(agency.id);
        const state = filingState(
          filed
            ? { status: filed.status, filedOn: filed.filedOn, firstFiledOn: first.get(agency.id)! }
            : undefined,
          deadline,
          today,
        );
        counts[state]++;
        const reminded = reminders.get(agency.id);
        const stale = filed?.children.some((child) => {
          const now = latestBy.get(child.agencyId);
          return !now || now.version !== child.version || now.status !== 'filed';
        });
        return {
          agency,
          depth,
          deadline,
          state,
          ...(filed ? { version: filed.version, filedOn: filed.filedOn, origin: filed.origin } : {}),
          reminders: reminded?.count ?? 0,
          ...(stale ? { stale } : {}),
          ...(reminded ? { lastReminder: reminded.last } : {}),
        };
      });
      return ok({ season, rows, counts });
    },

    /** Reminds the given agencies below, or every one not filed (not started, overdue, re-opened). */
    async remind(
      supervisorId: string,
      year: number,
      agencyIds: readonly string[] | undefined,
      message: string | undefined,
      actor: string,
    ): Promise<Result<{ reminded: string[] }, SupervisionRefusal>> {
      const board = await this.board(supervisorId, year);
      if (!board.ok) return board;
      const rows = new Map(board.value.rows.map((r) => [r.agency.id, r]));
      if (agencyIds) {
        const outside = agencyIds.filter((id) => !rows.has(id));
        if (outside.length > 0) return err({ code: 'not-below-supervisor', agencyIds: outside });
      }
      const targets = agencyIds
        ? agencyIds.map((id) => rows.get(id)!)
        : board.value.rows.filter(
            (r) => r.state === 'not-filed' || r.state === 'overdue' || r.state === 'reopened',
          );
      const sentAt = deps.now();
      await store.remind(
        targets.map((r) => ({
          seasonAgencyId: supervisorId,
          year,
          agencyId: r.agency.id,
          sentBy: actor,
          sentAt,
          message:
            (message ?? '').trim() ||
            (r.state === 'overdue'
              ? `${year} 年度政府信息公开工作年度报告已超过截止日期（${r.deadline}），请尽快报送。`
              : r.state === 'reopened'
                ? `${year} 年度报告的更正已获批准，请改正后重新报送。`
                : `请于 ${r.deadline} 前报送 ${year} 年度政府信息公开工作年度报告。`),
        })),
      );
      await deps.audit({
        actor,
        action: 'season.reminded',
        agencyId: supervisorId,
        subject: String(year),
        detail: { agencies: targets.length },
      });
      return ok({ reminded: targets.map((r) => r.agency.id) });
    },
  };
}
