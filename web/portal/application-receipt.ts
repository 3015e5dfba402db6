/**
 * The receipt of an online application (Post/Redirect/Get): the page the form redirects to, which a
 * reload shows again without filing anything. It shows the agency, the number, the query code (to the
 * browser that submitted, within a day), what was asked and how it will be delivered, and prints
 * cleanly as a 受理回执.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CaseService } from '../../src/features/requests/use-cases/case-service.ts';
import { agencyNav, html, page, type SafeHtml } from './page-layout.ts';
import { formCookieHash, hashOf, isSubmissionNonce, openReceiptSeal } from './form-token.ts';

/** How long the receipt page shows the query code: after that only the applicant's own copy has it. */
const CODE_SHOWN_FOR_MS = 24 * 60 * 60 * 1000;

export const DELIVERY_LABELS = {
  email: '电子邮件',
  online: '网上查看',
  'paper-post': '纸质文本邮寄',
  pickup: '当面领取',
} as const;

export function receiptPath(agencyId: string, nonce: string): string {
  return `/agencies/${agencyId}/apply/receipt?s=${nonce}`;
}

export function registerApplicationReceipt(
  app: FastifyInstance,
  deps: {
    cases: CaseService;
    findAgency: (id: string) => Promise<{ id: string; name: string } | undefined>;
    now: () => Date;
  },
): void {
  const send = (reply: FastifyReply, title: string, body: SafeHtml, status = 200) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page(title, body));

  app.get('/agencies/:agencyId/apply/receipt', async (request: FastifyRequest, reply) => {
    const agency = await deps.findAgency((request.params as { agencyId: string }).agencyId);
    const nonce = ((request.query ?? {}) as Record<string, unknown>).s;
    const found =
      agency && isSubmissionNonce(nonce) ? await deps.cases.submissionReceipt(hashOf(nonce)) : undefined;
    if (!agency || !found || found.submission.agencyId !== agency.id)
      return send(
        reply,
        '没有找到回执',
        html`<h1>没有找到回执</h1>
          <p>
            回执地址不正确或已失效。已提交的申请可以凭申请编号和查询码<a href="/status">查询办理进度</a>。
          </p>`,
        404,
      );
    const { submission, case: filed } = found;
    const fresh = deps.now().getTime() - Date.parse(submission.createdAt) < CODE_SHOWN_FOR_MS;
    const sameBrowser = submission.cookieHash === formCookieHash(request);
    const code = fresh && sameBrowser ? openReceiptSeal(submission.sealedQueryCode) : undefined;
    return send(
      reply,
      `申请 ${filed.id} 的回执`,
      html`<div class="no-print">${agencyNav(agency.id, agency.name)}</div>
        <h1>政府信息公开申请回执</h1>
        <p>您的申请已提交至<strong>${agency.name}</strong>。</p>
        <dl class="receipt">
          <dt>申请编号</dt>
          <dd id="case-id">${filed.id}</dd>
          <dt>查询码</dt>
          <dd id="query-code">${code ?? '（出于安全，查询码只在提交申请的浏览器上显示一天）'}</dd>
        </dl>
        <table class="list">
          <tr>
            <th>受理机关</th>
            <td>${agency.name}</td>
          </tr>
          <tr>
            <th>提交日期</th>
            <td>${filed.submittedOn}</td>
          </tr>
          <tr>
            <th>所需信息</th>
            <td>${filed.application.description}</td>
          </tr>
          <tr>
            <th>获取信息的方式</th>
            <td>${DELIVERY_LABELS[filed.application.delivery]}</td>
          </tr>
        </table>
        <p>
          请保存申请编号和查询码（可使用浏览器的“打印”保存本回执），凭二者<a
            href="/status?id=${encodeURIComponent(filed.id)}"
            >查询办理进度</a
          >。
        </p>
        <p>
          ${agency.name}确认收到申请后开始计算答复期限（《中华人民共和国政府信息公开条例》第三十一条）。
        </p>`,
    );
  });
}
