/**
 * The report of an agency-year from its stored records, and the records behind any of its cells.
 * The four tallies run concurrently; counting happens in the database.
 */
import type { AnnualReport } from '../domain/annual-report.ts';
import { buildAnnualReport } from '../domain/build-annual-report.ts';
import { selectorForCell } from '../domain/cell-selector.ts';
import { formatOfYear } from '../domain/report-format.ts';
import type { CheckContext } from '../domain/check-consistency.ts';
import type { ProceedingCounting, ReportFacts } from '../domain/report-facts.ts';
import type { KnownFacts, ReportFactSource } from './report-fact-source.ts';

export interface StoredReportRequest {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly year: number;
  readonly counting: ProceedingCounting;
  readonly previous?: CheckContext['previous'];
}

export async function gatherFacts(
  source: ReportFactSource,
  agencyId: string,
  year: number,
  counting: ProceedingCounting,
): Promise<ReportFacts> {
  const [requests, proceedings, documents, figures, proactive, fees, work] = await Promise.all([
    source.tallyRequests(agencyId, year),
    source.tallyProceedings(agencyId, year, counting),
    source.tallyDocuments(agencyId, year),
    source.figures(agencyId, year),
    source.proactiveActivity?.(agencyId, year),
    source.processingFees?.(agencyId, year),
    source.workActivity?.(agencyId, year),
  ]);
  return assembleFacts({ requests, proceedings, documents, figures, proactive, fees, work });
}

/** An agency's facts from its parts (one agency's reads, or its share of many agencies' reads). */
export function assembleFacts(parts: {
  requests: ReportFacts['requests'];
  proceedings: ReportFacts['proceedings'];
  documents: ReportFacts['documents'];
  figures: ReportFacts['figures'];
  proactive: ReportFacts['proactive'] | undefined;
  fees: ReportFacts['fees'] | undefined;
  work: ReportFacts['work'] | undefined;
}): ReportFacts {
  const { requests, proceedings, documents, figures, proactive, fees, work } = parts;
  return {
    requests,
    proceedings,
    documents,
    figures,
    ...(proactive ? { proactive } : {}),
    ...(fees ? { fees } : {}),
    ...(work?.length ? { work } : {}),
  };
}

/** Many agencies' reports of a year, their facts read together where the source can (a province filed at once). */
export async function buildStoredReports(
  source: ReportFactSource,
  agencies: ReadonlyArray<{ readonly id: string; readonly name: string }>,
  year: number,
  counting: ProceedingCounting,
  previous: ReadonlyMap<string, NonNullable<CheckContext['previous']>>,
  known?: KnownFacts,
): Promise<Map<string, AnnualReport>> {
  const ids = agencies.map((a) => a.id);
  const facts = source.factsOfMany
    ? await source.factsOfMany(ids, year, counting, known)
    : new Map(
        await Promise.all(
          ids.map(async (id) => [id, await gatherFacts(source, id, year, counting)] as const),
        ),
      );
  return new Map(
    agencies.map((agency) => {
      const before = previous.get(agency.id);
      return [
        agency.id,
        buildAnnualReport(
          facts.get(agency.id)!,
          { year, agencyName: agency.name },
          before ? { previous: before } : {},
        ),
      ];
    }),
  );
}

export async function buildStoredReport(
  source: ReportFactSource,
  request: StoredReportRequest,
): Promise<AnnualReport> {
  const facts = await gatherFacts(source, request.agencyId, request.year, request.counting);
  return buildAnnualReport(
    facts,
    { year: request.year, agencyName: request.agencyName },
    request.previous ? { previous: request.previous } : {},
  );
}

export type StoredCellExplanation =
  | {
      readonly ok: true;
      readonly cell: string;
      readonly source: 'requests' | 'proceedings' | 'documents' | 'figures';
      readonly recordIds: readonly string[];
    }
  | { readonly ok: false; readonly code: 'unknown-cell'; readonly cell: string };

export async function explainStoredCell(
  source: ReportFactSource,
  agencyId: string,
  year: number,
  cell: string,
  counting: ProceedingCounting,
): Promise<StoredCellExplanation> {
  const selector = selectorForCell(cell, formatOfYear(year));
  if (!selector) return { ok: false, code: 'unknown-cell', cell };
  return {
    ok: true,
    cell,
    source: selector.source,
    recordIds: await source.recordsBehind(agencyId, selector, year, counting),
  };
}
