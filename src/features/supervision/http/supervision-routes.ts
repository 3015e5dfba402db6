/**
 * Filing over HTTP (staff): an agency previews, files (from records or from an uploaded published
 * report), reads its versions and a cell's lineage, requests a correction; a second person approves it.
 * The season itself (open, progress, reminders, evidence) is in season-routes.ts.
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem } from '../../../platform/http/error-codes.ts';
import { filePartBytes } from '../../../platform/http/file-parts.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { agencyYearParams, cellParams } from '../../annual-report/http/report-routes.schema.ts';
import { agencyParams, refuse, staffOnly, TAG } from './supervision-http.ts';
import { registerSeasonRoutes } from './season-routes.ts';
import { previewOfImport, typedCells } from './import-preview.ts';
import {
  auditRefusalCode,
  auditReportFile,
  extractRefusalMessage,
} from '../../report-import/use-cases/audit-report.ts';
import type { EvaluatorEvidence } from '../domain/evaluator-evidence.ts';
import { WRITTEN_SECTIONS, type FilingService } from '../use-cases/filing-service.ts';
import { draftNarrative, type AnnualReport } from '../../annual-report/index.ts';

const explanations = z.record(z.string().max(40), z.string().max(2000)).default({});
const sectionText = z.string().max(50_000).optional();
const fileBody = z.object({
  explanations,
  sections: z.object({ s1: sectionText, s5: sectionText, s6: sectionText }).default({}),
});
const correctionBody = z.object({ reason: z.string().max(2000) });
const decisionParams = agencyParams.extend({ correctionId: z.string().regex(/^[\w-]{1,64}$/) });
const decisionBody = z.object({ approve: z.boolean() });
const versionParams = agencyYearParams.extend({ version: z.coerce.number().int().min(1).max(1000) });

/** A section as drafted from the records: its generated sentences and the template's prompts. */
function draftedText(report: AnnualReport, id: (typeof WRITTEN_SECTIONS)[number]): string {
  const drafted = draftNarrative(report)[id];
  return report.sections?.[id] ?? drafted.map((p) => p.text).join('\n');
}

