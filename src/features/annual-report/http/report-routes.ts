/**
 * The report over HTTP: the report of an agency-year in any export format, the records behind a cell,
 * and the consistency check of a posted report JSON.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { HttpProblem } from '../../../platform/http/error-codes.ts';
import { buildStoredReport, explainStoredCell } from '../use-cases/build-stored-report.ts';
import type { ReportFactSource } from '../use-cases/report-fact-source.ts';
import { checkConsistency } from '../domain/check-consistency.ts';
import { CONTENT_TYPES } from '../export/render-report.ts';
import type { RenderCache } from '../export/render-cache.ts';
import { reportTitle } from '../export/report-title.ts';
import { parseReportInput } from '../io/parse-report-json.ts';
import { agencyYearParams, cellParams, checkBody, reportQuery } from './report-routes.schema.ts';

export interface ReportRouteDependencies {
  readonly source: ReportFactSource;
  readonly findAgency: (id: string) => Promise<{ id: string; name: string } | undefined>;
  /** Rendered files kept by content, at most two renders at once (export/render-cache.ts). */
  readonly files: RenderCache;
  /** Today, in China: a year not yet over is said to be counted up to it. */
  readonly today: () => string;
}

/**
 * Every page of a file built from the records says what it is: the records' figures, not the report the
 * agency published (a filed report is downloaded from its own page, without this notice).
 */
export function recordsNotice(agencyName: string, year: number, today: string): string {
  return year >= Number(today.slice(0, 4))
    ? `${year}年度尚未结束：本文件按截至${today}的办理记录统计，不是正式发布的年度报告。`
    : `本文件按办理记录统计，不是${agencyName}正式发布的${year}年度报告。`;
}

/**
 * Downloads of rendered reports by anyone: limited per address (a rendered PDF costs the server tens of
 * milliseconds), staff signed in are not.
 */
export const ANONYMOUS_DOWNLOADS = {
  rateLimit: {
    max: 60,
    timeWindow: '1 minute',
    allowList: (request: FastifyRequest) => request.staffSession !== undefined,
  },
};

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new HttpProblem(
      'invalid-request',
      parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；'),
      parsed.error.issues,
    );
  }
  return parsed.data;
}

export async function requireAgency(deps: Pick<ReportRouteDependencies, 'findAgency'>, agencyId: string) {
  const agency = await deps.findAgency(agencyId);
  if (!agency) throw new HttpProblem('agency-not-found', `没有机关“${agencyId}”`);
  return agency;
}

export function registerReportRoutes(app: FastifyInstance, deps: ReportRouteDependencies): void {
  app.get(
    '/api/agencies/:agencyId/reports/:year',
    {
      config: ANONYMOUS_DOWNLOADS,
      schema: {
        tags: ['年度报告'],
        summary: '由记录生成的年度报告（JSON、HTML、XLSX、DOCX、PDF）',
        params: agencyYearParams,
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      const { format, t4Counting } = parseInput(reportQuery, request.query);
      const agency = await requireAgency(deps, agencyId);
      const report = await buildStoredReport(deps.source, {
        agencyId,
        agencyName: agency.name,
        year,
        counting: t4Counting,
      });
      const bytes = await deps.files.render(report, format, {
        notice: recordsNotice(agency.name, year, deps.today()),
      });
      if (format !== 'json' && format !== 'html') {
        reply.header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${reportTitle(report)}.${format}`)}`,
        );
      }
      return reply.type(CONTENT_TYPES[format]).send(bytes);
    },
  );

  app.get(
    '/api/agencies/:agencyId/reports/:year/cells/:cellId',
    {
      schema: {
        tags: ['年度报告'],
        summary: '某个单元格统计的记录编号',
        params: cellParams,
        querystring: reportQuery,
      },
    },
    async (request) => {
      const { agencyId, year, cellId } = parseInput(cellParams, request.params);
      const { t4Counting } = parseInput(reportQuery, request.query);
      await requireAgency(deps, agencyId);
      const explanation = await explainStoredCell(deps.source, agencyId, year, cellId, t4Counting);
      if (!explanation.ok) throw new HttpProblem('unknown-cell', `“${cellId}”不是 2021 年格式的单元格编号`);
      return {
        cell: cellId,
        source: explanation.source,
        count: explanation.recordIds.length,
        recordIds: explanation.recordIds,
      };
    },
  );

  app.post(
    '/api/report-checks',
    { schema: { tags: ['年度报告'], summary: '对年度报告 JSON 运行全部勾稽关系检查', body: checkBody } },
    async (request) => {
      const body = parseInput(checkBody, request.body);
      const report = parseReportInput(body.report);
      if (!report.ok) throw new HttpProblem('invalid-report', '年度报告 JSON 无效', report.problems);
      const previous = body.previous === undefined ? undefined : parseReportInput(body.previous);
      if (previous && !previous.ok)
        throw new HttpProblem('invalid-report', '上年度报告 JSON 无效', previous.problems);
      return {
        checks: checkConsistency(report.report, previous?.ok ? { previous: previous.report } : {}),
        unknownCells: report.unknownCells,
      };
    },
  );
}
