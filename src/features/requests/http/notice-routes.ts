/**
 * The notices to applicants over HTTP, for the case worker (they hold e-mail addresses): the outbox
 * with each message's state, what a message says (also when no mail server is configured: what would
 * have been sent), and "send again" for one given up on.
 */
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../../../platform/http/error-codes.ts';
import { z } from '../../../platform/validation.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import type { NoticeOutbox, NoticeStatus, OutboxNotice } from '../db/notice-outbox.ts';
import type { NoticeSender } from '../use-cases/notice-sender.ts';
import { agencyParams } from './request-routes.schema.ts';

const TAG = '依申请公开（工作人员）';
const staffOnly = { security: [{ session: [] }] };
const noticeParams = agencyParams.extend({ noticeId: z.string().uuid('通知编号无效') });
const listQuery = z.object({
  unsent: z.enum(['true', 'false']).optional(),
  requestId: z
    .string()
    .regex(/^YSQ-\d{4}-\d{5,7}$/)
    .optional(),
});

export const NOTICE_STATUS_LABELS: Readonly<Record<NoticeStatus, string>> = {
  pending: '待发送',
  sending: '正在发送',
  sent: '已发送',
  failed: '多次发送失败，已停止',
};

export function registerNoticeRoutes(
  app: FastifyInstance,
  deps: {
    outbox: NoticeOutbox;
    sender: NoticeSender;
    auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
    now: () => Date;
  },
): void {
  const present = async (notice: OutboxNotice, withText = false) => {
    const message = await deps.sender.compose(notice);
    return {
      ...notice,
      statusLabel:
        deps.sender.configured || notice.status === 'sent'
          ? NOTICE_STATUS_LABELS[notice.status]
          : '未配置邮件服务器，未发送',
      subject: message?.subject ?? '（申请已不存在）',
      ...(withText && message ? { text: message.text, attachment: message.letter?.title ?? null } : {}),
    };
  };

  app.get(
    '/api/agencies/:agencyId/notices',
    {
      schema: {
        tags: [TAG],
        summary: '给申请人的通知邮件及其发送状态',
        params: agencyParams,
        querystring: listQuery,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const query = parseInput(listQuery, request.query);
      await requireStaff(request, deps.auth, agencyId, 'see-personal-data');
      const notices = await deps.outbox.list(agencyId, {
        ...(query.requestId ? { requestId: query.requestId } : {}),
        ...(query.unsent === 'true' ? { unsent: true } : {}),
      });
      return {
        configured: deps.sender.configured,
        notices: await Promise.all(notices.map((n) => present(n))),
      };
    },
  );

  app.get(
    '/api/agencies/:agencyId/notices/:noticeId',
    {
      schema: {
        tags: [TAG],
        summary: '一封通知邮件的内容（未配置邮件服务器时即“将会发送的内容”）',
        params: noticeParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, noticeId } = parseInput(noticeParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'see-personal-data');
      const notice = await deps.outbox.find(agencyId, noticeId);
      if (!notice) throw new HttpProblem('not-found', '没有这封通知邮件');
      return present(notice, true);
    },
  );

  app.post(
    '/api/agencies/:agencyId/notices/:noticeId/retry',
    {
      schema: {
        tags: [TAG],
        summary: '重新发送一封已停止发送的通知邮件',
        params: noticeParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, noticeId } = parseInput(noticeParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'work-cases');
      if (!(await deps.outbox.retry(agencyId, noticeId, deps.now())))
        throw new HttpProblem('concurrent-change', '只有已停止发送的通知可以重新发送');
      return { ok: true };
    },
  );
}
