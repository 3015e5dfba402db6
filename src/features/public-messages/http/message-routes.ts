/** Public messages for staff: the list by due date (with the author's contact), answering, publishing. */
import type { FastifyInstance } from 'fastify';
import { hasPermission } from '../../agencies/index.ts';
import { maskContact, maskName, maskPersonalData } from '../../../shared/domain/personal-data.ts';
import { z } from '../../../platform/validation.ts';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { agencyParams } from '../../requests/http/request-routes.schema.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { isAnsweredLate } from '../domain/public-message.ts';
import type { MessageService, MessageServiceError } from '../use-cases/message-service.ts';

const MESSAGES: Readonly<Record<MessageServiceError['code'], string>> = {
  'already-answered': '该留言已经答复',
  'answer-required': '请填写答复内容',
  'not-answered': '留言答复后才能公开',
  'message-not-found': '没有这条留言',
};

const messageParams = agencyParams.extend({
  id: z.string().regex(/^LY-\d{4}-\d{5,7}$/, '留言编号形如 LY-2025-00001'),
});
const answerBody = z.object({ text: z.string().max(20_000), publish: z.boolean() });
const publicationBody = z.object({ published: z.boolean() });
const TAG = '公众留言（工作人员）';
const staffOnly = { security: [{ session: [] }] };

function refuse(error: MessageServiceError): never {
  if (error.code === 'message-not-found') throw new HttpProblem('not-found', MESSAGES[error.code]);
  throw new RefusalProblem(error, MESSAGES[error.code], error.code === 'already-answered' ? 409 : 422);
}

export function registerMessageRoutes(
  app: FastifyInstance,
  deps: { messages: MessageService; auth: Pick<StaffAuthDependencies, 'ancestorsOf'>; today: () => IsoDate },
): void {
  app.get(
    '/api/agencies/:agencyId/messages',
    {
      schema: {
        tags: [TAG],
        summary: '留言：未答复的按答复期限排在前面',
        params: agencyParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'read-cases');
      const full = hasPermission(account.roles, 'see-personal-data');
      const today = deps.today();
      const messages = (await deps.messages.list(agencyId)).map((m) => ({
        ...m,
        // Who wrote and how to reach them: for the officer who answers; masked for everyone else.
        ...(full
          ? {}
          : {
              authorName: maskName(m.authorName),
              authorContact: maskContact(m.authorContact),
              body: maskPersonalData(m.body),
            }),
        late: isAnsweredLate(m, today),
      }));
      return { messages };
    },
  );

  app.post(
    '/api/agencies/:agencyId/messages/:id/answer',
    {
      schema: {
        tags: [TAG],
        summary: '答复留言，并选择是否公开',
        params: messageParams,
        body: answerBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, id } = parseInput(messageParams, request.params);
      const body = parseInput(answerBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const result = await deps.messages.answer(agencyId, id, body, account.username);
      if (!result.ok) refuse(result.error);
      return result.value;
    },
  );

  app.post(
    '/api/agencies/:agencyId/messages/:id/publication',
    {
      schema: {
        tags: [TAG],
        summary: '公开或撤回已答复的留言',
        params: messageParams,
        body: publicationBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, id } = parseInput(messageParams, request.params);
      const { published } = parseInput(publicationBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'work-cases');
      const result = await deps.messages.setPublished(agencyId, id, published, account.username);
      if (!result.ok) refuse(result.error);
      return result.value;
    },
  );
}
