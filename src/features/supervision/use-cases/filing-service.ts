/**
 * The reporting season and filing (报送): a supervising office opens a season and follows who has
 * filed; an agency files its report — generated from its records (with its children's filed reports
 * summed in), or imported from a published file when it keeps no records here — only when every
 * blocking rule passes and every warning is explained. A filed year is locked until an approved
 * correction re-opens it; re-filing adds a version and keeps the old one.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { yearOf, type IsoDate } from '../../../shared/domain/iso-date.ts';
import {
  formatOfYear,
  type AnnualReport,
  type KnownFacts,
  type RequestTally,
  type CellId,
  type ReportFormatId,
} from '../../annual-report/index.ts';
import type { Agency } from '../../agencies/index.ts';
import type { Contribution } from '../domain/consolidate.ts';
import type { FilingRefusal } from '../domain/filing-decision.ts';
import type { SeasonRefusal } from '../domain/reporting-season.ts';
import { seasonOperations } from './season-operations.ts';
import { fileBelow } from './file-below.ts';
import {
  answeredCorrection,
  composePreparation,
  draftFromRecords,
  filedEntry,
  numbered,
  openForFiling,
  previousCellsOf,
  sumIndicators,
  tablesOf,
  type FilingDraft,
  type Preparation,
  type WrittenSections,
} from './records-filing.ts';
import { correctionOperations } from './correction-operations.ts';
import { importFiling } from './import-filing.ts';

export type { BoardRow, SeasonBoard } from './season-operations.ts';
export { formatOfYear };
import {
  FilingConflictError,
  type FiledReport,
  type ReplyIndicators,
  type SupervisionRepository,
} from '../db/supervision-repository.ts';

export interface FilingDependencies {
  readonly store: SupervisionRepository;
  readonly agencies: {
    find(id: string): Promise<Agency | undefined>;
    children(id: string): Promise<Agency[]>;
    list(): Promise<Agency[]>;
  };
  /** The agency's own report from its records, checked against `previous` (last year's filed report). */
  buildOwnReport(
    agency: Agency,
    year: number,
    previous?: Pick<AnnualReport, 'format' | 'cells'>,
  ): Promise<AnnualReport>;
  /** Replies the agency's cases answered in the year and those on time (undefined: no cases here). */
  readonly replyCounts?: (agencyId: string, year: number) => Promise<ReplyIndicators | undefined>;
  /** Agencies with none below them read, decided and stored together in a tree's filing (500 unless said). */
  readonly leavesPerPart?: number;
  /** Many agencies' own reports, their facts read together (a tree filed at once); else one by one. */
  readonly buildOwnReports?: (
    agencies: readonly Agency[],
    year: number,
    previous: ReadonlyMap<string, Pick<AnnualReport, 'format' | 'cells'>>,
    known?: KnownFacts,
  ) => Promise<Map<string, AnnualReport>>;
  /**
   * The request tallies of a whole tree in one read, before its parts are built (what table 三 counts:
   * one scan of the requests for a province, not one per part).
   */
  readonly requestTalliesMany?: (
    agencyIds: readonly string[],
    year: number,
  ) => Promise<ReadonlyMap<string, RequestTally[]>>;
  /** replyCounts of many agencies read together; else one by one. */
  readonly replyCountsMany?: (
    agencyIds: readonly string[],
    year: number,
  ) => Promise<Map<string, ReplyIndicators | undefined>>;
  /**
   * Stores the versions of a level with their audit entries in one transaction; returns the agencies
   * whose version number another filing took meanwhile (theirs are not stored). Else one by one.
   */
  readonly fileTogether?: (
    filings: ReadonlyArray<{ filed: FiledReport; correctionId?: string }>,
  ) => Promise<readonly string[]>;
  readonly today: () => IsoDate;
  readonly now: () => string;
  readonly newId: () => string;
  readonly audit: (entry: {
    actor: string;
    action: string;
    agencyId: string;
    subject: string;
    detail: Record<string, unknown>;
  }) => Promise<void>;
}

