/**
 * The supervision store: filed reports (every version kept, never overwritten), with the seasons and
 * reminders (season-store.ts) and the corrections (correction-store.ts). A year is locked while its latest
 * filed version has status `filed`; filing a version whose number is taken fails on the primary key, so
 * two officers filing at once cannot both succeed.
 */
import { restoredReport, storedReport } from './stored-checks.ts';
import { cellsOfStored, type StoredCells } from './stored-cells.ts';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { isPostgres } from '../../../platform/db/dialect.ts';
import type { Database, FiledReportTable } from '../../../platform/db/schema.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { perAgencies } from '../../../platform/db/by-agency.ts';
import { chunk } from '../../../platform/db/report-period.ts';
import type { AnnualReport, ReportFormatId } from '../../annual-report/index.ts';
import { seasonStore } from './season-store.ts';
import { correctionStore } from './correction-store.ts';

export type { ReportCorrection } from './correction-store.ts';

export type FilingOrigin = 'records' | 'import' | 'consolidation';

export interface FiledReport {
  readonly agencyId: string;
  readonly year: number;
  readonly version: number;
  readonly status: 'filed' | 'reopened';
  readonly origin: FilingOrigin;
  readonly format: ReportFormatId;
  readonly report: AnnualReport;
  readonly explanations: Readonly<Record<string, string>>;
  readonly children: ReadonlyArray<{ readonly agencyId: string; readonly version: number }>;
  readonly sourceFile?: string;
  readonly filedBy: string;
  readonly filedAt: string;
  readonly filedOn: IsoDate;
  readonly reopenedAt?: string;
  /** Replies answered in the year and those on time, when the agency's cases (and its children's) are here. */
  readonly indicators?: ReplyIndicators;
}

/** What a parent, or the next year's report, reads of a filed version: its tables, not its checks or text. */
export type FiledTables = Pick<
  FiledReport,
  'agencyId' | 'year' | 'version' | 'status' | 'origin' | 'format' | 'indicators'
> & { readonly cells: AnnualReport['cells'] };

export interface ReplyIndicators {
  readonly replied: number;
  readonly repliedOnTime: number;
}

export type FiledSummary = Pick<
  FiledReport,
  'agencyId' | 'year' | 'version' | 'status' | 'origin' | 'filedOn' | 'children' | 'indicators'
>;

function toFiled(row: Selectable<FiledReportTable>): FiledReport {
  return {
    agencyId: row.agency_id,
    year: Number(row.year),
    version: Number(row.version),
    status: row.status === 'reopened' ? 'reopened' : 'filed',
    origin: row.origin as FilingOrigin,
    format: row.format as ReportFormatId,
    report: restoredReport(JSON.parse(row.report) as Parameters<typeof restoredReport>[0]),
    explanations: JSON.parse(row.explanations) as Record<string, string>,
    children: JSON.parse(row.children) as FiledReport['children'],
    ...(row.source_file ? { sourceFile: row.source_file } : {}),
    filedBy: row.filed_by,
    filedAt: row.filed_at,
    filedOn: row.filed_on as IsoDate,
    ...(row.reopened_at ? { reopenedAt: row.reopened_at } : {}),
    ...(row.indicators ? { indicators: JSON.parse(row.indicators) as ReplyIndicators } : {}),
  };
}

function filedRow(report: FiledReport) {
  return {
    agency_id: report.agencyId,
    year: report.year,
    version: report.version,
    status: report.status,
    origin: report.origin,
    format: report.format,
    report: JSON.stringify(storedReport(report.report)),
    explanations: JSON.stringify(report.explanations),
    children: JSON.stringify(report.children),
    source_file: report.sourceFile ?? null,
    filed_by: report.filedBy,
    filed_at: report.filedAt,
    filed_on: report.filedOn,
    reopened_at: null,
    indicators: report.indicators ? JSON.stringify(report.indicators) : null,
  };
}

/** A filed version that lost the race for its number. */
export class FilingConflictError extends Error {}

interface HeadRow {
  agency_id: string;
  year: number | string;
  version: number | string;
  status: string;
  origin: string;
  indicators: string | null;
}

