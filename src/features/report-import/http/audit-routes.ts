/** Auditing a published report uploaded by staff: its tables read, every rule checked, nothing stored. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../../platform/http/error-codes.ts';
import { filePartBytes } from '../../../platform/http/file-parts.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { agencyParams } from '../../requests/http/request-routes.schema.ts';
import { auditRefusalCode, auditReportFile, extractRefusalMessage } from '../use-cases/audit-report.ts';

interface UploadedFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** Which field holds which report: this year's is required, last year's (for 结转 and R6) optional. */
const FIELDS = { file: '本年度报告', previous: '上年度报告' } as const;

/**
 * The report (field `file`) and, optionally, last year's report of the same agency (field `previous`).
 * A file input left empty in a browser form arrives as a part with no name and no bytes: not a file.
 */
async function receiveReportFiles(
  request: FastifyRequest,
): Promise<{ file: UploadedFile; previous?: UploadedFile }> {
  if (!request.isMultipart())
    throw new HttpProblem('invalid-request', '请以 multipart/form-data 上传年度报告文件（字段 file）');
  const got: Partial<Record<keyof typeof FIELDS, UploadedFile>> = {};
  for await (const part of request.parts({ limits: { files: 2 } })) {
    if (part.type !== 'file') continue;
    if (!Object.hasOwn(FIELDS, part.fieldname))
      throw new HttpProblem(
        'invalid-request',
        `不认识的文件字段“${part.fieldname.slice(0, 40)}”：本年度报告用 file，上年度报告（可选）用 previous`,
      );
    const field = part.fieldname as keyof typeof FIELDS;
    const bytes = await filePartBytes(part, `${FIELDS[field]}文件不能超过 20 MB`);
    if (!bytes) continue;
    if (got[field]) throw new HttpProblem('invalid-request', `${FIELDS[field]}只能上传一个文件`);
    got[field] = { fileName: part.filename, bytes };
  }
  if (!got.file) throw new HttpProblem('invalid-request', '没有收到本年度报告文件（字段 file）');
  return { file: got.file, ...(got.previous ? { previous: got.previous } : {}) };
}

export function registerAuditRoutes(
  app: FastifyInstance,
  deps: { auth: Pick<StaffAuthDependencies, 'ancestorsOf'> },
): void {
  app.post(
    '/api/agencies/:agencyId/report-audits',
    {
      schema: {
        tags: ['年度报告核查'],
        summary:
          '上传已发布的年度报告（TXT、HTML、MHT、DOCX、PDF、XLSX，不超过 20 MB；multipart，字段 file），读出表格并核对勾稽关系；可另附同一机关的上年度报告（字段 previous），用以核对结转（R6）并拆分连在一起的上年结转数字',
        params: agencyParams,
        security: [{ session: [] }],
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const { file, previous } = await receiveReportFiles(request);
      const audit = await auditReportFile(file.fileName, file.bytes, previous, account.id);
      if (!audit.ok)
        throw new HttpProblem(auditRefusalCode(audit.error), extractRefusalMessage(audit.error), audit.error);
      const { reading, checks, stated, kind, unreadContext, repeatedShare } = audit.value;
      return {
        file: file.fileName,
        kind,
        ...reading,
        stated,
        checks,
        unreadContext,
        ...(previous
          ? { previous: { file: previous.fileName, ...audit.value.previous, repeatedShare } }
          : {}),
      };
    },
  );
}
