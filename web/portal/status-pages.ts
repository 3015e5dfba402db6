/**
 * The applicant's view of their case, by its number and query code (no account): the agency, the status
 * and due date, a timeline of every step that concerns them in plain Chinese, and every letter sent to
 * them as PDF. Nothing without the matching code; no personal data and no third party's name with it.
 * The code travels in form posts only, never in an address.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IsoDate } from '../../src/shared/domain/iso-date.ts';
import type { CaseCommand } from '../../src/features/requests/domain/case-command.ts';
import { REFUSAL_MESSAGES } from '../../src/features/requests/domain/refusals.ts';
import type { CaseFiles } from '../../src/features/requests/use-cases/case-files.ts';
import { applicantActions, registerApplicantSteps, type ApplicantStep } from './status-actions.ts';
import { STATUS_LABELS } from '../../src/features/requests/index.ts';
import type { CaseService } from '../../src/features/requests/use-cases/case-service.ts';
import { publicStatusBody } from '../../src/features/requests/http/request-routes.schema.ts';
import { applicantTimeline } from '../../src/features/requests/domain/applicant-timeline.ts';
import { APPLICANT_LETTERS, caseLetters } from '../../src/features/requests/letters/letter-sources.ts';
import {
  LETTER_TITLES,
  isLetterKind,
  type LetterKind,
  type Letter,
} from '../../src/features/requests/letters/letter.ts';
import { renderLetterPdf } from '../../src/features/requests/letters/render-letter.ts';
import { html, page, type SafeHtml } from './page-layout.ts';
import { issueFormToken, isFormTokenValid } from './form-token.ts';
import type { FormValues } from './form-fields.ts';

export interface StatusPageDependencies {
  readonly cases: CaseService;
  readonly findAgency: (id: string) => Promise<{ id: string; name: string } | undefined>;
  /** The letter as the agency issued it (its 文号 and all), or why it cannot be drafted. */
  readonly draftLetter: (
    agencyId: string,
    id: string,
    kind: LetterKind,
    seq: number,
  ) => Promise<{ ok: true; value: Letter } | { ok: false; error: { code: string } }>;
  readonly today: () => IsoDate;
  /** 电子送达: the disclosed files, and their download (the first one recorded as the delivery). */
  readonly files: Pick<CaseFiles, 'forApplicant' | 'deliver'>;
}

