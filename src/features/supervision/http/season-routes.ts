/**
 * The reporting season over HTTP (staff): a supervising office opens a season with deadlines by level,
 * follows who has filed, reminds, and reads an agency's evaluator evidence (JSON, DOCX, PDF).
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem } from '../../../platform/http/error-codes.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { agencyYearParams } from '../../annual-report/http/report-routes.schema.ts';
import { FILING_STATE_LABELS } from '../domain/reporting-season.ts';
import { evidenceRows, type EvaluatorEvidence } from '../domain/evaluator-evidence.ts';
import { evidenceTitle, renderEvidenceDocx, renderEvidencePdf } from '../export/render-evidence.ts';
import type { FilingService } from '../use-cases/filing-service.ts';
import { agencyParams, refuse, staffOnly, TAG } from './supervision-http.ts';

const isoDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const seasonBody = z.object({
  year: z.number().int().min(2019).max(2100),
  deadlines: z.record(z.string().max(20), isoDateText).default({}),
});
const remindBody = z.object({
  agencyIds: z.array(z.string().max(63)).max(10_000).optional(),
  message: z.string().max(500).optional(),
});
const evidenceQuery = z.object({ format: z.enum(['json', 'docx', 'pdf']).default('json') });

export function registerSeasonRoutes(
  app: FastifyInstance,
  deps: {
    filing: FilingService;
    auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
    evidence: (agencyId: string, year: number) => Promise<EvaluatorEvidence | undefined>;
  },
): void {
  const { filing } = deps;

  app.post(
    '/api/agencies/:agencyId/seasons',
    {
      schema: {
        tags: [TAG],
        summary: '开启某年度的年报报送工作，按层级设定内部截止日期',
        params: agencyParams,
        body: seasonBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(seasonBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'run-seasons');
      const opened = await filing.openSeason(agencyId, body.year, body.deadlines, account.username);
      if (!opened.ok) refuse(opened.error);
      return reply.status(201).send(opened.value);
    },
  );

  app.get(
    '/api/agencies/:agencyId/seasons/:year',
    {
      schema: {
        tags: [TAG],
        summary: '报送进度：下级机关谁已报送、谁逾期、谁未开始',
        params: agencyYearParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const board = await filing.board(agencyId, year);
      if (!board.ok) refuse(board.error);
      return {
        ...board.value,
        rows: board.value.rows.map((r) => ({ ...r, stateLabel: FILING_STATE_LABELS[r.state] })),
        stateLabels: FILING_STATE_LABELS,
      };
    },
  );

  app.post(
    '/api/agencies/:agencyId/seasons/:year/reminders',
    {
      schema: {
        tags: [TAG],
        summary: '提醒下级机关报送（默认提醒所有未报送、逾期和更正中的机关）',
        params: agencyYearParams,
        body: remindBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      const body = parseInput(remindBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'run-seasons');
      const reminded = await filing.remind(agencyId, year, body.agencyIds, body.message, account.username);
      if (!reminded.ok) refuse(reminded.error);
      return reminded.value;
    },
  );

  app.get(
    '/api/agencies/:agencyId/evidence/:year',
    {
      schema: {
        tags: [TAG],
        summary:
          '评估佐证材料：按时答复率、主动公开及时率、政策解读率、留言按时答复率、年报按时报送（JSON、DOCX、PDF）',
        params: agencyYearParams,
        querystring: evidenceQuery,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      const { format } = parseInput(evidenceQuery, request.query);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const evidence = await deps.evidence(agencyId, year);
      if (!evidence) throw new HttpProblem('agency-not-found', `没有机关“${agencyId}”`);
      if (format === 'json') return { ...evidence, rows: evidenceRows(evidence) };
      const bytes =
        format === 'docx' ? await renderEvidenceDocx(evidence) : await renderEvidencePdf(evidence);
      return reply
        .type(
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${evidenceTitle(evidence)}.${format}`)}`,
        )
        .send(bytes);
    },
  );
}
