/**
 * Requests over HTTP. Public: apply online, check a status with number and query code (rate limited).
 * Staff (signed in, scoped to their agency and below): list, register, read, and act on cases.
 */
import type { FastifyInstance } from 'fastify';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { REFUSAL_MESSAGES } from '../domain/refusals.ts';
import type { CaseCommand } from '../domain/case-command.ts';
import type { CaseService, CaseView } from '../use-cases/case-service.ts';
import { ConcurrentChangeError } from '../use-cases/case-store.ts';
import {
  maskPresentedCase,
  maskSummary,
  presentCase,
  presentPublicStatus,
  presentSummary,
} from './case-presenter.ts';
import { hasPermission, type StaffRole } from '../../agencies/index.ts';
import { confirmationWait } from '../domain/confirmation-wait.ts';
import { z } from '../../../platform/validation.ts';
import {
  actionBody,
  agencyParams,
  caseParams,
  listQuery,
  publicApplicationBody,
  publicStatusBody,
  registerBody,
  type ActionBody,
} from './request-routes.schema.ts';

export interface RequestRouteDependencies {
  /**
   * 第四十四条: information several applicants asked for may become proactive disclosure. Drafts a
   * 主动公开 document from the case (it still goes through review); returns the document id.
   */
  readonly draftProactiveDocument: (
    agencyId: string,
    input: { title: string; category: string; body: string; origin: string },
    actor: string,
  ) => Promise<string>;
  readonly cases: CaseService;
  readonly auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
  readonly agencyExists: (agencyId: string) => Promise<boolean>;
  readonly calendarFor: (agencyId: string) => Promise<WorkCalendar>;
  readonly today: () => IsoDate;
  /** After how many working days an unconfirmed application is flagged (the agency's 公开设置). */
  readonly confirmationAlertWorkingDays: (agencyId: string) => Promise<number>;
  /** Staff accounts' names by username, for the history. */
  readonly staffNames: (usernames: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

function toCommand(body: ActionBody, approvedBy: string): CaseCommand {
  const { reason: _reason, ...command } = body;
  switch (command.type) {
    case 'grant-extension':
    case 'approve':
      return { ...command, approvedBy };
    case 'assign':
      // The use case checks the account and takes its name from the record.
      return { ...command, handlerName: '' };
    default:
      return command;
  }
}

/** Approving is the approver's (第三十三条: the head of the disclosure office); every other step the officer's. */
const APPROVER_STEPS: ReadonlySet<ActionBody['type']> = new Set([
  'grant-extension',
  'approve',
  'refuse-approval',
]);

const feeQuoteQuery = z.object({
  method: z.enum(['per-application', 'per-page']),
  pages: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
const toProactiveBody = z.object({
  title: z.string().trim().min(2).max(300),
  category: z.string().trim().min(1).max(100),
  body: z.string().max(500_000).optional(),
});
const STAFF_TAG = '依申请公开（工作人员）';
const PUBLIC_TAG = '依申请公开（公众）';
/** Staff routes need the session cookie (and x-csrf-token on writes). */
const staffOnly = { security: [{ session: [] }] };

const REGISTRATION_REFUSALS = {
  'date-in-future': '日期不能晚于今天',
  'received-before-submitted': '收到日期不能早于提交日期',
  'received-on-submission': '当面提交（或口头提出）的申请，收到日期就是提交当日（第三十一条），不能另填日期',
} as const;

export function registerRequestRoutes(app: FastifyInstance, deps: RequestRouteDependencies): void {
  /** The case as this account may see it, the history with people's names. */
  async function presentFor(account: { roles: readonly StaffRole[] }, agencyId: string, view: CaseView) {
    const names = await deps.staffNames(view.history.map((h) => h.actor));
    const presented = presentCase(view, deps.today(), await deps.calendarFor(agencyId), names);
    return hasPermission(account.roles, 'see-personal-data') ? presented : maskPresentedCase(presented);
  }

  async function requireAgency(agencyId: string) {
    if (!(await deps.agencyExists(agencyId)))
      throw new HttpProblem('agency-not-found', `没有机关“${agencyId}”`);
  }

  app.post(
    '/api/public/agencies/:agencyId/applications',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
      schema: {
        tags: [PUBLIC_TAG],
        summary: '网上提交申请，返回申请编号和查询码',
        params: agencyParams,
        body: publicApplicationBody,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(publicApplicationBody, request.body);
      await requireAgency(agencyId);
      const created = await deps.cases.submitOnline(agencyId, body.applicant, body.application);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/public/status',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: [PUBLIC_TAG],
        summary: '凭申请编号和查询码查询办理进度（不含个人信息）',
        body: publicStatusBody,
      },
    },
    async (request) => {
      const body = parseInput(publicStatusBody, request.body);
      const status = await deps.cases.publicStatus(body.agencyId, body.id, body.queryCode);
      if (!status) throw new HttpProblem('case-not-found', '没有找到该申请，或查询码不正确');
      return presentPublicStatus(status);
    },
  );

  app.get(
    '/api/agencies/:agencyId/requests',
    {
      schema: {
        tags: [STAFF_TAG],
        summary:
          '申请列表（分页）：按编号、申请人、所需信息检索，按状态、超期、期限、方式、结果、年度筛选，可按任一列排序；各状态的件数',
        params: agencyParams,
        querystring: listQuery,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const query = parseInput(listQuery, request.query);
      const account = await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const full = hasPermission(account.roles, 'see-personal-data');
      const [calendar, limit, found] = await Promise.all([
        deps.calendarFor(agencyId),
        deps.confirmationAlertWorkingDays(agencyId),
        deps.cases.page(agencyId, {
          ...(query.q ? { q: query.q } : {}),
          open: query.open,
          overdue: query.overdue,
          ...(query.status ? { statuses: [query.status] } : {}),
          ...(query.dueWithin !== undefined ? { dueWithinWorkingDays: query.dueWithin } : {}),
          ...(query.channel ? { channel: query.channel } : {}),
          ...(query.outcome ? { outcome: query.outcome } : {}),
          ...(query.year ? { year: query.year } : {}),
          ...(query.handler
            ? {
                handler:
                  query.handler === 'me' ? account.username : query.handler === 'none' ? '' : query.handler,
              }
            : {}),
          awaitingApproval: query.awaitingApproval,
          sort: query.sort,
          descending: query.dir === 'desc',
          page: query.page,
          pageSize: query.pageSize,
        }),
      ]);
      const today = deps.today();
      return {
        confirmationAlertWorkingDays: limit,
        total: found.total,
        page: found.page,
        pageSize: found.pageSize,
        counts: { byStatus: found.byStatus, overdue: found.overdue },
        requests: found.summaries.map((c) => {
          const presented = full ? presentSummary(c) : maskSummary(presentSummary(c));
          return c.status === 'submitted-unconfirmed'
            ? { ...presented, confirmation: confirmationWait(c.submittedOn, today, calendar, limit) }
            : presented;
        }),
      };
    },
  );

  app.post(
    '/api/agencies/:agencyId/requests',
    {
      schema: {
        tags: [STAFF_TAG],
        summary: '登记当面、邮寄、传真或口头提出的申请',
        params: agencyParams,
        body: registerBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(registerBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const created = await deps.cases.register(agencyId, body, account.username);
      if (!created.ok) {
        if (created.error.code === 'year-locked')
          throw new RefusalProblem(created.error, REFUSAL_MESSAGES['year-locked'], 409);
        throw new HttpProblem('invalid-request', REGISTRATION_REFUSALS[created.error.code]);
      }
      return reply.status(201).send(created.value);
    },
  );

  app.get(
    '/api/agencies/:agencyId/requests/:id',
    {
      schema: {
        tags: [STAFF_TAG],
        summary: '一件申请：状态、逐日计算的答复期限、办理记录',
        params: caseParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const view = await deps.cases.view(agencyId, id);
      if (!view) throw new HttpProblem('case-not-found', `没有申请 ${id}`);
      return presentFor(account, agencyId, view);
    },
  );

  app.get(
    '/api/agencies/:agencyId/requests/:id/fee-quote',
    {
      schema: {
        tags: [STAFF_TAG],
        summary: '信息处理费试算：按件（申请人当月第几件）或按量（页数）',
        params: caseParams,
        querystring: feeQuoteQuery,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      const { method, pages } = parseInput(feeQuoteQuery, request.query);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const quote = await deps.cases.feeQuote(agencyId, id, method, pages);
      if (quote.ok) return quote.value;
      if (quote.error.code === 'case-not-found') throw new HttpProblem('case-not-found', `没有申请 ${id}`);
      throw new HttpProblem(
        'invalid-request',
        quote.error.code === 'pages-required' ? '按量计收须提供页数 pages' : '尚未确认收到申请，无法计算',
      );
    },
  );

  app.post(
    '/api/agencies/:agencyId/requests/:id/to-proactive',
    {
      schema: {
        tags: [STAFF_TAG],
        summary: '依申请公开转主动公开（第四十四条）：由本申请起草一份主动公开文件',
        params: caseParams,
        body: toProactiveBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      const body = parseInput(toProactiveBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      const view = await deps.cases.view(agencyId, id);
      if (!view) throw new HttpProblem('case-not-found', `没有申请 ${id}`);
      const documentId = await deps.draftProactiveDocument(
        agencyId,
        {
          title: body.title,
          category: body.category,
          body: body.body ?? view.case.application.description,
          origin: `依申请公开转主动公开（《条例》第四十四条），源自申请 ${id}`,
        },
        account.username,
      );
      return reply.status(201).send({ documentId });
    },
  );

  app.post(
    '/api/agencies/:agencyId/requests/:id/actions',
    {
      schema: {
        tags: [STAFF_TAG],
        summary: '办理一步；法律不允许的步骤返回 422、原因代码和说明',
        params: caseParams,
        body: actionBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      const body = parseInput(actionBody, request.body);
      const account = await requireStaff(
        request,
        deps.auth,
        agencyId,
        APPROVER_STEPS.has(body.type) ? 'approve-extensions' : 'work-cases',
      );
      const result = await deps.cases
        .act(agencyId, id, toCommand(body, account.displayName), account.username, body.reason)
        .catch((error: unknown) => {
          if (error instanceof ConcurrentChangeError)
            throw new HttpProblem('concurrent-change', '该申请刚被他人修改，请刷新后重试');
          throw error;
        });
      if (!result.ok) {
        if (result.error.code === 'case-not-found') throw new HttpProblem('case-not-found', `没有申请 ${id}`);
        throw new RefusalProblem(
          result.error,
          REFUSAL_MESSAGES[result.error.code],
          result.error.code === 'case-closed' || result.error.code === 'year-locked' ? 409 : 422,
        );
      }
      return presentFor(account, agencyId, result.value);
    },
  );
}