export function registerStatusPages(app: FastifyInstance, deps: StatusPageDependencies): void {
  const send = (reply: FastifyReply, title: string, body: SafeHtml, status = 200) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page(title, body));
  const expired = (reply: FastifyReply) =>
    send(
      reply,
      '页面已过期',
      html`<h1>页面已过期</h1>
        <p>请<a href="/status">重新打开查询页</a>。</p>`,
      403,
    );

  /** The case for a posted number and code, or undefined (the same answer for a wrong number or code). */
  async function viewFor(values: FormValues) {
    const parsed = publicStatusBody.safeParse({
      id: values.id?.trim().toUpperCase(),
      queryCode: values.queryCode,
    });
    if (!parsed.success) return undefined;
    const view = await deps.cases.applicantView(undefined, parsed.data.id, parsed.data.queryCode);
    return view && { ...view, queryCode: parsed.data.queryCode };
  }
  type View = NonNullable<Awaited<ReturnType<typeof viewFor>>>;

  /** The applicant's page of their case, with what they may do next; `notice` says what just happened. */
  async function showStatus(reply: FastifyReply, token: string, view: View, notice?: string) {
    const status = await deps.cases.publicStatus(view.agencyId, view.case.id, view.queryCode);
    if (!status)
      return send(reply, '查询申请办理进度', statusForm(token, {}, '没有找到该申请，或查询码不正确。'), 404);
    const agency = await deps.findAgency(view.agencyId);
    const tentative = (date: string | undefined) =>
      date && status.provisional
        ? `${date}（暂定：该年度放假安排尚未公布，如有变动以调整后的日期为准）`
        : date;
    const rows: Array<[string, string | undefined]> = [
      ['受理机关', agency?.name],
      ['申请编号', status.id],
      ['办理状态', STATUS_LABELS[status.status]],
      ['提交日期', status.submittedOn],
      ['收到申请日期', status.receivedOn],
      ['答复期限', tentative(status.dueOn)],
      ['补正期限', tentative(status.clarificationDueOn)],
      ['办结日期', status.completedOn],
    ];
    const letters = caseLetters(view.history, view.case).filter((l) => APPLICANT_LETTERS.has(l.kind));
    const files = await deps.files.forApplicant(view.agencyId, view.case.id, view.case.status);
    // The remedies the act allows, as its letter states them (reply or closing notice).
    const act = letters.filter((l) => l.kind === 'reply' || l.kind === 'closing-notice').at(-1);
    const actLetter = act && (await deps.draftLetter(view.agencyId, view.case.id, act.kind, act.seq));
    const remedies =
      actLetter && actLetter.ok
        ? actLetter.value.paragraphs.filter((p) => /行政复议|第五十一条/.test(p) && /不服|投诉/.test(p))
        : [];
    const hidden = html`<input type="hidden" name="formToken" value="${token}" />
      <input type="hidden" name="id" value="${status.id}" />
      <input type="hidden" name="queryCode" value="${view.queryCode}" />`;
    return send(
      reply,
      `申请 ${status.id} 的办理进度`,
      html`<h1>申请 ${status.id} 的办理进度</h1>
        ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
        <table class="list">
          ${rows
            .filter(([, v]) => v)
            .map(
              ([k, v]) =>
                html`<tr>
                  <th>${k}</th>
                  <td>${v}</td>
                </tr>`,
            )}
        </table>
        <h2>办理过程</h2>
        <ol class="timeline">
          ${applicantTimeline(view.history).map(
            (e) =>
              html`<li>
                <strong>${e.on}</strong>
                ${e.title}${e.detail ? html`<div class="hint">${e.detail}</div>` : ''}
              </li>`,
          )}
        </ol>
        ${
          letters.length
            ? html`<h2>文书</h2>
                <ul class="letters">
                  ${letters.map(
                    (l) =>
                      html`<li>
                        <form method="post" action="/status/letter">
                          ${hidden}
                          <input type="hidden" name="kind" value="${l.kind}" />
                          <input type="hidden" name="seq" value="${String(l.seq)}" />
                          ${l.on} ${LETTER_TITLES[l.kind]}
                          <button type="submit" class="link">下载 PDF</button>
                        </form>
                      </li>`,
                  )}
                </ul>`
            : ''
        }
        ${
          files.length
            ? html`<h2>公开的信息（电子送达）</h2>
                <ul class="letters">
                  ${files.map(
                    (f) =>
                      html`<li>
                        <form method="post" action="/status/file">
                          ${hidden}
                          <input type="hidden" name="fileId" value="${f.id}" />
                          ${f.fileName}（${Math.max(1, Math.round(f.size / 1024))} KB）
                          <button type="submit" class="link">下载</button>
                        </form>
                      </li>`,
                  )}
                </ul>`
            : ''
        }
        ${
          remedies.length
            ? html`<h2>救济途径</h2>
                ${remedies.map((p) => html`<p>${p}</p>`)}`
            : ''
        }
        ${applicantActions(view, hidden)}
        <p><a href="/status">查询其他申请</a></p>`,
    );
  }

  app.get('/status', async (request, reply) => {
    // The receipt page links here with the number filled in; anything else is ignored.
    const query = (request.query ?? {}) as Record<string, unknown>;
    const id = typeof query.id === 'string' && /^YSQ-\d{4}-\d{5,7}$/.test(query.id) ? query.id : undefined;
    return send(reply, '查询申请办理进度', statusForm(issueFormToken(request, reply), id ? { id } : {}));
  });

  app.post(
    '/status',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      const token = issueFormToken(request, reply);
      if (!isFormTokenValid(request, values.formToken)) return expired(reply);
      const view = await viewFor(values);
      if (!view)
        return send(
          reply,
          '查询申请办理进度',
          statusForm(token, values, '没有找到该申请，或查询码不正确。'),
          404,
        );
      return showStatus(reply, token, view);
    },
  );

  /** An applicant's step on their case, taken today as the applicant; refused with the law's reason. */
  const applicantStep: ApplicantStep = async (
    request: FastifyRequest,
    reply: FastifyReply,
    command: (values: FormValues, today: IsoDate) => CaseCommand | string,
    done: string,
    reason?: (values: FormValues) => string,
  ) => {
    const values = (request.body ?? {}) as FormValues;
    const token = issueFormToken(request, reply);
    if (!isFormTokenValid(request, values.formToken)) return expired(reply);
    const view = await viewFor(values);
    if (!view)
      return send(
        reply,
        '查询申请办理进度',
        statusForm(token, values, '没有找到该申请，或查询码不正确。'),
        404,
      );
    const today = deps.today();
    const step = command(values, today);
    if (typeof step === 'string') return showStatus(reply, token, view, step);
    const result = await deps.cases.act(view.agencyId, view.case.id, step, 'applicant', reason?.(values));
    const next = (await viewFor(values)) ?? view;
    if (!result.ok)
      return showStatus(
        reply,
        token,
        next,
        `未能办理：${'code' in result.error && result.error.code in REFUSAL_MESSAGES ? REFUSAL_MESSAGES[result.error.code as keyof typeof REFUSAL_MESSAGES] : '该申请已变化，请刷新后重试'}`,
      );
    return showStatus(reply, token, next, done);
  };

  registerApplicantSteps(app, applicantStep);

  app.post(
    '/status/file',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      issueFormToken(request, reply);
      if (!isFormTokenValid(request, values.formToken)) return expired(reply);
      const view = await viewFor(values);
      const fileId = /^F\d{2}$/.test(values.fileId ?? '') ? values.fileId! : undefined;
      const file =
        view && fileId
          ? await deps.files.deliver(view.agencyId, view.case.id, fileId, view.case.status)
          : undefined;
      if (!file)
        return send(
          reply,
          '没有找到文件',
          html`<h1>没有找到文件</h1>
            <p><a href="/status">返回查询</a></p>`,
          404,
        );
      return download(reply, file.info.mediaType, file.info.fileName, file.content);
    },
  );

  app.post(
    '/status/letter',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      issueFormToken(request, reply);
      if (!isFormTokenValid(request, values.formToken)) return expired(reply);
      const view = await viewFor(values);
      const kind = values.kind ?? '';
      const seq = Number(values.seq);
      const notFound = () =>
        send(
          reply,
          '没有找到文书',
          html`<h1>没有找到文书</h1>
            <p><a href="/status">返回查询</a></p>`,
          404,
        );
      if (!view || !isLetterKind(kind) || !APPLICANT_LETTERS.has(kind) || !Number.isInteger(seq))
        return notFound();
      const issued = caseLetters(view.history, view.case).some((l) => l.kind === kind && l.seq === seq);
      if (!issued) return notFound();
      const letter = await deps.draftLetter(view.agencyId, view.case.id, kind, seq);
      if (!letter.ok)
        return send(
          reply,
          '文书暂不能下载',
          html`<h1>文书暂不能下载</h1>
            <p>请联系受理机关。</p>`,
          409,
        );
      const pdf = await renderLetterPdf(letter.value);
      return download(reply, 'application/pdf', `${view.case.id}-${LETTER_TITLES[kind]}.pdf`, pdf);
    },
  );
}

/** A file for the applicant: downloaded, never shown inline, never kept by a cache. */
function download(reply: FastifyReply, type: string, fileName: string, content: Buffer) {
  return reply
    .type(type)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(content);
}

function statusForm(token: string, values: FormValues, message?: string): SafeHtml {
  return html`<h1>查询申请办理进度</h1>
    ${message ? html`<p class="error" role="alert">${message}</p>` : ''}
    <form method="post" action="/status">
      <input type="hidden" name="formToken" value="${token}" />
      <p class="hint">申请编号和查询码见提交申请后的回执（当面或邮寄提交的，见受理机关出具的受理回执）。</p>
      <div class="field">
        <label for="id">申请编号</label
        ><input id="id" name="id" value="${values.id ?? ''}" placeholder="YSQ-2025-00001" required />
      </div>
      <div class="field">
        <label for="queryCode">查询码</label
        ><input id="queryCode" name="queryCode" value="" autocomplete="off" required />
      </div>
      <button type="submit">查询</button>
    </form>`;
}
