/**
 * The demo agency's 主动公开 side, so that a newcomer's portal and console are not empty: its disclosure
 * settings and guide, published documents in several categories over the last two years (one waiting
 * for review, one late), a normative document with its page and a graphic interpretation, and public
 * messages, some answered and published. Everything goes through the same services as real work.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { addDays, type IsoDate } from '../shared/domain/iso-date.ts';
import { documentRepository } from '../features/proactive-disclosure/db/document-repository.ts';
import {
  documentService,
  type DocumentDraft,
} from '../features/proactive-disclosure/use-cases/document-service.ts';
import { disclosureSettingsService } from '../features/proactive-disclosure/use-cases/disclosure-settings-service.ts';
import { normativeRegister } from '../features/proactive-disclosure/use-cases/normative-register.ts';
import { DEFAULT_DISCLOSURE_SETTINGS } from '../features/proactive-disclosure/domain/disclosure-settings.ts';
import { messageService } from '../features/public-messages/use-cases/message-service.ts';
import type { WorkCalendar } from '../shared/domain/work-calendar.ts';

const DOCUMENTS: ReadonlyArray<readonly [string, string, string]> = [
  [
    '社会救助',
    '关于调整城乡最低生活保障标准的通知',
    '城乡低保标准自下月起调整为每人每月1050元，特困人员基本生活标准同步调整。',
  ],
  ['社会救助', '临时救助工作规程', '临时救助对象的认定、申请、审核审批和救助标准按本规程执行。'],
  ['社会救助', '低保对象名单公示（第三季度）', '现将本季度新增城乡低保对象名单予以公示，公示期七天。'],
  ['养老服务', '养老服务补贴发放办法', '对经济困难的高龄、失能老年人发放养老服务补贴，标准为每人每月200元。'],
  ['养老服务', '养老机构名录', '本市备案的养老机构名称、地址、床位数和联系电话。'],
  ['预决算', '部门预算公开说明', '本部门年度收支预算、一般公共预算支出和“三公”经费预算情况说明。'],
  ['预决算', '部门决算公开说明', '本部门上年度收支决算、财政拨款支出和“三公”经费支出情况说明。'],
  ['机构职能', '机构职能与联系方式', '本局主要职责、内设机构、办公地址、办公时间和联系电话。'],
  ['规划计划', '民政事业发展规划', '规划期内养老服务、社会救助、社会事务等方面的发展目标和主要任务。'],
  ['统计信息', '民政统计季报', '本季度低保、特困供养、临时救助人数和资金支出情况。'],
  ['行政许可和服务', '社会组织成立登记办事指南', '社会组织成立登记的依据、条件、程序、材料和办理时限。'],
  ['政府采购', '养老服务信息平台采购结果公告', '项目名称、中标单位、中标金额和采购代理机构。'],
  ['就业创业', '公益性岗位招聘公告', '面向就业困难人员招聘公益性岗位人员，报名条件和程序如下。'],
  ['其他', '年度政务公开工作要点', '本年度政务公开重点任务和责任分工。'],
];

const MESSAGES: ReadonlyArray<readonly [string, string, string | undefined]> = [
  [
    '低保申请需要多久',
    '我母亲想申请低保，从申请到批下来一般要多久？',
    '自受理之日起30日内作出审批决定，情况复杂的可延长15日。',
  ],
  [
    '养老补贴如何领取',
    '80岁以上老人的高龄津贴在哪里申请？',
    '请携带身份证和户口簿到户籍所在地社区居委会申请，审核通过后按月发放。',
  ],
  [
    '临时救助标准',
    '因病致贫可以申请临时救助吗？标准是多少？',
    '可以。因病导致基本生活暂时出现严重困难的家庭可以申请，标准根据困难程度确定。',
  ],
  [
    '社会组织年检',
    '社会组织年度检查什么时候开始？',
    '年度检查每年3月1日开始，5月31日截止，请登录网上办事平台报送材料。',
  ],
  ['养老机构投诉', '某养老院服务质量差，向哪里反映？', undefined],
];

export async function seedDemoDisclosure(
  db: Kysely<Database>,
  agencyId: string,
  today: IsoDate,
  calendar: WorkCalendar,
): Promise<void> {
  const now = () => `${today}T08:00:00+08:00`;
  const settings = disclosureSettingsService(db, now);
  await settings.update(
    agencyId,
    {
      ...DEFAULT_DISCLOSURE_SETTINGS,
      publicationLimitDays: 15,
      contact: {
        office: '示范市示范局办公室（政府信息公开工作机构）',
        address: '示范市人民路100号',
        postcode: '100000',
        hours: '工作日上午9:00—12:00，下午13:30—17:00',
        phone: '0000-12345678',
      },
      letters: {
        referencePrefix: '示范局依申请公开',
        feePayment:
          '通过示范市非税收入缴款系统缴纳，执收单位：示范市示范局，缴款码随本通知送达；也可到本机关办公室现场缴纳',
      },
    },
    'system:demo-seed',
  );
  const repository = documentRepository(db);
  /** A document drafted on `formedOn` and, unless `stopAt` says otherwise, published `delay` days later. */
  const document = async (
    draft: Omit<DocumentDraft, 'attribute'>,
    delay: number,
    stopAt?: 'in-review' | 'draft',
  ) => {
    const on = (date: IsoDate) =>
      documentService({
        documents: repository,
        today: () => date,
        settingsFor: settings.settingsFor,
        calendarFor: async () => calendar,
      });
    const drafted = await on(draft.formedOn).draft(
      agencyId,
      { ...draft, attribute: { attribute: 'proactive' } },
      'officer',
      async () => false,
    );
    if (!drafted.ok) throw new Error(`demo document refused: ${drafted.error.code}`);
    const id = drafted.value.id;
    if (stopAt === 'draft') return id;
    await on(draft.formedOn).step(agencyId, id, { type: 'submit-for-review' }, 'officer');
    if (stopAt === 'in-review') return id;
    await on(draft.formedOn).step(agencyId, id, { type: 'approve' }, 'reviewer');
    await on(addDays(draft.formedOn, delay)).step(agencyId, id, { type: 'publish' }, 'officer');
    return id;
  };

  for (const [index, [category, title, body]] of DOCUMENTS.entries()) {
    const formedOn = addDays(today, -20 - index * 37);
    await document(
      { title, category, body, formedOn, documentNumber: `示民发〔${formedOn.slice(0, 4)}〕${index + 1}号` },
      2 + (index % 5),
    );
  }
  await document(
    {
      title: '关于做好冬季困难群众救助工作的通知',
      category: '社会救助',
      body: '请各区做好冬季救助工作。',
      formedOn: addDays(today, -3),
    },
    0,
    'in-review',
  );
  await document(
    {
      title: '残疾人两项补贴资金发放情况',
      category: '民生政策',
      body: '本年度残疾人两项补贴发放情况。',
      formedOn: addDays(today, -40),
    },
    0,
    'draft',
  );

  // A normative document with its page on the portal and an interpretation published with it.
  const issuedOn = addDays(today, -60);
  const page = await document(
    {
      title: '示范市最低生活保障审核确认办法',
      documentNumber: `示民规〔${issuedOn.slice(0, 4)}〕1号`,
      category: '法规文件',
      body: '第一条 为规范最低生活保障审核确认工作，制定本办法。\n第二条 本办法适用于本市行政区域内最低生活保障的申请、审核和确认。',
      formedOn: issuedOn,
    },
    1,
  );
  await document(
    {
      title: '一图读懂《示范市最低生活保障审核确认办法》',
      category: '政策解读',
      body: '谁可以申请、怎么申请、多久办结：一图读懂新办法。',
      formedOn: issuedOn,
      interprets: page,
      interpretationForm: 'graphic',
    },
    1,
  );
  const register = normativeRegister(db, now);
  await register.register(
    agencyId,
    {
      kind: 'normative_doc',
      title: '示范市最低生活保障审核确认办法',
      documentNumber: `示民规〔${issuedOn.slice(0, 4)}〕1号`,
      issuedOn,
      publicDocumentId: page,
    },
    'officer',
  );

  for (const [index, [subject, body, answer]] of MESSAGES.entries()) {
    const received = addDays(today, -6 - index * 9);
    const messages = (date: IsoDate) =>
      messageService(db, {
        calendarFor: async () => calendar,
        answerDaysFor: async () => 15,
        today: () => date,
        now: () => `${date}T08:00:00+08:00`,
      });
    const { message } = await messages(received).submit(agencyId, {
      subject,
      body,
      authorName: `留言人${index + 1}`,
      authorContact: '13800000000',
    });
    if (answer)
      await messages(addDays(received, 5)).answer(
        agencyId,
        message.id,
        { text: answer, publish: index !== 3 },
        'officer',
      );
  }
}
