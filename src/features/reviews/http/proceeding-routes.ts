/**
 * 行政复议 and 行政诉讼 over HTTP, on the case they concern: list them, record one as it is filed, record
 * its outcome. Staff only, scoped to their agency and the agencies below it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { yearLockedMessage } from '../../../shared/domain/year-lock.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { PROCEEDING_KINDS, PROCEEDING_RESULTS } from '../../annual-report/index.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { agencyParams, caseParams, isoDate } from '../../requests/http/request-routes.schema.ts';
import type { Proceeding } from '../domain/proceeding.ts';
import {
  PROCEEDING_KIND_LABELS,
  PROCEEDING_RESULT_LABELS,
  proceedingRefusalMessage,
} from '../domain/record-proceeding.ts';
import type { ProceedingService, ProceedingServiceRefusal } from '../use-cases/proceeding-service.ts';

export interface ProceedingRouteDependencies {
  readonly proceedings: ProceedingService;
  readonly auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
}

const TAG = '行政复议、行政诉讼';
const staffOnly = { security: [{ session: [] }] };
const proceedingParams = agencyParams.extend({
  proceedingId: z.string().regex(/^(FY|SS)-\d{4}-\d{3,6}$/, '案件编号应形如 FY-2025-001 或 SS-2025-001'),
});
const recordBody = z.object({
  kind: z.enum(PROCEEDING_KINDS),
  filedOn: isoDate,
});
const decisionBody = z.object({
  result: z.enum(PROCEEDING_RESULTS),
  decidedOn: isoDate,
});
const reason = z.string().trim().min(2, '请写明更正或撤销的理由').max(500);
const correctionBody = z
  .object({
    filedOn: isoDate.optional(),
    result: z.enum(PROCEEDING_RESULTS).optional(),
    decidedOn: isoDate.optional(),
    reason,
  })
  .refine((b) => b.filedOn || b.result || b.decidedOn, '请写明要更正的内容（立案日期、结果或审结日期）');
const removalBody = z.object({ reason });

function present(p: Proceeding) {
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: PROCEEDING_KIND_LABELS[p.kind],
    filedOn: p.filedOn,
    requestId: p.requestId ?? null,
    status: p.result ? p.result : 'pending',
    statusLabel: p.result ? PROCEEDING_RESULT_LABELS[p.result] : '尚未审结',
    decidedOn: p.decidedOn ?? null,
  };
}

function refuse(refusal: ProceedingServiceRefusal): never {
  switch (refusal.code) {
    case 'case-not-found':
      throw new HttpProblem('case-not-found', `没有申请 ${refusal.caseId}`);
    case 'proceeding-not-found':
      throw new HttpProblem('not-found', `没有复议、诉讼案件 ${refusal.id}`);
    case 'year-locked':
      throw new RefusalProblem(refusal, yearLockedMessage(refusal), 409);
    case 'changed-meanwhile':
      throw new HttpProblem('concurrent-change', `${refusal.id} 刚被他人修改，请刷新后重试`);
    default:
      throw new RefusalProblem(refusal, proceedingRefusalMessage(refusal));
  }
}

export function registerProceedingRoutes(app: FastifyInstance, deps: ProceedingRouteDependencies): void {
  app.get(
    '/api/agencies/:agencyId/requests/:id/proceedings',
    { schema: { tags: [TAG], summary: '该申请引起的行政复议、行政诉讼', params: caseParams, ...staffOnly } },
    async (request) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return { proceedings: (await deps.proceedings.ofCase(agencyId, id)).map(present) };
    },
  );

  app.post(
    '/api/agencies/:agencyId/requests/:id/proceedings',
    {
      schema: {
        tags: [TAG],
        summary: '登记该申请引起的行政复议或行政诉讼（立案或申请之日）',
        params: caseParams,
        body: recordBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      const body = parseInput(recordBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const recorded = await deps.proceedings.record(
        agencyId,
        id,
        { kind: body.kind, filedOn: body.filedOn as IsoDate },
        account.username,
      );
      if (!recorded.ok) refuse(recorded.error);
      return reply.status(201).send(present(recorded.value));
    },
  );

  app.post(
    '/api/agencies/:agencyId/proceedings/:proceedingId/decision',
    {
      schema: {
        tags: [TAG],
        summary: '登记复议决定或裁判结果（结果维持、结果纠正、其他结果）',
        params: proceedingParams,
        body: decisionBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, proceedingId } = parseInput(proceedingParams, request.params);
      const body = parseInput(decisionBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const decided = await deps.proceedings.decide(
        agencyId,
        proceedingId,
        { result: body.result, decidedOn: body.decidedOn as IsoDate },
        account.username,
      );
      if (!decided.ok) refuse(decided.error);
      return present(decided.value);
    },
  );

  app.post(
    '/api/agencies/:agencyId/proceedings/:proceedingId/correction',
    {
      schema: {
        tags: [TAG],
        summary: '更正登记有误的立案日期、结果或审结日期（写明理由）',
        params: proceedingParams,
        body: correctionBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, proceedingId } = parseInput(proceedingParams, request.params);
      const body = parseInput(correctionBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const { reason: why, ...fields } = body;
      const corrected = await deps.proceedings.correct(
        agencyId,
        proceedingId,
        {
          ...(fields.filedOn ? { filedOn: fields.filedOn as IsoDate } : {}),
          ...(fields.result ? { result: fields.result } : {}),
          ...(fields.decidedOn ? { decidedOn: fields.decidedOn as IsoDate } : {}),
        },
        why,
        account.username,
      );
      if (!corrected.ok) refuse(corrected.error);
      return present(corrected.value);
    },
  );

  app.post(
    '/api/agencies/:agencyId/proceedings/:proceedingId/removal',
    {
      schema: {
        tags: [TAG],
        summary: '撤销误登记的复议、诉讼案件（写明理由；审计日志保留原记录）',
        params: proceedingParams,
        body: removalBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, proceedingId } = parseInput(proceedingParams, request.params);
      const body = parseInput(removalBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const removed = await deps.proceedings.remove(agencyId, proceedingId, body.reason, account.username);
      if (!removed.ok) refuse(removed.error);
      return { removed: present(removed.value) };
    },
  );
}
