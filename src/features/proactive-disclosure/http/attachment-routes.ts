/** Attachments over HTTP: upload (multipart, one file), list, download and remove for staff. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES } from '../domain/attachment.ts';
import type { AttachmentService, AttachmentServiceError } from '../use-cases/attachment-service.ts';
import { documentParams } from './document-routes.schema.ts';

export const attachmentParams = documentParams.extend({
  attachmentId: z.string().regex(/^A\d{2}$/, '附件编号形如 A01'),
});

/** What is wrong with an attachment (or the document it is for), in words. */
export function attachmentErrorMessage(error: AttachmentServiceError): string {
  switch (error.code) {
    case 'attachment-empty':
      return '附件是空文件';
    case 'attachment-too-large':
      return `附件不能超过 ${error.limitBytes / 1024 / 1024} MB`;
    case 'attachment-type-not-allowed':
      return `不接受“.${error.extension}”类型的附件：只接受 ${ATTACHMENT_EXTENSIONS.join('、')}`;
    case 'attachment-content-mismatch':
      return `附件的内容不是 .${error.extension} 文件`;
    case 'attachment-name-invalid':
      return '附件的文件名无效';
    case 'too-many-attachments':
      return `一个文件最多 ${error.limit} 个附件`;
    case 'document-not-found':
      return '没有这个文件';
    case 'attachment-not-found':
      return '没有这个附件';
    case 'not-editable':
      return '文件已提交审查或已发布，不能再增删附件';
    case 'attachment-unreadable':
      return `附件无法使用：${error.reason}`;
  }
}

function refuse(error: AttachmentServiceError): never {
  if (error.code === 'document-not-found' || error.code === 'attachment-not-found')
    throw new HttpProblem('not-found', attachmentErrorMessage(error));
  if (error.code === 'attachment-too-large')
    throw new HttpProblem('payload-too-large', attachmentErrorMessage(error), error);
  if (error.code === 'attachment-type-not-allowed' || error.code === 'attachment-content-mismatch')
    throw new HttpProblem('unsupported-media-type', attachmentErrorMessage(error), error);
  throw new RefusalProblem(error, attachmentErrorMessage(error));
}

/** The one file of a multipart upload, its bytes read (over the limit: 413 with the limit named). */
export async function receiveOneFile(
  request: FastifyRequest,
): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart())
    throw new HttpProblem('invalid-request', '请以 multipart/form-data 上传一个文件');
  const part = await request.file();
  if (!part) throw new HttpProblem('invalid-request', '没有收到文件');
  const content = await part.toBuffer().catch((error: unknown) => {
    if ((error as { statusCode?: number }).statusCode === 413)
      refuse({ code: 'attachment-too-large', limitBytes: ATTACHMENT_MAX_BYTES });
    throw error;
  });
  return { fileName: part.filename, content };
}

/** Sends a stored file as a download: its checked type, never rendered inline. */
export function sendAttachment(
  reply: FastifyReply,
  file: { info: { fileName: string; mediaType: string }; content: Buffer },
) {
  return reply
    .type(file.info.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.info.fileName)}`)
    .header('cache-control', 'private, max-age=0')
    .send(file.content);
}

const TAG = '主动公开（工作人员）';
const staffOnly = { security: [{ session: [] }] };

export function registerAttachmentRoutes(
  app: FastifyInstance,
  deps: { attachments: AttachmentService; auth: Pick<StaffAuthDependencies, 'ancestorsOf'> },
): void {
  app.post(
    '/api/agencies/:agencyId/documents/:id/attachments',
    {
      schema: {
        tags: [TAG],
        summary:
          '上传附件（multipart/form-data，一个文件，不超过 20 MB；PDF、OFD、Word、Excel、JPEG、PNG、MP4）',
        params: documentParams,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, id } = parseInput(documentParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      const file = await receiveOneFile(request);
      const result = await deps.attachments.attach(agencyId, id, file, account.username);
      if (!result.ok) refuse(result.error);
      return reply.status(201).send(result.value);
    },
  );

  app.get(
    '/api/agencies/:agencyId/documents/:id/attachments',
    { schema: { tags: [TAG], summary: '文件的附件', params: documentParams, ...staffOnly } },
    async (request) => {
      const { agencyId, id } = parseInput(documentParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return { attachments: await deps.attachments.list(agencyId, id) };
    },
  );

  app.get(
    '/api/agencies/:agencyId/documents/:id/attachments/:attachmentId',
    { schema: { tags: [TAG], summary: '下载附件', params: attachmentParams, ...staffOnly } },
    async (request, reply) => {
      const { agencyId, id, attachmentId } = parseInput(attachmentParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const file = await deps.attachments.download(agencyId, id, attachmentId, false);
      if (!file) throw new HttpProblem('not-found', '没有这个附件');
      return sendAttachment(reply, file);
    },
  );

  app.delete(
    '/api/agencies/:agencyId/documents/:id/attachments/:attachmentId',
    { schema: { tags: [TAG], summary: '删除附件（提交审查前）', params: attachmentParams, ...staffOnly } },
    async (request, reply) => {
      const { agencyId, id, attachmentId } = parseInput(attachmentParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      const result = await deps.attachments.remove(agencyId, id, attachmentId);
      if (!result.ok) refuse(result.error);
      return reply.status(204).send();
    },
  );
}
