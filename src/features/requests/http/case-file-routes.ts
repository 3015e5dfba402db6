/**
 * 电子送达 over HTTP, for staff: attach a disclosed file to a case (multipart, one file, the checks of
 * document attachments), list the case's files with whether each was delivered, download, remove one
 * not yet delivered.
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import {
  attachmentErrorMessage,
  receiveOneFile,
  sendAttachment,
} from '../../proactive-disclosure/http/attachment-routes.ts';
import { STATUS_LABELS } from '../domain/request-status.ts';
import type { CaseFileError, CaseFiles } from '../use-cases/case-files.ts';
import { caseParams } from './request-routes.schema.ts';

const fileParams = caseParams.extend({ fileId: z.string().regex(/^F\d{2}$/, '文件编号形如 F01') });
const TAG = '依申请公开（工作人员）';
const staffOnly = { security: [{ session: [] }] };

function refuse(error: CaseFileError): never {
  switch (error.code) {
    case 'case-not-found':
      throw new HttpProblem('case-not-found', '没有这个申请');
    case 'file-not-found':
      throw new HttpProblem('not-found', '没有这个文件');
    case 'files-not-allowed':
      throw new RefusalProblem(
        error,
        `该申请${STATUS_LABELS[error.status as keyof typeof STATUS_LABELS] ?? ''}，不提供信息，不能附送文件`,
      );
    case 'file-delivered':
      throw new RefusalProblem(error, '申请人已下载该文件（已送达），不能删除', 409);
    case 'attachment-too-large':
      throw new HttpProblem('payload-too-large', attachmentErrorMessage(error), error);
    case 'attachment-type-not-allowed':
    case 'attachment-content-mismatch':
      throw new HttpProblem('unsupported-media-type', attachmentErrorMessage(error), error);
    default:
      throw new RefusalProblem(error, attachmentErrorMessage(error));
  }
}

export function registerCaseFileRoutes(
  app: FastifyInstance,
  deps: { files: CaseFiles; auth: Pick<StaffAuthDependencies, 'ancestorsOf'> },
): void {
  app.post(
    '/api/agencies/:agencyId/requests/:id/files',
    {
      schema: {
        tags: [TAG],
        summary: '附送公开的文件（电子送达；multipart/form-data，一个文件，不超过 20 MB）',
        params: caseParams,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const result = await deps.files.attach(agencyId, id, await receiveOneFile(request), account.username);
      if (!result.ok) refuse(result.error);
      return reply.status(201).send(result.value);
    },
  );

  app.get(
    '/api/agencies/:agencyId/requests/:id/files',
    { schema: { tags: [TAG], summary: '附送的文件及是否已送达', params: caseParams, ...staffOnly } },
    async (request) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return { files: await deps.files.list(agencyId, id) };
    },
  );

  app.get(
    '/api/agencies/:agencyId/requests/:id/files/:fileId',
    { schema: { tags: [TAG], summary: '下载附送的文件', params: fileParams, ...staffOnly } },
    async (request, reply) => {
      const { agencyId, id, fileId } = parseInput(fileParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const file = await deps.files.read(agencyId, id, fileId);
      if (!file) throw new HttpProblem('not-found', '没有这个文件');
      return sendAttachment(reply, file);
    },
  );

  app.delete(
    '/api/agencies/:agencyId/requests/:id/files/:fileId',
    { schema: { tags: [TAG], summary: '删除附送的文件（申请人下载前）', params: fileParams, ...staffOnly } },
    async (request, reply) => {
      const { agencyId, id, fileId } = parseInput(fileParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const removed = await deps.files.remove(agencyId, id, fileId);
      if (!removed.ok) refuse(removed.error);
      return reply.status(204).send();
    },
  );
}