export type SupervisionRefusal =
  | SeasonRefusal
  | FilingRefusal
  | { readonly code: 'agency-not-found'; readonly agencyId: string }
  | { readonly code: 'season-not-found'; readonly year: number }
  | { readonly code: 'year-out-of-range'; readonly year: number; readonly reason: string }
  | { readonly code: 'already-filed'; readonly version: number }
  | { readonly code: 'children-not-filed'; readonly missing: ReadonlyArray<{ id: string; name: string }> }
  | { readonly code: 'children-other-format'; readonly agencies: ReadonlyArray<{ id: string; name: string }> }
  | { readonly code: 'cells-unread'; readonly cells: readonly string[]; readonly labels: readonly string[] }
  | { readonly code: 'format-mismatch'; readonly format: string; readonly expected: ReportFormatId }
  | { readonly code: 'year-mismatch'; readonly stated: number; readonly year: number }
  | { readonly code: 'not-filed' }
  | { readonly code: 'correction-pending'; readonly correctionId: string }
  | { readonly code: 'correction-not-found'; readonly correctionId: string }
  | { readonly code: 'correction-decided'; readonly correctionId: string }
  | { readonly code: 'own-correction'; readonly correctionId: string }
  | { readonly code: 'reason-too-short' }
  | { readonly code: 'not-below-supervisor'; readonly agencyIds: readonly string[] }
  | { readonly code: 'concurrent-filing' }
  | { readonly code: 'sections-unfinished'; readonly sections: readonly string[] };

export { WRITTEN_SECTIONS, type Preparation, type WrittenSections } from './records-filing.ts';

