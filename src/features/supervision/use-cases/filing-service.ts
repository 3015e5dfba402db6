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
  checkConsistency,
  formatOfYear,
  type AnnualReport,
  type CellId,
  type ReportFormatId,
} from '../../annual-report/index.ts';
import type { Agency } from '../../agencies/index.ts';
import { consolidate, type Consolidation, type Contribution } from '../domain/consolidate.ts';
import { checksOnFiledText } from '../domain/text-checks.ts';
import { decideFiling, isBlocking, type FailingRule, type FilingRefusal } from '../domain/filing-decision.ts';
import type { SeasonRefusal } from '../domain/reporting-season.ts';
import { seasonOperations } from './season-operations.ts';
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

/** The sections an agency writes itself; the tables' sections come from the records. */
export const WRITTEN_SECTIONS = ['s1', 's5', 's6'] as const;
export type WrittenSections = Partial<Record<(typeof WRITTEN_SECTIONS)[number], string>>;

/** A section still holding the template's prompt (（请填写…）) is not finished. */
function unfinished(sections: WrittenSections): string[] {
  return WRITTEN_SECTIONS.filter((id) => /（请(填写|概述|补充)[^）]*）/.test(sections[id] ?? ''));
}

export interface Preparation {
  readonly agency: Agency;
  readonly report: AnnualReport;
  readonly consolidation?: Consolidation;
  readonly previous?: FiledReport;
  readonly blocking: readonly FailingRule[];
  readonly warnings: readonly FailingRule[];
  readonly latest?: FiledReport;
  /** The filed consolidation no longer sums what the children have filed since (a child corrected). */
  readonly stale?: boolean;
}

const failing = (c: { rule: string; message: string; cells: readonly string[] }): FailingRule => ({
  rule: c.rule,
  message: c.message,
  cells: c.cells,
});

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
    const previousCells = previous ? { format: previous.format, cells: previous.report.cells } : undefined;
    const own = await deps.buildOwnReport(agency, year, previousCells);
    let report = own;
    let consolidation: Consolidation | undefined;
    if (children.length > 0) {
      const filings = await Promise.all(children.map((c) => store.latest(c.id, year)));
      consolidation = consolidate(
        own.format,
        { agencyId, cells: own.cells },
        children.map((child, i) => {
          const filing = filings[i];
          return {
            id: child.id,
            name: child.name,
            ...(filing?.status === 'filed'
              ? {
                  filing: {
                    agencyId: child.id,
                    version: filing.version,
                    format: filing.format,
                    cells: filing.report.cells,
                  },
                }
              : {}),
          };
        }),
      );
      const cells = consolidation.cells;
      report = {
        ...own,
        cells,
        checks: checkConsistency(
          { format: own.format, cells },
          previousCells ? { previous: previousCells } : {},
        ),
      };
    }
    const summed = new Map((consolidation?.children ?? []).map((c) => [c.agencyId, c.version]));
    const stale =
      latest?.origin === 'consolidation' &&
      (latest.children.length !== summed.size ||
        latest.children.some((c) => summed.get(c.agencyId) !== c.version));
    return ok({
      agency,
      report,
      ...(stale ? { stale } : {}),
      ...(consolidation ? { consolidation } : {}),
      ...(previous ? { previous } : {}),
      ...(latest ? { latest } : {}),
      blocking: report.checks.filter(isBlocking).map(failing),
      warnings: report.checks
        .filter((c) => c.status === 'fail' && c.severity === 'warning' && !isBlocking(c))
        .map(failing),
    });
  }

  async function store_(
    agency: Agency,
    year: number,
    latest: FiledReport | undefined,
    filing: Omit<FiledReport, 'agencyId' | 'year' | 'version' | 'status' | 'filedBy' | 'filedAt' | 'filedOn'>,
    actor: string,
  ): Promise<Result<FiledReport, SupervisionRefusal>> {
    const version = (latest?.version ?? 0) + 1;
    const correction =
      latest?.status === 'reopened'
        ? (await store.corrections(agency.id, year)).find(
            (c) =>
              c.decision === 'approved' && c.version === latest.version && c.refiledVersion === undefined,
          )
        : undefined;
    const filed: FiledReport = {
      ...filing,
      agencyId: agency.id,
      year,
      version,
      status: 'filed',
      filedBy: actor,
      filedAt: deps.now(),
      filedOn: deps.today(),
    };
    try {
      await store.file(filed, correction?.id);
    } catch (error) {
      if (error instanceof FilingConflictError) return err({ code: 'concurrent-filing' });
      throw error;
    }
    await deps.audit({
      actor,
      action: 'report.filed',
      agencyId: agency.id,
      subject: `${year}/v${version}`,
      detail: { origin: filed.origin, ...(correction ? { correction: correction.id } : {}) },
    });
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
    let { replied, repliedOnTime } = own;
    for (const child of children) {
      const filed = (await store.version(child.agencyId, year, child.version))?.indicators;
      if (!filed) return undefined;
      replied += filed.replied;
      repliedOnTime += filed.repliedOnTime;
    }
    return { replied, repliedOnTime };
  }

  function openForFiling(latest: FiledReport | undefined): SupervisionRefusal | undefined {
    return latest?.status === 'filed' ? { code: 'already-filed', version: latest.version } : undefined;
  }

  return {
    prepare,
    ...seasonOperations(deps, { agencyOr, checkYear }),
    ...correctionOperations(deps),
    ...importFiling(deps, { agencyOr, checkYear, openForFiling, storeFiling: store_ }),

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
      const { agency, report, consolidation, latest } = prepared.value;
      const closed = openForFiling(latest);
      if (closed) return err(closed);
      if (consolidation?.missing.length)
        return err({ code: 'children-not-filed', missing: consolidation.missing });
      if (consolidation?.otherFormat.length)
        return err({ code: 'children-other-format', agencies: consolidation.otherFormat });
      const left = unfinished(sections);
      if (left.length > 0) return err({ code: 'sections-unfinished', sections: left });
      const written = Object.fromEntries(
        Object.entries(sections)
          .map(([id, text]) => [id, (text ?? '').trim()])
          .filter(([, text]) => text),
      );
      // A re-filing keeps the text written for the version it corrects, unless written anew.
      const text = { ...report.sections, ...latest?.report.sections, ...written };
      // R8 and R10 read the words filed: a figure the text states that the tables do not is a warning.
      const checks = checksOnFiledText(report, text);
      const decided = decideFiling(checks, explanations);
      if (!decided.ok) return decided;
      const indicators = await indicatorsOf(agency.id, year, consolidation?.children ?? []);
      return store_(
        agency,
        year,
        latest,
        {
          origin: consolidation ? 'consolidation' : 'records',
          format: report.format,
          report: { ...report, sections: text, checks },
          explanations: decided.value,
          children: consolidation?.children ?? [],
          ...(indicators ? { indicators } : {}),
        },
        actor,
      );
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
        contributions: consolidation?.contributions[cell] ?? (value !== 0 ? [{ agencyId, value }] : []),
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
