/**
 * 公众留言 on the portal, without JavaScript: the published messages with their answers (never a name or
 * contact), the form to leave one (form-token CSRF, rate limited), and the author's own view with the
 * message number and query code.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from '../../src/platform/validation.ts';
import type { MessageService } from '../../src/features/public-messages/use-cases/message-service.ts';
import type { PublicMessage } from '../../src/features/public-messages/domain/public-message.ts';
import { agencyNav, html, notFoundPage, page, type SafeHtml } from './page-layout.ts';
import { issueFormToken, isFormTokenValid } from './form-token.ts';
import { field, text, type FormValues } from './form-fields.ts';

interface Agency {
  readonly id: string;
  readonly name: string;
}

export interface MessagePageDependencies {
  readonly messages: MessageService;
  readonly findAgency: (id: string) => Promise<Agency | undefined>;
  readonly answerDaysFor: (agencyId: string) => Promise<number>;
}

const messageBody = z.object({
  subject: z.string().trim().min(2, '请填写标题').max(100, '标题不超过100字'),
  body: z.string().trim().min(5, '请写明留言内容').max(5000, '留言内容不超过5000字'),
  authorName: z.string().trim().min(1, '请填写姓名').max(100),
  authorContact: z.string().trim().min(5, '请填写电话或电子邮箱，以便答复').max(200),
});
const lookupBody = z.object({
  id: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^LY-\d{4}-\d{5,7}$/),
  queryCode: z.string().trim().min(1).max(20),
});

function paragraphs(value: string): SafeHtml[] {
  return value
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => html`<p>${p}</p>`);
}

function messageForm(
  agency: Agency,
  token: string,
  values: FormValues,
  errors: Record<string, string>,
  days: number,
) {
  return html`<h2 id="leave">我要留言</h2>
    <p>
      本机关在收到留言后${days}个工作日内答复。答复后的留言可能公开，公开时不显示姓名和联系方式，并隐去留言中的电话、证件号码和电子邮箱。
    </p>
    ${Object.keys(errors).length ? html`<p class="error" role="alert">留言未提交，请修改下列标出的内容。</p>` : ''}
    <form method="post" action="/agencies/${agency.id}/messages" novalidate>
      <input type="hidden" name="formToken" value="${token}" />
      ${field('标题', 'subject', values, errors, text('subject', values, 'required maxlength="100"'))}
      ${field('留言内容', 'body', values, errors, html`<textarea id="body" name="body" rows="6" maxlength="5000" required>${values.body ?? ''}</textarea>`)}
      ${field('姓名', 'authorName', values, errors, text('authorName', values, 'required maxlength="100" autocomplete="name"'))}
      ${field('电话或电子邮箱', 'authorContact', values, errors, text('authorContact', values, 'required maxlength="200"'), '只用于答复，不会公开')}
      <button type="submit">提交留言</button>
    </form>`;
}

function lookupForm(agency: Agency, token: string, failed = false) {
  return html`<h2 id="lookup">查看我的留言和答复</h2>
    ${failed ? html`<p class="error" role="alert">没有找到该留言，或查询码不正确。</p>` : ''}
    <form method="post" action="/agencies/${agency.id}/messages/lookup">
      <input type="hidden" name="formToken" value="${token}" />
      <div class="field"><label for="id">留言编号</label><input id="id" name="id" maxlength="20" /></div>
      <div class="field">
        <label for="queryCode">查询码</label><input id="queryCode" name="queryCode" maxlength="20" />
      </div>
      <button type="submit">查看</button>
    </form>`;
}

function ownMessage(message: PublicMessage): SafeHtml {
  return html`<h1>留言 ${message.id}</h1>
    <table class="list">
      <tr>
        <th>标题</th>
        <td>${message.subject}</td>
      </tr>
      <tr>
        <th>留言日期</th>
        <td>${message.receivedOn}</td>
      </tr>
      <tr>
        <th>答复期限</th>
        <td>${message.dueOn}</td>
      </tr>
      <tr>
        <th>答复日期</th>
        <td>${message.answeredOn ?? '尚未答复'}</td>
      </tr>
    </table>
    <h2>留言内容</h2>
    ${paragraphs(message.body)}
    ${
      message.answer
        ? html`<h2>答复</h2>
            ${paragraphs(message.answer)}`
        : ''
    }`;
}

export function registerMessagePages(app: FastifyInstance, deps: MessagePageDependencies): void {
  const send = (reply: FastifyReply, title: string, body: SafeHtml, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').send(page(title, body));

  /** A form posted without the token its page issued (CSRF, or a page left open too long). */
  const expired = (reply: FastifyReply, agency: Agency) =>
    send(
      reply,
      '页面已过期',
      html`<h1>页面已过期</h1>
        <p>请<a href="/agencies/${agency.id}/messages">重新打开留言页</a>后再提交。</p>`,
      403,
    );

  const listPage = async (
    agency: Agency,
    token: string,
    form: { values: FormValues; errors: Record<string, string> },
    failedLookup = false,
  ) => {
    const published = await deps.messages.published(agency.id);
    return html`${agencyNav(agency.id, agency.name)}
      <h1>${agency.name}公众留言</h1>
      <p>
        已公开的答复 ${published.length} 条。<a href="#leave">我要留言</a> ·
        <a href="#lookup">查看我的留言</a>
      </p>
      ${published.map(
        (m) =>
          html`<article class="message">
            <h2>${m.subject}</h2>
            <p class="hint">留言编号 ${m.id} · 留言日期 ${m.receivedOn} · 答复日期 ${m.answeredOn}</p>
            ${paragraphs(m.body)}
            <h3>答复</h3>
            ${paragraphs(m.answer)}
          </article>`,
      )}
      ${messageForm(agency, token, form.values, form.errors, await deps.answerDaysFor(agency.id))}
      ${lookupForm(agency, token, failedLookup)}`;
  };

  app.get('/agencies/:agencyId/messages', async (request, reply) => {
    const agency = await deps.findAgency((request.params as { agencyId: string }).agencyId);
    if (!agency) return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个机关'));
    const body = await listPage(agency, issueFormToken(request, reply), { values: {}, errors: {} });
    return send(reply, `${agency.name}公众留言`, body);
  });

  app.post(
    '/agencies/:agencyId/messages',
    { config: { rateLimit: { max: 10, timeWindow: '1 hour' } } },
    async (request, reply) => {
      const agency = await deps.findAgency((request.params as { agencyId: string }).agencyId);
      if (!agency)
        return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个机关'));
      const values = (request.body ?? {}) as FormValues;
      const token = issueFormToken(request, reply);
      if (!isFormTokenValid(request, values.formToken)) return expired(reply, agency);
      // A field left out of the post is an empty field, so the form names what to fill in.
      const parsed = messageBody.safeParse(
        Object.fromEntries(
          ['subject', 'body', 'authorName', 'authorContact'].map((k) => [k, values[k] ?? '']),
        ),
      );
      if (!parsed.success) {
        const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
        return send(reply, '留言未提交', await listPage(agency, token, { values, errors }), 400);
      }
      const { message, queryCode } = await deps.messages.submit(agency.id, parsed.data);
      return send(
        reply,
        '留言已提交',
        html`<h1>留言已提交</h1>
          <dl class="receipt">
            <dt>留言编号</dt>
            <dd id="message-id">${message.id}</dd>
            <dt>查询码</dt>
            <dd id="query-code">${queryCode}</dd>
          </dl>
          <p>
            ${agency.name}将在${message.dueOn}前答复。请保存留言编号和查询码，凭二者在<a
              href="/agencies/${agency.id}/messages#lookup"
              >留言页</a
            >查看答复。查询码只显示这一次。
          </p>`,
        201,
      );
    },
  );

  app.post(
    '/agencies/:agencyId/messages/lookup',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const agency = await deps.findAgency((request.params as { agencyId: string }).agencyId);
      if (!agency)
        return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个机关'));
      const values = (request.body ?? {}) as FormValues;
      const token = issueFormToken(request, reply);
      if (!isFormTokenValid(request, values.formToken)) return expired(reply, agency);
      const parsed = lookupBody.safeParse(values);
      const message = parsed.success
        ? await deps.messages.lookup(agency.id, parsed.data.id, parsed.data.queryCode)
        : undefined;
      if (!message)
        return send(
          reply,
          `${agency.name}公众留言`,
          await listPage(agency, token, { values: {}, errors: {} }, true),
          404,
        );
      return send(
        reply,
        `留言 ${message.id}`,
        html`${agencyNav(agency.id, agency.name)}${ownMessage(message)}`,
      );
    },
  );
}
