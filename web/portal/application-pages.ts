/**
 * The public application form (依申请公开, 第二十九条) and the status page, rendered on the server and
 * usable without JavaScript. The applicant gets an application number and a query code; the status page
 * shows nothing without both, and never any personal data.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../../src/features/annual-report/index.ts';
import type { CaseService } from '../../src/features/requests/use-cases/case-service.ts';
import { publicApplicationBody } from '../../src/features/requests/http/request-routes.schema.ts';
import { agencyNav, html, page, type SafeHtml } from './page-layout.ts';
import {
  formCookieHash,
  hashOf,
  issueFormToken,
  issueSubmissionNonce,
  isFormTokenValid,
  isSubmissionNonce,
  sealForReceipt,
} from './form-token.ts';
import { DELIVERY_LABELS, receiptPath, registerApplicationReceipt } from './application-receipt.ts';
import {
  errorSummary,
  field,
  select,
  text,
  textarea,
  type FormErrors,
  type FormValues,
} from './form-fields.ts';

export interface ApplicationPageDependencies {
  readonly cases: CaseService;
  readonly findAgency: (id: string) => Promise<{ id: string; name: string } | undefined>;
  /** The server's clock: a receipt shows the query code for a day after the submission. */
  readonly now: () => Date;
}

const ID_TYPE_LABELS = {
  'resident-id': '居民身份证',
  'credit-code': '统一社会信用代码',
  other: '其他证件（护照、港澳台居民通行证等）',
} as const;

const FIELD_LABELS: Readonly<Record<string, string>> = {
  applicantType: '申请人类型',
  name: '姓名或名称',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  description: '所需政府信息',
  delivery: '获取信息的方式',
};

function applicationForm(
  agency: { id: string; name: string },
  token: string,
  values: FormValues,
  errors: FormErrors,
): SafeHtml {
  const input = (name: string, attributes: string) => text(name, values, attributes, errors);
  return html`${agencyNav(agency.id, agency.name)}
    <h1>向${agency.name}申请公开政府信息</h1>
    <p>
      依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条。一份申请只写一项所需信息。网上提交的申请，自双方确认之日起计算答复期限（第三十一条）；一般在收到申请之日起20个工作日内答复（第三十三条）。
    </p>
    ${errorSummary(errors, FIELD_LABELS, '申请未提交，请修改下列内容')}
    <form method="post" action="/agencies/${agency.id}/apply" novalidate>
      <input type="hidden" name="formToken" value="${token}" />
      <input type="hidden" name="submission" value="${values.submission ?? ''}" />
      <fieldset>
        <legend>申请人</legend>
        ${field(
          '申请人类型',
          'applicantType',
          values,
          errors,
          select(
            'applicantType',
            APPLICANT_TYPES.map(
              (t) => [t, t === 'natural' ? '自然人' : `法人或其他组织：${APPLICANT_TYPE_LABELS[t]}`] as const,
            ),
            values,
            errors,
          ),
        )}
        ${field('姓名或名称', 'name', values, errors, input('name', 'required maxlength="100" autocomplete="name"'), '', true)}
        ${field('证件类型', 'idType', values, errors, select('idType', [['', '与申请人类型相应的证件'], ...Object.entries(ID_TYPE_LABELS)], values, errors), '自然人一般为居民身份证，法人或其他组织一般为统一社会信用代码')}
        ${field('证件号码', 'idNumber', values, errors, input('idNumber', 'maxlength="40" autocomplete="off"'))}
        ${field('联系电话', 'phone', values, errors, input('phone', 'maxlength="40" autocomplete="tel" inputmode="tel"'), '手机号或带区号的固定电话')}
        ${field('电子邮箱', 'email', values, errors, input('email', 'maxlength="200" autocomplete="email" inputmode="email"'), '选择以电子邮件获取信息的必填')}
        ${field('通信地址', 'address', values, errors, input('address', 'maxlength="200" autocomplete="street-address"'), '选择邮寄纸质文本的必填')}
      </fieldset>
      <fieldset>
        <legend>所需信息</legend>
        ${field('所需政府信息的名称、文号或便于查询的其他特征', 'description', values, errors, textarea('description', values, 'rows="5" maxlength="2000" required', errors), '', true)}
        ${field('获取信息的方式', 'delivery', values, errors, select('delivery', Object.entries(DELIVERY_LABELS), values, errors))}
      </fieldset>
      <p class="hint">联系电话、电子邮箱、通信地址至少填写一项（第二十九条）。</p>
      <button type="submit">提交申请</button>
    </form>`;
}

const FIELD_OF: Record<string, string> = {
  type: 'applicantType',
  name: 'name',
  idType: 'idType',
  idNumber: 'idNumber',
  phone: 'phone',
  email: 'email',
  address: 'address',
  description: 'description',
  delivery: 'delivery',
};

function optional(value: string | undefined): string | undefined {
  return value && value.trim() ? value.trim() : undefined;
}

export function registerApplicationPages(app: FastifyInstance, deps: ApplicationPageDependencies): void {
  const send = (reply: FastifyReply, title: string, body: SafeHtml, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').send(page(title, body));
  registerApplicationReceipt(app, deps);

  app.get('/agencies/:agencyId/apply', async (request, reply) => {
    const agency = await deps.findAgency((request.params as { agencyId: string }).agencyId);
    if (!agency) return send(reply, '没有这个机关', html`<h1>没有这个机关</h1>`, 404);
    return send(
      reply,
      `向${agency.name}申请公开政府信息`,
      applicationForm(
        agency,
        issueFormToken(request, reply),
        { applicantType: 'natural', delivery: 'email', submission: issueSubmissionNonce() },
        {},
      ),
    );
  });

  app.post(
    '/agencies/:agencyId/apply',
    { config: { rateLimit: { max: 20, timeWindow: '1 hour' } } },
    async (request, reply) => {
      const agency = await deps.findAgency((request.params as { agencyId: string }).agencyId);
      if (!agency) return send(reply, '没有这个机关', html`<h1>没有这个机关</h1>`, 404);
      const values = (request.body ?? {}) as FormValues;
      const token = issueFormToken(request, reply);
      if (!isFormTokenValid(request, values.formToken)) {
        return send(
          reply,
          '页面已过期',
          html`<h1>页面已过期</h1>
            <p>请<a href="/agencies/${agency.id}/apply">重新打开申请表</a>后再提交。</p>`,
          403,
        );
      }
      const parsed = publicApplicationBody.safeParse({
        applicant: {
          type: values.applicantType,
          name: values.name,
          idType: values.idType || undefined,
          idNumber: optional(values.idNumber),
          phone: optional(values.phone),
          email: optional(values.email),
          address: optional(values.address),
        },
        application: { description: values.description, delivery: values.delivery },
      });
      if (!parsed.success) {
        const errors = Object.fromEntries(
          parsed.error.issues.map((i) => [FIELD_OF[String(i.path.at(-1))] ?? 'description', i.message]),
        );
        return send(reply, '申请未提交', applicationForm(agency, token, values, errors), 400);
      }
      const nonce = isSubmissionNonce(values.submission) ? values.submission : issueSubmissionNonce();
      await deps.cases.submitOnline(agency.id, parsed.data.applicant, parsed.data.application, {
        key: hashOf(nonce),
        cookieHash: formCookieHash(request),
        seal: sealForReceipt,
      });
      // Post/Redirect/Get: a reload shows the receipt again; the same form posted again files nothing.
      return reply.redirect(receiptPath(agency.id, nonce), 303);
    },
  );
}
