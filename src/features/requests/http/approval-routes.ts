/**
 * The approver's queue (extensions and later dates the handlers asked for, where the agency separates
 * duties) and the accounts a case can be given to. Approving and refusing are steps of the case
 * (POST …/actions with `approve` / `refuse-approval`): on its history and in the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { hasPermission, type StaffAccount } from '../../agencies/index.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import type { CaseService } from '../use-cases/case-service.ts';
import { maskName, maskPersonalData } from '../../../shared/domain/personal-data.ts';
import { agencyParams } from './request-routes.schema.ts';

export interface ApprovalRouteDependencies {
  readonly cases: CaseService;
  readonly auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
  /** Enabled accounts that may work the agency's cases (its officers and those of the agencies above). */
  readonly caseWorkers: (agencyId: string) => Promise<readonly StaffAccount[]>;
  /** Whether the agency separates duties. */
  readonly separationOfDuties: (agencyId: string) => Promise<boolean>;
  readonly staffNames: (usernames: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

const TAG = '依申请公开（工作人员）';
const staffOnly = { security: [{ session: [] }] };
/** A queue longer than this is shown in part, with its total (the list filters by 待审批 for the rest). */
const QUEUE_LIMIT = 100;

export function registerApprovalRoutes(app: FastifyInstance, deps: ApprovalRouteDependencies): void {
  app.get(
    '/api/agencies/:agencyId/approvals',
    {
      schema: {
        tags: [TAG],
        summary: '待审批：经办人申请的延期和合理期限，最早的在前；本人申请或经办的标明不能审批',
        params: agencyParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'approve-extensions');
      const [found, separate] = await Promise.all([
        deps.cases.page(agencyId, {
          awaitingApproval: true,
          sort: 'dueOn',
          pageSize: QUEUE_LIMIT,
        }),
        deps.separationOfDuties(agencyId),
      ]);
      const views = await Promise.all(found.summaries.map((s) => deps.cases.view(agencyId, s.id)));
      const full = hasPermission(account.roles, 'see-personal-data');
      const pending = views.flatMap((view) => {
        const p = view?.case.pendingApproval;
        return view && p ? [{ view, p }] : [];
      });
      const names = await deps.staffNames(pending.map(({ p }) => p.requestedBy));
      return {
        separationOfDuties: separate,
        total: found.total,
        approvals: pending
          .map(({ view, p }) => {
            const c = view.case;
            const own = p.requestedBy === account.username || c.handler?.username === account.username;
            return {
              caseId: c.id,
              kind: p.kind,
              requestedOn: p.requestedOn,
              requestedBy: names.get(p.requestedBy) ?? p.requestedBy,
              ...(p.workingDays !== undefined ? { workingDays: p.workingDays } : {}),
              ...(p.laterDate ? { laterDate: p.laterDate } : {}),
              reason: p.reason,
              dueOn: view.deadline.kind === 'running' ? view.deadline.dueOn : null,
              handlerName: c.handler?.name ?? null,
              applicantName:
                full || c.applicant.type !== 'natural' ? c.applicant.name : maskName(c.applicant.name),
              description: full ? c.application.description : maskPersonalData(c.application.description),
              mayDecide: !(separate && own),
            };
          })
          .sort((a, b) => a.requestedOn.localeCompare(b.requestedOn) || a.caseId.localeCompare(b.caseId)),
      };
    },
  );

  app.get(
    '/api/agencies/:agencyId/case-workers',
    {
      schema: {
        tags: [TAG],
        summary: '可以经办本机关申请的工作人员（本机关和上级机关中有经办人角色、未停用的账号）',
        params: agencyParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return {
        caseWorkers: (await deps.caseWorkers(agencyId)).map((a) => ({
          username: a.username,
          displayName: a.displayName,
          agencyId: a.agencyId,
        })),
      };
    },
  );
}
