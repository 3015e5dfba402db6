/** Auditing a published report uploaded by staff: its tables read, every rule checked, nothing stored. */
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../../../platform/http/error-codes.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { agencyParams } from '../../requests/http/request-routes.schema.ts';
import { auditRefusalCode, auditReportFile, extractRefusalMessage } from '../use-cases/audit-report.ts';

export function registerAuditRoutes(
  app: FastifyInstance,
  deps: { auth: Pick<StaffAuthDependencies, 'ancestorsOf'> },
): void {
  app.post(
    '/api/agencies/:agencyId/report-audits',
    {
      schema: {
        tags: ['年度报告核查'],
        summary: '上传已发布的年度报告（TXT、HTML、DOCX、PDF、XLSX，不超过 20 MB），读出表格并核对勾稽关系',
        params: agencyParams,
        security: [{ session: [] }],
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'read-cases');
      if (!request.isMultipart())
        throw new HttpProblem('invalid-request', '请以 multipart/form-data 上传一个文件');
      const part = await request.file();
      if (!part) throw new HttpProblem('invalid-request', '没有收到文件');
      const bytes = await part.toBuffer().catch((error: unknown) => {
        if ((error as { statusCode?: number }).statusCode === 413)
          throw new HttpProblem('payload-too-large', '文件不能超过 20 MB');
        throw error;
      });
      const audit = await auditReportFile(part.filename, bytes, undefined, account.id);
      if (!audit.ok)
        throw new HttpProblem(auditRefusalCode(audit.error), extractRefusalMessage(audit.error), audit.error);
      const { reading, checks, stated, kind } = audit.value;
      return { file: part.filename, kind, ...reading, stated, checks };
    },
  );
}