export function filingService(deps: FilingDependencies) {
  const { store } = deps;

  async function agencyOr(agencyId: string): Promise<Result<Agency, SupervisionRefusal>> {
    const agency = await deps.agencies.find(agencyId);
    return agency ? ok(agency) : err({ code: 'agency-not-found', agencyId });
  }

  function checkYear(year: number): SupervisionRefusal | undefined {
    const current = yearOf(deps.today());
    if (year < 2019 || year >= current)
      return {
        code: 'year-out-of-range',
        year,
        reason:
          year >= current ? `${year} 年尚未结束，不能报送该年度报告` : '年度报告自 2019 年度起适用现行格式',
      };
    return undefined;
  }

  async function prepare(agencyId: string, year: number): Promise<Result<Preparation, SupervisionRefusal>> {
    const found = await agencyOr(agencyId);
    if (!found.ok) return found;
    const agency = found.value;
    const [previous, latest, children] = await Promise.all([
      store.latest(agencyId, year - 1),
      store.latest(agencyId, year),
      deps.agencies.children(agencyId),
    ]);
    const own = await deps.buildOwnReport(agency, year, previousCellsOf(previous));
    const filings = await Promise.all(children.map((c) => store.latest(c.id, year)));
    return ok(
      composePreparation({
        agency,
        own,
        ...(previous ? { previous } : {}),
        ...(latest ? { latest } : {}),
        children: children.map((child, i) => ({
          agency: child,
          ...(filings[i] ? { latest: tablesOf(filings[i]) } : {}),
        })),
      }),
    );
  }

  async function store_(
    agency: Agency,
    year: number,
    latest: FiledReport | undefined,
    filing: FilingDraft,
    actor: string,
  ): Promise<Result<FiledReport, SupervisionRefusal>> {
    const correction =
      latest?.status === 'reopened'
        ? answeredCorrection(latest, await store.corrections(agency.id, year))
        : undefined;
    const filed = numbered(filing, {
      agencyId: agency.id,
      year,
      latest,
      actor,
      now: deps.now(),
      today: deps.today(),
    });
    try {
      await store.file(filed, correction?.id);
    } catch (error) {
      if (error instanceof FilingConflictError) return err({ code: 'concurrent-filing' });
      throw error;
    }
    await deps.audit(filedEntry(filed, correction?.id));
    return ok(filed);
  }

  /** Own replies plus the children's filed ones; unknown when any of them is (a report filed from a file). */
  async function indicatorsOf(
    agencyId: string,
    year: number,
    children: ReadonlyArray<{ agencyId: string; version: number }>,
  ): Promise<ReplyIndicators | undefined> {
    const own = await deps.replyCounts?.(agencyId, year);
    if (!own) return undefined;
    const filed = await Promise.all(children.map((c) => store.version(c.agencyId, year, c.version)));
    return sumIndicators(
      own,
      filed.map((f) => f?.indicators),
    );
  }

  return {
    prepare,
    ...seasonOperations(deps, { agencyOr, checkYear }),
    ...correctionOperations(deps),
    ...importFiling(deps, { agencyOr, checkYear, openForFiling, storeFiling: store_ }),
    ...fileBelow(deps, { agencyOr, checkYear }),

    /** Files the report generated from the agency's records (and its children's filed reports). */
    async fileFromRecords(
      agencyId: string,
      year: number,
      explanations: Readonly<Record<string, string>>,
      actor: string,
      sections: WrittenSections = {},
    ): Promise<Result<FiledReport, SupervisionRefusal>> {
      const badYear = checkYear(year);
      if (badYear) return err(badYear);
      const prepared = await prepare(agencyId, year);
      if (!prepared.ok) return prepared;
      const draft = draftFromRecords(prepared.value, explanations, sections);
      if (!draft.ok) return draft;
      const { agency, latest } = prepared.value;
      const indicators = await indicatorsOf(agency.id, year, draft.value.children);
      return store_(agency, year, latest, { ...draft.value, ...(indicators ? { indicators } : {}) }, actor);
    },

    /** Who contributed to a cell of the agency's filed (else prepared) report, by filed version. */
    async traceCell(
      agencyId: string,
      year: number,
      cell: CellId,
    ): Promise<
      Result<{ value: number; contributions: readonly Contribution[]; filed: boolean }, SupervisionRefusal>
    > {
      const latest = await store.latest(agencyId, year);
      if (latest) {
        const parts: Contribution[] = [];
        let children = 0;
        for (const child of latest.children) {
          const filing = await store.version(child.agencyId, year, child.version);
          const value = filing?.report.cells[cell] ?? 0;
          children += value;
          if (value !== 0) parts.push({ agencyId: child.agencyId, version: child.version, value });
        }
        const value = latest.report.cells[cell] ?? 0;
        const own = Math.round((value - children) * 1e6) / 1e6;
        if (own !== 0) parts.unshift({ agencyId, value: own });
        return ok({ value, contributions: parts, filed: true });
      }
      const prepared = await prepare(agencyId, year);
      if (!prepared.ok) return prepared;
      const { report, consolidation } = prepared.value;
      const value = report.cells[cell] ?? 0;
      return ok({
        value,
        contributions: consolidation?.contributionsOf(cell) ?? (value !== 0 ? [{ agencyId, value }] : []),
        filed: false,
      });
    },

    isLocked: (agencyId: string, year: number) => store.isLocked(agencyId, year),
    versions: (agencyId: string, year: number) => store.versions(agencyId, year),
    version: (agencyId: string, year: number, version: number) => store.version(agencyId, year, version),
    corrections: (agencyId: string, year?: number) => store.corrections(agencyId, year),
    remindersTo: (agencyId: string, year: number) => store.remindersTo(agencyId, year),
    latestOfYear: (year: number) => store.latestOfYear(year),
    summariesOfYear: (year: number) => store.summariesOfYear(year),
    summariesOf: (agencyIds: readonly string[]) => store.summariesOf(agencyIds),
    filedYears: () => store.filedYears(),
    latestPerYear: (agencyId: string) => store.latestPerYear(agencyId),
  };
}

export type FilingService = ReturnType<typeof filingService>;
