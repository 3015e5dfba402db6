/**
 * A case's letters over HTTP, for the case worker only (they name the applicant): the list with each
 * letter's 文号, and each letter as DOCX (to sign and seal) or PDF (to send).
 */
import type { FastifyInstance } from 'fastify';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { z } from '../../../platform/validation.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { LETTER_KINDS, LETTER_TITLES } from '../letters/letter.ts';
import type { LetterService } from '../letters/letter-service.ts';
import { renderLetterDocx, renderLetterPdf } from '../letters/render-letter.ts';
import { caseParams } from './request-routes.schema.ts';

const letterParams = caseParams.extend({ kind: z.enum(LETTER_KINDS) });
const letterQuery = z.object({
  format: z.enum(['docx', 'pdf']).default('docx'),
  /** The step that issued the letter (a case may have several consultation letters or fee notices). */
  seq: z.coerce.number().int().min(1).max(100_000).optional(),
});
const TAG = '依申请公开（工作人员）';
const staffOnly = { security: [{ session: [] }] };

export function registerLetterRoutes(
  app: FastifyInstance,
  deps: { letters: LetterService; auth: Pick<StaffAuthDependencies, 'ancestorsOf'> },
): void {
  app.get(
    '/api/agencies/:agencyId/requests/:id/letters',
    { schema: { tags: [TAG], summary: '该申请已发出的文书及其文号', params: caseParams, ...staffOnly } },
    async (request) => {
      const { agencyId, id } = parseInput(caseParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'see-personal-data');
      const letters = await deps.letters.list(agencyId, id);
      if (!letters) throw new HttpProblem('case-not-found', `没有申请 ${id}`);
      return { letters };
    },
  );

  app.get(
    '/api/agencies/:agencyId/requests/:id/letters/:kind',
    {
      schema: {
        tags: [TAG],
        summary:
          '文书（DOCX 或 PDF）：答复告知书、补正告知书、延期告知书、征求意见书、收费通知书、终止处理告知书、第三方告知书',
        params: letterParams,
        querystring: letterQuery,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId, id, kind } = parseInput(letterParams, request.params);
      const { format, seq } = parseInput(letterQuery, request.query);
      // A letter is addressed to the applicant by name and address: for the case worker only.
      await requireStaff(request, deps.auth, agencyId, 'see-personal-data');
      const letter = await deps.letters.draft(agencyId, id, kind, seq);
      if (!letter.ok) {
        if (letter.error.code === 'case-not-found') throw new HttpProblem('case-not-found', `没有申请 ${id}`);
        throw new RefusalProblem(letter.error, `${LETTER_TITLES[kind]}无法出具：${letter.error.reason}`);
      }
      const bytes =
        format === 'pdf' ? await renderLetterPdf(letter.value) : await renderLetterDocx(letter.value);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${id}-${LETTER_TITLES[kind]}.${format}`)}`,
      );
      return reply
        .type(
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .send(bytes);
    },
  );
}
