/**
 * Filing a report read from a published file (an agency that keeps no records here): the format and year
 * it must be, every cell read or typed in by the office, the rules checked against last year's filing and
 * the figures the text states. Part of the filing service (filing-service.ts), which spreads it into its
 * own operations.
 */
import { err, type Result } from '../../../shared/domain/result.ts';
import {
  checkConsistency,
  reportFormat,
  previousYearCells,
  cellLabel,
  formatOfYear,
  type AnnualReport,
  type CellId,
  type CheckContext,
  type ReportFormatId,
} from '../../annual-report/index.ts';
import type { Agency } from '../../agencies/index.ts';
import { decideFiling } from '../domain/filing-decision.ts';
import type { FiledReport } from '../db/supervision-repository.ts';
import type { FilingDependencies, SupervisionRefusal } from './filing-service.ts';
import type { CarriedOnRecord } from '../../report-import/use-cases/audit-report.ts';

export function importFiling(
  deps: FilingDependencies,
  shared: {
    agencyOr(agencyId: string): Promise<Result<Agency, SupervisionRefusal>>;
    checkYear(year: number): SupervisionRefusal | undefined;
    openForFiling(latest: FiledReport | undefined): SupervisionRefusal | undefined;
    storeFiling(
      agency: Agency,
      year: number,
      latest: FiledReport | undefined,
      filing: Omit<
        FiledReport,
        'agencyId' | 'year' | 'version' | 'status' | 'filedBy' | 'filedAt' | 'filedOn'
      >,
      actor: string,
    ): Promise<Result<FiledReport, SupervisionRefusal>>;
  },
) {
  const { store } = deps;
  return {
    /**
     * The year before's 结转下年度继续办理 as filed here, by column — this year's 上年结转 (R6) — for reading
     * a published file whose row 二 was printed run together; none where that year was not filed.
     */
    async carriedInto(agencyId: string, year: number): Promise<CarriedOnRecord | undefined> {
      // Of the filed version only the cells the rules read of last year's report (its 结转 among them).
      const before = (await store.latestTablesMany([agencyId], year - 1, previousYearCells())).get(agencyId);
      if (before?.status !== 'filed') return undefined;
      const columns = reportFormat(before.format).tables.t3.columns.map((c) => before.cells[`t3.r4.${c.id}`]);
      return columns.every((v) => v !== undefined) ? { into: year, columns: columns as number[] } : undefined;
    },

    /** Files a report read from a published file (an agency that keeps no records here). */
    async fileFromImport(
      agencyId: string,
      year: number,
      reading: {
        readonly format: ReportFormatId | undefined;
        readonly year?: number;
        readonly cells: Readonly<Record<CellId, number>>;
        readonly unread: readonly CellId[];
        readonly sections?: AnnualReport['sections'];
        /** The figures the report's text states (R8 compares them with the tables). */
        readonly stated?: CheckContext['statedFigures'];
      },
      sourceFile: string,
      explanations: Readonly<Record<string, string>>,
      actor: string,
      /** Cells the file did not yield, read from its text by the office and typed in. */
      typed: Readonly<Record<CellId, number>> = {},
    ): Promise<Result<FiledReport, SupervisionRefusal>> {
      const found = await shared.agencyOr(agencyId);
      if (!found.ok) return found;
      const badYear = shared.checkYear(year);
      if (badYear) return err(badYear);
      const expected = formatOfYear(year);
      if (reading.format !== expected)
        return err({ code: 'format-mismatch', format: reading.format ?? '无法识别', expected });
      if (reading.year !== undefined && reading.year !== year)
        return err({ code: 'year-mismatch', stated: reading.year, year });
      const unread = reading.unread.filter((c) => typed[c] === undefined);
      if (unread.length > 0)
        return err({
          code: 'cells-unread',
          cells: unread,
          labels: unread.map((c) => cellLabel(expected, c)),
        });
      const [latest, previous] = await Promise.all([
        store.latest(agencyId, year),
        store.latest(agencyId, year - 1),
      ]);
      const closed = shared.openForFiling(latest);
      if (closed) return err(closed);
      const cells = Object.fromEntries(
        reportFormat(expected).cellIds.map((c) => [c, typed[c] ?? reading.cells[c] ?? 0]),
      );
      const typedCells = Object.fromEntries(
        Object.entries(typed)
          .filter(([c]) => reading.unread.includes(c))
          .map(([c, value]) => [c, { value, by: actor }]),
      );
      const checks = checkConsistency(
        { format: expected, cells },
        {
          ...(previous ? { previous: { format: previous.format, cells: previous.report.cells } } : {}),
          ...(reading.stated ? { statedFigures: reading.stated } : {}),
        },
      );
      const decided = decideFiling(checks, explanations);
      if (!decided.ok) return decided;
      const report: AnnualReport = {
        format: expected,
        year,
        agency: { name: found.value.name },
        cells,
        ...(reading.sections ? { sections: reading.sections } : {}),
        checks,
        ...(Object.keys(typedCells).length > 0 ? { typedCells } : {}),
      };
      return shared.storeFiling(
        found.value,
        year,
        latest,
        { origin: 'import', format: expected, report, explanations: decided.value, children: [], sourceFile },
        actor,
      );
    },
  };
}
