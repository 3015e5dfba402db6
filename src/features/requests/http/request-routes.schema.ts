/** Request schemas of the case routes: untrusted input → domain inputs. The law is checked by the domain. */
import { z } from '../../../platform/validation.ts';
import { parseIsoDate, type IsoDate } from '../../../shared/domain/iso-date.ts';
import { APPLICANT_TYPES, OUTCOME_ROWS } from '../../annual-report/index.ts';
import { REQUEST_STATUSES } from '../domain/request-status.ts';
import { creditCodeProblem, phoneProblem, residentIdProblem } from '../../../shared/domain/contact-checks.ts';
import { REPLY_VARIANTS, WITHHOLDING_GROUNDS } from '../domain/reply-content.ts';
import { CASE_SORTS } from '../db/case-list-query.ts';

export const isoDate = z
  .string()
  .refine((text) => parseIsoDate(text) !== undefined, { message: '应为 YYYY-MM-DD 格式的有效日期' })
  .transform((text) => text as IsoDate);

export const agencyParams = z.object({
  agencyId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, '机关编号无效'),
});
export const caseParams = agencyParams.extend({
  id: z.string().regex(/^YSQ-\d{4}-\d{5,7}$/, '申请编号形如 YSQ-2025-00001'),
});

/** Which document the ID number is: checked by its standard, or any other (passport, 港澳通行证…). */
export const ID_TYPES = ['resident-id', 'credit-code', 'other'] as const;

export const applicantSchema = z
  .object({
    type: z.enum(APPLICANT_TYPES),
    name: z.string().trim().min(1, '请填写申请人姓名或名称').max(100),
    idType: z.enum(ID_TYPES).optional(),
    idNumber: z.string().trim().max(40).optional(),
    phone: z.string().trim().max(40).optional(),
    email: z.email('电子邮箱格式不正确').max(200).optional(),
    address: z.string().trim().max(200).optional(),
  })
  .superRefine((applicant, ctx) => {
    // A person's number is a 居民身份证号 and an organisation's a 统一社会信用代码, unless they say otherwise.
    const idType = applicant.idType ?? (applicant.type === 'natural' ? 'resident-id' : 'credit-code');
    const idProblem = !applicant.idNumber
      ? undefined
      : idType === 'resident-id'
        ? residentIdProblem(applicant.idNumber)
        : idType === 'credit-code'
          ? creditCodeProblem(applicant.idNumber)
          : undefined;
    if (idProblem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: idProblem });
    const phone = applicant.phone ? phoneProblem(applicant.phone) : undefined;
    if (phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: phone });
  });

export const applicationSchema = z.object({
  description: z.string().trim().min(5, '请具体描述所需政府信息（名称、文号或便于查询的其他特征）').max(2000),
  delivery: z.enum(['paper-post', 'pickup', 'email', 'online']),
});

/** Delivery by e-mail needs the address to send to; by post, the postal address. */
function deliverable(
  body: {
    applicant: { email?: string | undefined; address?: string | undefined };
    application: { delivery: string };
  },
  ctx: z.RefinementCtx,
): void {
  if (body.application.delivery === 'email' && !body.applicant.email)
    ctx.addIssue({
      code: 'custom',
      path: ['applicant', 'email'],
      message: '选择电子邮件获取信息的，请填写电子邮箱',
    });
  if (body.application.delivery === 'paper-post' && !body.applicant.address)
    ctx.addIssue({
      code: 'custom',
      path: ['applicant', 'address'],
      message: '选择邮寄纸质文本的，请填写通信地址',
    });
}

/** An application from the public must say how to reach the applicant (第二十九条): a phone, an e-mail or an address. */
export const publicApplicationBody = z
  .object({ applicant: applicantSchema, application: applicationSchema })
  .refine((body) => Boolean(body.applicant.phone || body.applicant.email || body.applicant.address), {
    message: '请至少填写一种联系方式（第二十九条）',
    path: ['applicant', 'phone'],
  })
  .superRefine(deliverable);

export const publicStatusBody = z.object({
  /** May be left out: the number and the query code find the application. */
  agencyId: agencyParams.shape.agencyId.optional(),
  id: caseParams.shape.id,
  queryCode: z.string().trim().min(8).max(32),
});

