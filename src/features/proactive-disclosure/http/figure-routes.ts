/**
 * Figures for table 二 that come from other systems (licensing, penalty and coercion decisions; the
 * administrative fee income in 万元, not the 信息处理费), entered per year with who entered them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { yearLockedMessage, type YearLock } from '../../../shared/domain/year-lock.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { cellLabel, ENTERED_2019_CELLS, formatOfYear, FORMAT_2019 } from '../../annual-report/index.ts';
import { agencyParams } from './document-routes.schema.ts';
import type { figuresRepository } from '../db/figures-repository.ts';

const yearParams = agencyParams.extend({ year: z.coerce.number().int().min(2019).max(2100) });
const count = z.number().int('应为整数').min(0, '不能为负数').max(1_000_000_000);
const figuresBody = z.object({
  licensing: count,
  penalty: count,
  coercion: count,
  adminFeesWan: z.number().min(0, '不能为负数').max(1e12),
  /** 2019 and 2020: the 2019 format's table 二 cells, by id (本年增/减 may be negative). */
  entered2019: z.record(z.string().max(60), z.number().finite().min(-1e9).max(1e12)).optional(),
});

/** What is wrong with entered 2019-format cells for `year`, in words; empty when nothing is. */
function entered2019Problems(year: number, entered: Readonly<Record<string, number>> | undefined): string[] {
  if (!entered) return [];
  if (formatOfYear(year) !== '2019') return [`${year} 年度报告使用2021年格式，没有2019年格式的表二单元格`];
  const problems: string[] = [];
  for (const [cell, value] of Object.entries(entered)) {
    if (!ENTERED_2019_CELLS.includes(cell)) problems.push(`“${cell}”不是需要填报的2019年格式表二单元格`);
    else if (!FORMAT_2019.signedCells.has(cell) && value < 0)
      problems.push(`${cellLabel('2019', cell)}不能为负数`);
    else if (!FORMAT_2019.decimalCells.has(cell) && !Number.isInteger(value))
      problems.push(`${cellLabel('2019', cell)}应为整数`);
  }
  return problems;
}
const TAG = '表二数据（工作人员）';
const staffOnly = { security: [{ session: [] }] };

export function registerFigureRoutes(
  app: FastifyInstance,
  deps: {
    figures: ReturnType<typeof figuresRepository>;
    auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
    now: () => string;
    /** Figures of a filed (locked) year are not changed. */
    yearLock?: YearLock;
  },
): void {
  app.get(
    '/api/agencies/:agencyId/figures/:year',
    { schema: { tags: [TAG], summary: '某年度表二数据及填报人', params: yearParams, ...staffOnly } },
    async (request) => {
      const { agencyId, year } = parseInput(yearParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const figures = await deps.figures.find(agencyId, year);
      if (!figures) throw new HttpProblem('not-found', `${year} 年尚未填报表二数据`);
      return { year, format: formatOfYear(year), ...figures };
    },
  );

  app.put(
    '/api/agencies/:agencyId/figures/:year',
    {
      schema: {
        tags: [TAG],
        summary: '填报某年度表二数据（行政许可、处罚、强制决定数，行政事业性收费万元）',
        params: yearParams,
        body: figuresBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, year } = parseInput(yearParams, request.params);
      const body = parseInput(figuresBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const problems = entered2019Problems(year, body.entered2019);
      if (problems.length > 0) throw new HttpProblem('invalid-request', problems.join('；'));
      if (await deps.yearLock?.(agencyId, year))
        throw new RefusalProblem(
          { code: 'year-locked' },
          yearLockedMessage({ code: 'year-locked', agencyId, year }),
          409,
        );
      await deps.figures.save(agencyId, year, body, account.username, deps.now());
      return { year, ...body, enteredBy: account.username };
    },
  );
}
