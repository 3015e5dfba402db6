/** Documents over HTTP for staff: draft, read, and take review and publication steps. */
import type { FastifyInstance } from 'fastify';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { isWithinScope } from '../../agencies/domain/staff-role.ts';
import { decideAttribute } from '../domain/disclosure-attribute.ts';
import type { DocumentCommand } from '../domain/public-document.ts';
import type { DocumentService, DocumentServiceError } from '../use-cases/document-service.ts';
import type { StoredDocument } from '../db/document-repository.ts';
import { StaleDocumentError } from '../db/document-repository.ts';
import {
  agencyParams,
  documentParams,
  draftBody,
  stepBody,
  timelinessQuery,
} from './document-routes.schema.ts';

const MESSAGES: Readonly<Record<DocumentServiceError['code'], string>> = {
  'attribute-missing': '文件须先确定公开属性',
  'article-required': '依申请公开或不予公开须写明依据（第十四、十五、十六条）',
  'reason-required': '依申请公开或不予公开须写明理由',
  'article-not-applicable': '主动公开的文件不需要不予公开的依据',
  'not-editable': '文件已提交审查或已发布，不能修改公开属性',
  'wrong-status': '文件当前状态不能进行此操作',
  'reviewer-is-drafter': '审查须由起草人以外的人员进行',
  'comment-required': '请填写意见',
  'not-for-proactive-disclosure': '只有主动公开的文件才能发布',
  'published-before-formed': '发布日期不能早于文件形成日期',
  'document-not-found': '没有这个文件',
  'unknown-category': '该类别不在本机关的公开目录中，请先在公开设置中添加',
  'interpretation-needs-document': '政策解读须选择“政策解读”类别并指明所解读的文件',
  'interpreted-document-not-found': '所解读的文件不存在',
  'forwarded-document-not-found': '所转发的文件不存在，或属于其他机关且尚未公开',
};

const TAG = '主动公开（工作人员）';
const staffOnly = { security: [{ session: [] }] };

function present(stored: StoredDocument) {
  return { ...stored.document, body: stored.body };
}

export function refuse(error: DocumentServiceError): never {
  if (error.code === 'document-not-found') throw new HttpProblem('not-found', MESSAGES[error.code]);
  throw new RefusalProblem(error, MESSAGES[error.code]);
}

export function registerDocumentRoutes(
  app: FastifyInstance,
  deps: { documents: DocumentService; auth: Pick<StaffAuthDependencies, 'ancestorsOf'> },
): void {
  app.post(
    '/api/agencies/:agencyId/documents',
    {
      schema: {
        tags: [TAG],
        summary: '起草文件并确定公开属性',
        params: agencyParams,
        body: draftBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(draftBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      const drafted = await deps.documents.draft(agencyId, body, account.username, async (source) =>
        isWithinScope(account.agencyId, source, await deps.auth.ancestorsOf(source)),
      );
      if (!drafted.ok) refuse(drafted.error);
      return reply.status(201).send(drafted.value);
    },
  );

  app.get(
    '/api/agencies/:agencyId/documents',
    { schema: { tags: [TAG], summary: '本机关的文件', params: agencyParams, ...staffOnly } },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return { documents: (await deps.documents.list(agencyId)).map((s) => s.document) };
    },
  );

  app.get(
    '/api/agencies/:agencyId/documents/timeliness',
    {
      schema: {
        tags: [TAG],
        summary: '主动公开时效（第二十六条）：按时发布比例、逾期、即将到期',
        params: agencyParams,
        querystring: timelinessQuery,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const { year } = parseInput(timelinessQuery, request.query);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return deps.documents.timeliness(agencyId, year);
    },
  );

  app.get(
    '/api/agencies/:agencyId/documents/:id',
    { schema: { tags: [TAG], summary: '一个文件及其审查记录', params: documentParams, ...staffOnly } },
    async (request) => {
      const { agencyId, id } = parseInput(documentParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const stored = await deps.documents.find(agencyId, id);
      if (!stored) throw new HttpProblem('not-found', MESSAGES['document-not-found']);
      return present(stored);
    },
  );

  app.post(
    '/api/agencies/:agencyId/documents/:id/steps',
    {
      schema: {
        tags: [TAG],
        summary: '审查与发布：提交、通过、退回、发布、撤下',
        params: documentParams,
        body: stepBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, id } = parseInput(documentParams, request.params);
      const body = parseInput(stepBody, request.body);
      const permission =
        body.type === 'approve' || body.type === 'send-back' ? 'review-documents' : 'draft-documents';
      const account = await requireStaff(request, deps.auth, agencyId, permission);
      let command: DocumentCommand;
      if (body.type === 'set-attribute') {
        const attribute = decideAttribute(body.attribute);
        if (!attribute.ok) refuse(attribute.error);
        command = { type: 'set-attribute', attribute: attribute.value };
      } else command = body;
      const result = await deps.documents
        .step(agencyId, id, command, account.username)
        .catch((error: unknown) => {
          if (error instanceof StaleDocumentError)
            throw new HttpProblem('concurrent-change', '该文件刚被他人修改，请刷新后重试');
          throw error;
        });
      if (!result.ok) refuse(result.error);
      return present(result.value);
    },
  );
}