export const registerBody = z
  .object({
    channel: z.enum(['in-person', 'signed-post', 'ordinary-post', 'online', 'fax', 'oral']),
    submittedOn: isoDate,
    receivedOn: isoDate.optional(),
    applicant: applicantSchema,
    application: applicationSchema,
  })
  .superRefine(deliverable);

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/** The case list's view, as the console keeps it in its address: search, filters, sort, page. */
export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  open: flag,
  overdue: flag,
  status: z.enum(REQUEST_STATUSES).optional(),
  dueWithin: z.coerce.number().int().min(0).max(60).optional(),
  channel: z.enum(['in-person', 'signed-post', 'ordinary-post', 'online', 'fax', 'oral']).optional(),
  outcome: z.enum(OUTCOME_ROWS).optional(),
  year: z.coerce.number().int().min(2008).max(2100).optional(),
  /** A username, "me" for the signed-in account, or "none" for cases not yet assigned. */
  handler: z.string().trim().min(1).max(100).optional(),
  awaitingApproval: flag,
  sort: z.enum(CASE_SORTS).default('due'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

const reason = { reason: z.string().trim().max(1000).optional() };

const contentText = z.string().trim().max(4000).optional();
/** What the reply letter says for its outcome (domain/reply-content.ts decides what each one needs). */
const replyContent = z
  .object({
    variant: z.enum(REPLY_VARIANTS).optional(),
    disclosed: contentText,
    provision: contentText,
    whereToObtain: contentText,
    withheld: contentText,
    withheldGround: z.enum(WITHHOLDING_GROUNDS).optional(),
    reasons: contentText,
    competentAgency: contentText,
    earlierReply: contentText,
    overObjectionReason: contentText,
  })
  .strict();

export const actionBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('confirm-receipt'),
    receivedOn: isoDate,
    arrivedOn: isoDate.optional(),
    ...reason,
  }),
  z.object({
    type: z.literal('request-clarification'),
    on: isoDate,
    periodWorkingDays: z.number().int().optional(),
    items: z.string().trim().min(1, '请写明需要补正的事项').max(2000),
    ...reason,
  }),
  z.object({
    type: z.literal('receive-clarification'),
    on: isoDate,
    description: z.string().trim().max(2000).default(''),
    ...reason,
  }),
  z.object({ type: z.literal('close-lapsed-clarification'), ...reason }),
  z.object({
    type: z.literal('start-consultation'),
    consultationId: z.string().trim().min(1).max(40),
    party: z.enum(['third-party', 'agency']),
    partyName: z.string().trim().min(1).max(200),
    issuedOn: isoDate,
    deliveredOn: isoDate,
    subject: z.string().trim().max(4000).default(''),
    ...reason,
  }),
  z.object({
    type: z.literal('record-consultation-answer'),
    consultationId: z.string().trim().min(1).max(40),
    on: isoDate,
    position: z.enum(['consents', 'objects', 'other']),
    ...reason,
  }),
  z.object({
    type: z.literal('grant-extension'),
    workingDays: z.number().int(),
    approvedOn: isoDate,
    noticeSentOn: isoDate.optional(),
    ...reason,
  }),
  z.object({ type: z.literal('request-explanation'), on: isoDate, ...reason }),
  z.object({ type: z.literal('set-later-date'), on: isoDate, laterDate: isoDate, ...reason }),
  z.object({
    type: z.literal('issue-fee-notice'),
    method: z.enum(['per-application', 'per-page']),
    amountYuan: z.number(),
    pages: z.number().int('页数应为整数').min(0).max(1_000_000).optional(),
    issuedOn: isoDate,
    deliveredOn: isoDate,
    howToPay: z.string().trim().max(1000).default(''),
    ...reason,
  }),
  z.object({ type: z.literal('record-payment'), on: isoDate, amountYuan: z.number(), ...reason }),
  z.object({ type: z.literal('waive-fee'), on: isoDate, ...reason }),
  z.object({ type: z.literal('close-lapsed-fee'), ...reason }),
  z.object({
    type: z.literal('record-reply'),
    on: isoDate,
    outcome: z.enum(OUTCOME_ROWS),
    legalBasis: z.string().max(1000),
    content: replyContent.default({}),
    ...reason,
  }),
  z.object({ type: z.literal('withdraw'), on: isoDate, ...reason }),
  z.object({ type: z.literal('assign'), handler: z.string().trim().min(1).max(100), ...reason }),
  z.object({
    type: z.literal('request-extension'),
    on: isoDate,
    workingDays: z.number().int(),
    ...reason,
  }),
  z.object({ type: z.literal('request-later-date'), on: isoDate, laterDate: isoDate, ...reason }),
  z.object({ type: z.literal('approve'), on: isoDate, noticeSentOn: isoDate.optional(), ...reason }),
  z.object({ type: z.literal('refuse-approval'), on: isoDate, ...reason }),
]);

export type ActionBody = z.infer<typeof actionBody>;