/** Which version of whose report, and its reply indicators: what every slim read of a version has. */
function headOf(r: HeadRow) {
  return {
    agencyId: r.agency_id,
    year: Number(r.year),
    version: Number(r.version),
    status: r.status === 'reopened' ? ('reopened' as const) : ('filed' as const),
    origin: r.origin as FilingOrigin,
    ...(r.indicators ? { indicators: JSON.parse(r.indicators) as ReplyIndicators } : {}),
  };
}

function toSummary(r: HeadRow & { filed_on: string; children: string }): FiledSummary {
  return {
    ...headOf(r),
    filedOn: r.filed_on as IsoDate,
    children: JSON.parse(r.children) as FiledReport['children'],
  };
}

export function supervisionRepository(db: Kysely<Database>) {
  /** Filed versions `f` that are the latest of their agency and year. */
  const latestOnly = (executor: Kysely<Database> | Transaction<Database> = db) =>
    executor.selectFrom('filed_reports as f').where(({ eb, selectFrom }) =>
      eb(
        'f.version',
        '=',
        selectFrom('filed_reports as g')
          .select(({ fn }) => fn.max('g.version').as('v'))
          .whereRef('g.agency_id', '=', 'f.agency_id')
          .whereRef('g.year', '=', 'f.year'),
      ),
    );
  const latestVersions = (year: number) => latestOnly().where('f.year', '=', year);
  const summaries = () =>
    latestOnly().select([
      'f.agency_id',
      'f.year',
      'f.version',
      'f.status',
      'f.origin',
      'f.filed_on',
      'f.children',
      'f.indicators',
    ]);
  return {
    async latest(agencyId: string, year: number): Promise<FiledReport | undefined> {
      const row = await db
        .selectFrom('filed_reports')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('year', '=', year)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toFiled(row) : undefined;
    },
    /** The latest version of each of these agencies' report for the year (any status), grouped. */
    latestMany: (agencyIds: readonly string[], year: number): Promise<Map<string, FiledReport>> =>
      perAgencies(agencyIds, async (ids) => {
        const rows = await latestVersions(year).selectAll('f').where('f.agency_id', 'in', ids).execute();
        return new Map(rows.map((row) => [row.agency_id, toFiled(row)]));
      }),
    /**
     * The latest version of each of these agencies' report for the year as a parent or the next year
     * reads it — its tables, lineage and indicators, not its checks or text (grouped; a province's
     * thousands of filed reports are not read whole).
     */
    latestTablesMany: (
      agencyIds: readonly string[],
      year: number,
      /** Only these cells (what the rules read of last year's report): less to build. */
      only?: readonly string[],
    ): Promise<Map<string, FiledTables>> =>
      perAgencies(agencyIds, async (ids) => {
        // The cells as stored: values in order (storedCells), or by name (a version stored before).
        const cells = isPostgres(db)
          ? sql<string>`(select coalesce(r -> 'storedCells', r -> 'cells') from (select f.report::json as r) x)::text`
          : sql<string>`coalesce(json_extract(f.report, '$.storedCells'), json_extract(f.report, '$.cells'))`;
        const rows = await latestVersions(year)
          .select([
            'f.agency_id',
            'f.year',
            'f.version',
            'f.status',
            'f.origin',
            'f.format',
            'f.indicators',
            cells.as('cells'),
          ])
          .where('f.agency_id', 'in', ids)
          .execute();
        return new Map(
          rows.map((r) => [
            r.agency_id,
            {
              ...headOf(r),
              format: r.format as ReportFormatId,
              cells: cellsOfStored(r.format as ReportFormatId, JSON.parse(r.cells) as StoredCells, only),
            },
          ]),
        );
      }),
    async version(agencyId: string, year: number, version: number): Promise<FiledReport | undefined> {
      const row = await db
        .selectFrom('filed_reports')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('year', '=', year)
        .where('version', '=', version)
        .executeTakeFirst();
      return row ? toFiled(row) : undefined;
    },
    async versions(agencyId: string, year: number): Promise<FiledReport[]> {
      const rows = await db
        .selectFrom('filed_reports')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('year', '=', year)
        .orderBy('version')
        .execute();
      return rows.map(toFiled);
    },
    /** The latest version of every agency's report for a year (one query). */
    async latestOfYear(year: number): Promise<FiledReport[]> {
      return (await latestVersions(year).selectAll('f').orderBy('f.agency_id').execute()).map(toFiled);
    },
    /** The latest version of every agency's report for a year, without the report itself (the board). */
    async summariesOfYear(year: number): Promise<FiledSummary[]> {
      return (await summaries().where('f.year', '=', year).orderBy('f.agency_id').execute()).map(toSummary);
    },
    /** The latest version of each year these agencies filed, without the reports (oldest year first). */
    async summariesOf(agencyIds: readonly string[]): Promise<FiledSummary[]> {
      if (agencyIds.length === 0) return [];
      const rows = await summaries()
        .where('f.agency_id', 'in', [...agencyIds])
        .orderBy('f.agency_id')
        .orderBy('f.year')
        .execute();
      return rows.map(toSummary);
    },
    /** When each agency first filed for the year (for the on-time state). */
    async firstFiledOn(year: number): Promise<Map<string, IsoDate>> {
      const rows = await db
        .selectFrom('filed_reports')
        .select(['agency_id'])
        .select(({ fn }) => fn.min('filed_on').as('first'))
        .where('year', '=', year)
        .groupBy('agency_id')
        .execute();
      return new Map(rows.map((r) => [r.agency_id, String(r.first) as IsoDate]));
    },
    /** An agency's latest filed version of every year, oldest year first. */
    async latestPerYear(agencyId: string): Promise<FiledReport[]> {
      const rows = await latestOnly()
        .selectAll('f')
        .where('f.agency_id', '=', agencyId)
        .orderBy('f.year')
        .execute();
      return rows.map(toFiled);
    },
    /** The years some report was filed for, newest first. */
    async filedYears(): Promise<number[]> {
      const rows = await db
        .selectFrom('filed_reports')
        .select('year')
        .distinct()
        .orderBy('year', 'desc')
        .execute();
      return rows.map((r) => Number(r.year));
    },
    async isLocked(agencyId: string, year: number): Promise<boolean> {
      return (await this.latest(agencyId, year))?.status === 'filed';
    },
    /** Stores version n; a version already taken (another filing won) throws FilingConflictError. */
    async file(report: FiledReport, correctionId?: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('filed_reports')
          .select('version')
          .where('agency_id', '=', report.agencyId)
          .where('year', '=', report.year)
          .where('version', '>=', report.version)
          .executeTakeFirst();
        if (taken) throw new FilingConflictError(`version ${report.version} taken`);
        try {
          await trx.insertInto('filed_reports').values(filedRow(report)).execute();
        } catch (error) {
          throw new FilingConflictError(String(error));
        }
        if (correctionId)
          await trx
            .updateTable('report_corrections')
            .set({ refiled_version: report.version })
            .where('id', '=', correctionId)
            .execute();
      });
    },
    /**
     * Stores many versions in one transaction (a level of a tree filed together), with the corrections
     * they answer, then `alongside` with those stored in the same transaction (their audit entries).
     * A version whose number another filing took meanwhile is not stored; its agency is returned.
     */
    async fileMany(
      filings: ReadonlyArray<{ filed: FiledReport; correctionId?: string }>,
      alongside: (
        trx: Transaction<Database>,
        stored: ReadonlyArray<{ filed: FiledReport; correctionId?: string }>,
      ) => Promise<void>,
    ): Promise<string[]> {
      if (filings.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const inserted = new Set<string>();
        for (const some of chunk(filings, 100)) {
          const rows = await trx
            .insertInto('filed_reports')
            .values(some.map((f) => filedRow(f.filed)))
            .onConflict((oc) => oc.columns(['agency_id', 'year', 'version']).doNothing())
            .returning('agency_id')
            .execute();
          for (const row of rows) inserted.add(row.agency_id);
        }
        const stored = filings.filter((f) => inserted.has(f.filed.agencyId));
        for (const { filed, correctionId } of stored)
          if (correctionId)
            await trx
              .updateTable('report_corrections')
              .set({ refiled_version: filed.version })
              .where('id', '=', correctionId)
              .execute();
        await alongside(trx, stored);
        return filings.filter((f) => !inserted.has(f.filed.agencyId)).map((f) => f.filed.agencyId);
      });
    },
    ...seasonStore(db),
    ...correctionStore(db),
  };
}

export type SupervisionRepository = ReturnType<typeof supervisionRepository>;
