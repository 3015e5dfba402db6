/**
 * What the law lets the applicant do next on their case, from the status page: send the corrected
 * application during 补正, say they paid a fee or ask for it to be waived, withdraw. Each is a step the
 * case records as the applicant's; the law's refusals are shown in words.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IsoDate } from '../../src/shared/domain/iso-date.ts';
import type { CaseCommand } from '../../src/features/requests/domain/case-command.ts';
import type { DisclosureCase } from '../../src/features/requests/domain/disclosure-case.ts';
import { html, type SafeHtml } from './page-layout.ts';
import type { FormValues } from './form-fields.ts';

/** Takes a step for the applicant: the command from the posted values (or what is wrong with them). */
export type ApplicantStep = (
  request: FastifyRequest,
  reply: FastifyReply,
  command: (values: FormValues, today: IsoDate) => CaseCommand | string,
  done: string,
  reason?: (values: FormValues) => string,
) => Promise<unknown>;

/**
 * What the law lets the applicant do next, as buttons: during 补正 send the corrected application; while
 * the case is open, withdraw it.
 */
export function applicantActions(view: { case: DisclosureCase }, hidden: SafeHtml): SafeHtml | '' {
  const c = view.case;
  if (c.completedOn) return '';
  const correcting = c.status === 'awaiting-clarification';
  const fee = c.status === 'awaiting-fee' ? c.fees.at(-1) : undefined;
  return html`<h2>办理</h2>
    ${
      correcting
        ? html`<form method="post" action="/status/clarification" class="applicant-action">
            ${hidden}
            <div class="field">
              <label for="corrected">提交补正后的申请：所需政府信息的名称、文号或便于查询的其他特征</label>
              <textarea id="corrected" name="description" rows="4" maxlength="2000" required></textarea>
              <p class="hint">需要补正的事项：${c.clarification?.items ?? ''}</p>
            </div>
            <button type="submit">提交补正</button>
          </form>`
        : ''
    }
    ${
      fee
        ? html`<form method="post" action="/status/paid" class="applicant-action">
              ${hidden}
              <div class="field">
                <label for="payment-reference"
                  >已缴纳信息处理费 ${fee.amountYuan} 元：缴费凭证号（票据号或交易流水号）</label
                >
                <input id="payment-reference" name="reference" maxlength="200" required />
                ${fee.howToPay ? html`<p class="hint">缴费方式：${fee.howToPay}；请于 ${fee.payByOn} 前缴纳。</p>` : ''}
              </div>
              <button type="submit">告知已缴费</button>
            </form>
            <form method="post" action="/status/waiver" class="applicant-action">
              ${hidden}
              <div class="field">
                <label for="waiver-reason">申请减免信息处理费的理由</label>
                <textarea id="waiver-reason" name="reason" rows="3" maxlength="500" required></textarea>
              </div>
              <button type="submit">申请减免</button>
            </form>`
        : ''
    }
    <form method="post" action="/status/withdraw" class="applicant-action">
      ${hidden}
      <div class="field">
        <label for="withdraw-reason">撤回申请的原因（选填）</label>
        <input id="withdraw-reason" name="reason" maxlength="500" />
      </div>
      <p>
        <label
          ><input type="checkbox" name="confirm" value="yes" required />
          我确认撤回本申请，撤回后不再处理</label
        >
      </p>
      <button type="submit">撤回申请</button>
    </form>`;
}

export function registerApplicantSteps(app: FastifyInstance, applicantStep: ApplicantStep): void {
  app.post(
    '/status/clarification',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    (request, reply) =>
      applicantStep(
        request,
        reply,
        (values, today) => {
          const description = (values.description ?? '').trim();
          if (description.length < 5) return '请写明补正后所需的政府信息（名称、文号或便于查询的其他特征）';
          if (description.length > 2000) return '补正内容过长，请精简到2000字以内';
          return { type: 'receive-clarification', on: today, description };
        },
        '补正后的申请已提交，答复期限自今日起重新计算。',
      ),
  );

  app.post('/status/paid', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, (request, reply) =>
    applicantStep(
      request,
      reply,
      (values, today) => ({ type: 'report-payment', on: today, reference: values.reference ?? '' }),
      '已告知受理机关您已缴费，受理机关核实后继续办理。',
    ),
  );

  app.post(
    '/status/waiver',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    (request, reply) =>
      applicantStep(
        request,
        reply,
        (values, today) => ({ type: 'request-waiver', on: today, reason: values.reason ?? '' }),
        '减免申请已提交，受理机关将作出决定。',
      ),
  );

  app.post(
    '/status/withdraw',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    (request, reply) =>
      applicantStep(
        request,
        reply,
        (values, today) =>
          values.confirm === 'yes' ? { type: 'withdraw', on: today } : '请勾选确认后再撤回申请',
        '申请已撤回。',
        (values) => `申请人网上撤回${values.reason?.trim() ? `：${values.reason.trim().slice(0, 500)}` : ''}`,
      ),
  );
}
