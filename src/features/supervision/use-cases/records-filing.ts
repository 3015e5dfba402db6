/**
 * The steps of filing a report from the records that do not read or write anything: the preparation
 * (own report, children's filed tables summed in, checks, stale lineage), the decision to file (open,
 * children filed, sections finished, warnings explained) and the version to store. Filing one agency
 * (filing-service.ts) and filing a whole tree level by level (file-below.ts) take the same steps on
 * what they read, one agency at a time or all at once, so the two cannot file differently.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { checkConsistency, type AnnualReport } from '../../annual-report/index.ts';
import type { Agency } from '../../agencies/index.ts';
import { consolidate, type Consolidation } from '../domain/consolidate.ts';
import { checksOnFiledText } from '../domain/text-checks.ts';
import { decideFiling, isBlocking, type FailingRule } from '../domain/filing-decision.ts';
import type {
  FiledReport,
  FiledTables,
  ReplyIndicators,
  ReportCorrection,
} from '../db/supervision-repository.ts';
import type { SupervisionRefusal } from './filing-service.ts';

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

/** The sections an agency writes itself; the tables' sections come from the records. */
export const WRITTEN_SECTIONS = ['s1', 's5', 's6'] as const;
export type WrittenSections = Partial<Record<(typeof WRITTEN_SECTIONS)[number], string>>;

export function tablesOf(filed: FiledReport): FiledTables {
  return {
    agencyId: filed.agencyId,
    year: filed.year,
    version: filed.version,
    status: filed.status,
    origin: filed.origin,
    format: filed.format,
    cells: filed.report.cells,
    ...(filed.indicators ? { indicators: filed.indicators } : {}),
  };
}

/** A filing before it is numbered and stored. */
export type FilingDraft = Omit<
  FiledReport,
  'agencyId' | 'year' | 'version' | 'status' | 'filedBy' | 'filedAt' | 'filedOn'
>;

const failing = (c: { rule: string; message: string; cells: readonly string[] }): FailingRule => ({
  rule: c.rule,
  message: c.message,
  cells: c.cells,
});

/** The previous year's filed cells the rules compare with (结转). */
export function previousCellsOf(previous: FiledReport | FiledTables | undefined) {
  if (!previous) return undefined;
  return { format: previous.format, cells: 'cells' in previous ? previous.cells : previous.report.cells };
}

/** The agency's report to file: its own, with its children's filed tables summed in when it has children. */
export function composePreparation(input: {
  readonly agency: Agency;
  readonly own: AnnualReport;
  readonly previous?: FiledReport;
  /** Last year's tables where the whole filed version was not read (a tree filed in sets). */
  readonly previousTables?: FiledTables;
  readonly latest?: FiledReport;
  readonly children: ReadonlyArray<{ readonly agency: Agency; readonly latest?: FiledTables }>;
}): Preparation {
  const { agency, own, previous, latest, children } = input;
  const previousCells = previousCellsOf(previous ?? input.previousTables);
  let report = own;
  let consolidation: Consolidation | undefined;
  if (children.length > 0) {
    consolidation = consolidate(
      own.format,
      { agencyId: agency.id, cells: own.cells },
      children.map(({ agency: child, latest: filing }) => ({
        id: child.id,
        name: child.name,
        ...(filing?.status === 'filed'
          ? {
              filing: {
                agencyId: child.id,
                version: filing.version,
                format: filing.format,
                cells: filing.cells,
              },
            }
          : {}),
      })),
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
  return {
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
  };
}

export function openForFiling(latest: FiledReport | undefined): SupervisionRefusal | undefined {
  return latest?.status === 'filed' ? { code: 'already-filed', version: latest.version } : undefined;
}

/** A section still holding the template's prompt (（请填写…）) is not finished. */
function unfinished(sections: WrittenSections): string[] {
  return WRITTEN_SECTIONS.filter((id) => /（请(填写|概述|补充)[^）]*）/.test(sections[id] ?? ''));
}

/** Whether the prepared report may be filed, and what is filed (the indicators are added by the caller). */
export function draftFromRecords(
  prepared: Preparation,
  explanations: Readonly<Record<string, string>>,
  sections: WrittenSections,
): Result<FilingDraft, SupervisionRefusal> {
  const { report, consolidation, latest } = prepared;
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
  return ok({
    origin: consolidation ? 'consolidation' : 'records',
    format: report.format,
    report: { ...report, sections: text, checks },
    explanations: decided.value,
    children: consolidation?.children ?? [],
  });
}

/** Own replies plus the children's filed ones; unknown when any of them is (a report filed from a file). */
export function sumIndicators(
  own: ReplyIndicators | undefined,
  children: ReadonlyArray<ReplyIndicators | undefined>,
): ReplyIndicators | undefined {
  if (!own) return undefined;
  let { replied, repliedOnTime } = own;
  for (const filed of children) {
    if (!filed) return undefined;
    replied += filed.replied;
    repliedOnTime += filed.repliedOnTime;
  }
  return { replied, repliedOnTime };
}

/** The correction a re-filing answers: the approved one that re-opened the latest version. */
export function answeredCorrection(
  latest: FiledReport | undefined,
  corrections: readonly ReportCorrection[],
): ReportCorrection | undefined {
  return latest?.status === 'reopened'
    ? corrections.find(
        (c) => c.decision === 'approved' && c.version === latest.version && c.refiledVersion === undefined,
      )
    : undefined;
}

/** The next version of the agency's report, as stored. */
export function numbered(
  draft: FilingDraft,
  at: {
    agencyId: string;
    year: number;
    latest: FiledReport | undefined;
    actor: string;
    now: string;
    today: IsoDate;
  },
): FiledReport {
  return {
    ...draft,
    agencyId: at.agencyId,
    year: at.year,
    version: (at.latest?.version ?? 0) + 1,
    status: 'filed',
    filedBy: at.actor,
    filedAt: at.now,
    filedOn: at.today,
  };
}

/** The audit entry of a filed version. */
export function filedEntry(filed: FiledReport, correctionId: string | undefined) {
  return {
    actor: filed.filedBy,
    action: 'report.filed',
    agencyId: filed.agencyId,
    subject: `${filed.year}/v${filed.version}`,
    detail: { origin: filed.origin, ...(correctionId ? { correction: correctionId } : {}) },
  };
}
