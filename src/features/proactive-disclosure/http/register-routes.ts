/**
 * The normative-document register over HTTP for staff (register, amend, repeal, lapse, link to the
 * portal page) and the agency's disclosure settings (catalogue, guide contact, local limits).
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CONFIRMATION_ALERT_WORKING_DAYS } from '../../requests/domain/confirmation-wait.ts';
import { z } from '../../../platform/validation.ts';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { yearLockedMessage } from '../../../shared/domain/year-lock.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { isoDate } from '../../requests/http/request-routes.schema.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { CATEGORY_GROUPS, type SettingsRefusal } from '../domain/disclosure-settings.ts';
import type { NormativeRegister, RegisterError } from '../use-cases/normative-register.ts';
import type { DisclosureSettingsService } from '../use-cases/disclosure-settings-service.ts';
import { agencyParams } from './document-routes.schema.ts';

const REGISTER_MESSAGES: Readonly<Record<RegisterError['code'], string>> = {
  'before-issue': '日期不能早于文件的制发日期',
  'no-longer-in-force': '该文件已废止或失效，不能再修改、废止或宣布失效',
  'note-required': '请说明修改的内容',
  'normative-document-not-found': '登记簿中没有这个文件',
  'public-document-not-found': '没有这个公开文件',
  'concurrent-change': '该文件刚被他人修改，请刷新后重试',
  'year-locked': '该日期所在年度的年度报告已报送并锁定',
};

function settingsMessage(error: SettingsRefusal): string {
  switch (error.code) {
    case 'publication-limit-not-stricter':
      return `本地发布时限 ${error.days} 个工作日无效：须为 1 至 20 个工作日（只能严于条例第二十六条）`;
    case 'duplicate-category':
      return `公开目录中有重复的类别“${error.name}”`;
    case 'category-in-use':
      return `类别“${error.name}”下还有 ${error.documents} 件文件，不能删除`;
    case 'interpretation-category-required':
      return '公开目录须保留“政策解读”类别';
  }
}

const documentIdParams = agencyParams.extend({ id: z.string().regex(/^[\w-]{1,40}$/, '文件编号有误') });
const onQuery = z.object({ on: isoDate.optional() });
const registerBody = z.object({
  kind: z.enum(['regulation', 'normative_doc']),
  title: z.string().trim().min(2, '请填写标题').max(300),
  documentNumber: z.string().trim().max(100).optional(),
  issuedOn: isoDate,
  publicDocumentId: z
    .string()
    .regex(/^DOC-\d{4}-\d{5,7}$/)
    .optional(),
});
const eventBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('amend'),
    on: isoDate,
    documentNumber: z.string().trim().max(100).optional(),
    note: z.string().max(2000),
  }),
  z.object({ type: z.literal('repeal'), on: isoDate }),
  z.object({ type: z.literal('lapse'), on: isoDate }),
  z.object({ type: z.literal('link'), publicDocumentId: z.string().regex(/^DOC-\d{4}-\d{5,7}$/) }),
]);
const days = (max: number) => z.number().int('应为整数').min(0).max(max);
const settingsBody = z.object({
  publicationLimitDays: days(20),
  interpretationWithinDays: days(20),
  messageAnswerDays: days(60).min(1),
  confirmationAlertWorkingDays: days(20).min(1).default(DEFAULT_CONFIRMATION_ALERT_WORKING_DAYS),
  separationOfDuties: z.boolean().default(true),
  categories: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(50),
        group: z.enum(CATEGORY_GROUPS),
        description: z.string().trim().max(300).optional(),
      }),
    )
    .min(1)
    .max(200),
  contact: z
    .object({
      office: z.string().trim().min(1).max(100),
      address: z.string().trim().min(1).max(200),
      hours: z.string().trim().min(1).max(200),
      phone: z.string().trim().min(1).max(50),
      postcode: z.string().trim().max(10).optional(),
      email: z.string().trim().email().max(100).optional(),
    })
    .optional(),
  letters: z
    .object({
      referencePrefix: z.string().trim().min(1).max(40).optional(),
      reconsiderationOrgan: z.string().trim().min(1).max(100).optional(),
      feePayment: z.string().trim().min(1).max(1000).optional(),
    })
    .strict()
    .optional(),
  indexNumberPrefix: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,30}$/, '索引号前缀应为1至30位数字、字母或连字符（如统一社会信用代码）')
    .optional(),
  guideNotes: z.string().max(20_000).optional(),
});

const TAG = '规范性文件与公开设置（工作人员）';
const staffOnly = { security: [{ session: [] }] };

function refuseRegister(error: RegisterError): never {
  if (error.code === 'normative-document-not-found' || error.code === 'public-document-not-found')
    throw new HttpProblem('not-found', REGISTER_MESSAGES[error.code]);
  if (error.code === 'concurrent-change')
    throw new HttpProblem('concurrent-change', REGISTER_MESSAGES[error.code]);
  if (error.code === 'year-locked') throw new RefusalProblem(error, yearLockedMessage(error), 409);
  throw new RefusalProblem(error, REGISTER_MESSAGES[error.code]);
}

export function registerRegisterRoutes(
  app: FastifyInstance,
  deps: {
    register: NormativeRegister;
    settings: DisclosureSettingsService;
    auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
    today: () => IsoDate;
  },
): void {
  app.get(
    '/api/agencies/:agencyId/normative-documents',
    {
      schema: {
        tags: [TAG],
        summary: '规章和规范性文件登记簿（on：判断现行有效的日期）',
        params: agencyParams,
        querystring: onQuery,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const { on = deps.today() } = parseInput(onQuery, request.query);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return { on, documents: await deps.register.list(agencyId, on) };
    },
  );

  app.post(
    '/api/agencies/:agencyId/normative-documents',
    {
      schema: {
        tags: [TAG],
        summary: '登记制发的规章或规范性文件',
        params: agencyParams,
        body: registerBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(registerBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      const result = await deps.register.register(agencyId, body, account.username);
      if (!result.ok) refuseRegister(result.error);
      return reply.status(201).send(result.value);
    },
  );

  app.post(
    '/api/agencies/:agencyId/normative-documents/:id/events',
    {
      schema: {
        tags: [TAG],
        summary: '修改、废止、失效，或关联门户上的文件',
        params: documentIdParams,
        body: eventBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, id } = parseInput(documentIdParams, request.params);
      const body = parseInput(eventBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      const result =
        body.type === 'link'
          ? await deps.register.link(agencyId, id, body.publicDocumentId, account.username)
          : await deps.register.record(agencyId, id, body, account.username);
      if (!result.ok) refuseRegister(result.error);
      return result.value;
    },
  );

  app.get(
    '/api/agencies/:agencyId/disclosure-settings',
    {
      schema: {
        tags: [TAG],
        summary: '公开目录、公开指南联系方式与本地时限',
        params: agencyParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return deps.settings.find(agencyId);
    },
  );

  app.put(
    '/api/agencies/:agencyId/disclosure-settings',
    {
      schema: {
        tags: [TAG],
        summary: '修改公开设置（管理员）',
        params: agencyParams,
        body: settingsBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(settingsBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'manage-disclosure-settings');
      const result = await deps.settings.update(agencyId, body, account.username);
      if (!result.ok) throw new RefusalProblem(result.error, settingsMessage(result.error));
      return result.value;
    },
  );
}