export function registerSupervisionRoutes(
  app: FastifyInstance,
  deps: {
    filing: FilingService;
    auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
    evidence: (agencyId: string, year: number) => Promise<EvaluatorEvidence | undefined>;
  },
): void {
  const { filing } = deps;
  registerSeasonRoutes(app, deps);

  app.get(
    '/api/agencies/:agencyId/filings/:year',
    {
      schema: {
        tags: [TAG],
        summary:
          '报送前预览：由记录生成（含下级已报送报告汇总）的报告、必须通过的规则、需说明的警告、历次版本和更正记录',
        params: agencyYearParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const prepared = await filing.prepare(agencyId, year);
      if (!prepared.ok) refuse(prepared.error);
      const { agency, report, consolidation, blocking, warnings, latest, stale } = prepared.value;
      return {
        agency,
        year,
        report,
        blocking,
        warnings,
        ...(stale ? { stale } : {}),
        ...(consolidation
          ? {
              consolidation: {
                missing: consolidation.missing,
                otherFormat: consolidation.otherFormat,
                children: consolidation.children,
              },
            }
          : {}),
        ...(latest
          ? {
              latest: {
                version: latest.version,
                status: latest.status,
                filedOn: latest.filedOn,
                filedBy: latest.filedBy,
                origin: latest.origin,
              },
            }
          : {}),
        versions: (await filing.versions(agencyId, year)).map((v) => ({
          version: v.version,
          status: v.status,
          origin: v.origin,
          filedOn: v.filedOn,
          filedBy: v.filedBy,
          explanations: v.explanations,
          ...(v.sourceFile ? { sourceFile: v.sourceFile } : {}),
          ...(v.reopenedAt ? { reopenedAt: v.reopenedAt } : {}),
        })),
        corrections: await filing.corrections(agencyId, year),
        reminders: await filing.remindersTo(agencyId, year),
        // The text sections as drafted from the records, prompts included, for the officer to finish.
        drafted: Object.fromEntries(
          WRITTEN_SECTIONS.map((id) => [id, latest?.report.sections?.[id] ?? draftedText(report, id)]),
        ),
        // Each drafted sentence that rests on the office's work records, with their ids.
        draftedSources: draftNarrative(report)
          .s1.filter((p) => p.sources?.length)
          .map((p) => ({ text: p.text, records: p.sources })),
      };
    },
  );

  app.post(
    '/api/agencies/:agencyId/filings/:year',
    {
      schema: {
        tags: [TAG],
        summary: '报送由记录生成的年度报告；未通过必须通过的规则时拒绝，警告须逐项说明',
        params: agencyYearParams,
        body: fileBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      const body = parseInput(fileBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'file-reports');
      const filed = await filing.fileFromRecords(
        agencyId,
        year,
        body.explanations,
        account.username,
        body.sections,
      );
      if (!filed.ok) refuse(filed.error);
      return reply
        .status(201)
        .send({ version: filed.value.version, filedOn: filed.value.filedOn, origin: filed.value.origin });
    },
  );

  app.post(
    '/api/agencies/:agencyId/filings/:year/import',
    {
      schema: {
        tags: [TAG],
        summary:
          '以已发布的报告文件报送（不在本系统记录台账的机关）：multipart，字段 file；可选 mode=preview（只读出、不报送：各单元格、未读出的单元格及其所在原文）、typed（JSON：对照原文填写的未读出单元格）、explanations（JSON）',
        params: agencyYearParams,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'file-reports');
      if (!request.isMultipart())
        throw new HttpProblem('invalid-request', '请以 multipart/form-data 上传报告文件');
      let file: { name: string; bytes: Buffer } | undefined;
      let given: unknown = {};
      let typedGiven: unknown = {};
      let preview = false;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await filePartBytes(part, '文件不能超过 20 MB');
          if (bytes) file = { name: part.filename, bytes };
        } else if (part.fieldname === 'mode') {
          preview = String(part.value) === 'preview';
        } else if (part.fieldname === 'typed') {
          try {
            typedGiven = JSON.parse(String(part.value));
          } catch {
            throw new HttpProblem('invalid-request', 'typed 应为 JSON 对象：{"单元格": 数值}');
          }
        } else if (part.fieldname === 'explanations') {
          try {
            given = JSON.parse(String(part.value));
          } catch {
            throw new HttpProblem('invalid-request', 'explanations 应为 JSON 对象：{"规则": "说明"}');
          }
        }
      }
      if (!file) throw new HttpProblem('invalid-request', '没有收到报告文件（字段 file）');
      const explained = parseInput(explanations, given);
      // Last year's filing here splits a 上年结转 printed run together, as last year's report would.
      const carried = await filing.carriedInto(agencyId, year);
      const audit = await auditReportFile(file.name, file.bytes, undefined, account.id, carried);
      if (!audit.ok)
        throw new HttpProblem(auditRefusalCode(audit.error), extractRefusalMessage(audit.error), audit.error);
      const reading = audit.value.reading;
      if (preview) return previewOfImport(audit.value);
      const typed = parseInput(typedCells, typedGiven);
      const notUnread = Object.keys(typed).filter((c) => !reading.unread.includes(c));
      if (notUnread.length > 0)
        throw new HttpProblem('invalid-request', '只能填写文件中未能读出的单元格；已读出的数值以文件为准');
      const filed = await filing.fileFromImport(
        agencyId,
        year,
        { ...reading, stated: audit.value.stated },
        file.name,
        explained,
        account.username,
        typed,
      );
      if (!filed.ok) refuse(filed.error);
      return reply
        .status(201)
        .send({ version: filed.value.version, filedOn: filed.value.filedOn, origin: filed.value.origin });
    },
  );

  app.get(
    '/api/agencies/:agencyId/filings/:year/versions/:version',
    {
      schema: {
        tags: [TAG],
        summary: '某一版已报送的报告（每一版都保留）',
        params: versionParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, year, version } = parseInput(versionParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const filed = await filing.version(agencyId, year, version);
      if (!filed) throw new HttpProblem('not-found', `没有 ${year} 年度报告第 ${version} 版`);
      return filed;
    },
  );

  app.get(
    '/api/agencies/:agencyId/filings/:year/cells/:cellId',
    {
      schema: {
        tags: [TAG],
        summary: '汇总报告某一格的来源：本级数与各下级已报送报告（含版本）',
        params: cellParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, year, cellId } = parseInput(cellParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const traced = await filing.traceCell(agencyId, year, cellId);
      if (!traced.ok) refuse(traced.error);
      return { cell: cellId, ...traced.value };
    },
  );

  app.post(
    '/api/agencies/:agencyId/filings/:year/corrections',
    {
      schema: {
        tags: [TAG],
        summary: '对已报送锁定的报告提出更正申请（经他人批准后重新打开）',
        params: agencyYearParams,
        body: correctionBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      const body = parseInput(correctionBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'file-reports');
      const requested = await filing.requestCorrection(agencyId, year, body.reason, account.username);
      if (!requested.ok) refuse(requested.error);
      return reply.status(201).send(requested.value);
    },
  );

  app.post(
    '/api/agencies/:agencyId/corrections/:correctionId/decision',
    {
      schema: {
        tags: [TAG],
        summary: '审批更正申请：批准则重新打开该年度（原版本保留），驳回则保持锁定',
        params: decisionParams,
        body: decisionBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, correctionId } = parseInput(decisionParams, request.params);
      const body = parseInput(decisionBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'approve-corrections');
      const decided = await filing.decideCorrection(agencyId, correctionId, body.approve, account.username);
      if (!decided.ok) refuse(decided.error);
      return decided.value;
    },
  );
}
