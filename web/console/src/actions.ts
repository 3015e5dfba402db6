/** The steps an officer can take on a case, as form descriptions; the server decides what the law allows. */
export type FieldKind = 'date' | 'text' | 'textarea' | 'number' | 'select' | 'outcome' | 'consultation';
// The reply's content fields follow the outcome chosen (ReplyContentFields.tsx).

export interface ActionField {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly options?: ReadonlyArray<readonly [string, string]>;
  readonly optional?: boolean;
  readonly initial?: string;
  /** Used on the page only (e.g. for a quote), never sent. */
  readonly local?: boolean;
}

export interface ActionSpec {
  readonly type: string;
  readonly label: string;
  readonly fields: readonly ActionField[];
  /** Statuses in which the step makes sense (the server still checks the law). */
  readonly when: readonly string[];
  /** And what else the case must hold for it (e.g. a consultation still unanswered). */
  readonly requires?: (detail: ActionContext) => boolean;
}

/** What the choice of steps depends on beyond the status: the case, the agency's rule, the role. */
export interface ActionContext {
  readonly consultations: ReadonlyArray<{ answeredOn?: string }>;
  readonly extension: object | null;
  readonly pendingApproval: object | null;
  /** The agency separates duties: more time is asked for, then approved by another person. */
  readonly separationOfDuties: boolean;
  readonly approver: boolean;
}

const OPEN = [
  'received',
  'awaiting-explanation',
  'consulting-third-party',
  'consulting-agency',
  'awaiting-fee',
];
const reason = (label = '理由', optional = true): ActionField => ({
  name: 'reason',
  label,
  kind: 'textarea',
  optional,
});

export const ACTIONS: readonly ActionSpec[] = [
  {
    type: 'confirm-receipt',
    label: '确认收到申请（第三十一条）',
    when: ['submitted-unconfirmed'],
    fields: [
      { name: 'receivedOn', label: '确认收到日期', kind: 'date' },
      { name: 'arrivedOn', label: '来信到达日期（平常信函必填）', kind: 'date', optional: true },
    ],
  },
  {
    type: 'request-clarification',
    label: '一次性告知补正（第三十条）',
    when: ['received'],
    fields: [
      { name: 'on', label: '告知日期', kind: 'date' },
      { name: 'periodWorkingDays', label: '补正期限（工作日）', kind: 'number', initial: '10' },
      { name: 'items', label: '需要补正的事项', kind: 'textarea' },
    ],
  },
  {
    type: 'receive-clarification',
    label: '收到补正后的申请',
    when: ['awaiting-clarification'],
    fields: [
      { name: 'on', label: '收到日期', kind: 'date' },
      { name: 'description', label: '补正后申请获取的信息（写入答复告知书）', kind: 'textarea' },
    ],
  },
  {
    type: 'close-lapsed-clarification',
    label: '逾期未补正，不再处理',
    when: ['awaiting-clarification'],
    fields: [],
  },
  {
    type: 'start-consultation',
    label: '征求第三方或其他机关意见（第三十二条、第三十四条）',
    when: OPEN,
    fields: [
      {
        name: 'party',
        label: '征求对象',
        kind: 'select',
        options: [
          ['third-party', '第三方'],
          ['agency', '共同制作的其他机关'],
        ],
      },
      { name: 'partyName', label: '名称', kind: 'text' },
      { name: 'subject', label: '所涉信息的内容或摘要（随征求意见书发送，不写申请人）', kind: 'textarea' },
      { name: 'issuedOn', label: '发出日期', kind: 'date' },
      { name: 'deliveredOn', label: '送达日期', kind: 'date' },
    ],
  },
  {
    type: 'record-consultation-answer',
    label: '登记征求意见答复',
    // Also while a fee notice waits: the consultation runs on, and its answer must be recorded.
    when: OPEN,
    requires: (d) => d.consultations.some((c) => !c.answeredOn),
    fields: [
      { name: 'consultationId', label: '征求意见', kind: 'consultation' },
      { name: 'on', label: '收到答复日期', kind: 'date' },
      {
        name: 'position',
        label: '意见',
        kind: 'select',
        options: [
          ['consents', '同意公开'],
          ['objects', '不同意公开'],
          ['other', '其他'],
        ],
      },
    ],
  },
  {
    type: 'request-extension',
    label: '申请延长答复期限（第三十三条，报审批人审批）',
    when: OPEN,
    requires: (c) => c.separationOfDuties && !c.extension && !c.pendingApproval,
    fields: [
      { name: 'workingDays', label: '延长工作日数（不超过20）', kind: 'number', initial: '20' },
      { name: 'on', label: '申请日期', kind: 'date' },
      reason('延期理由（写入延期答复告知书）', false),
    ],
  },
  {
    type: 'grant-extension',
    label: '延长答复期限（第三十三条，须审批人）',
    when: OPEN,
    requires: (c) => !c.separationOfDuties && c.approver && !c.extension,
    fields: [
      { name: 'workingDays', label: '延长工作日数（不超过20）', kind: 'number', initial: '20' },
      { name: 'approvedOn', label: '负责人同意日期', kind: 'date' },
      { name: 'noticeSentOn', label: '告知申请人日期', kind: 'date' },
      reason('延期理由（写入延期答复告知书）', false),
    ],
  },
  {
    type: 'request-explanation',
    label: '要求说明理由（第三十五条）',
    when: ['received'],
    fields: [{ name: 'on', label: '日期', kind: 'date' }],
  },
  {
    type: 'request-later-date',
    label: '申请确定合理答复期限（第三十五条，报审批人审批）',
    when: ['awaiting-explanation'],
    requires: (c) => c.separationOfDuties && !c.pendingApproval,
    fields: [
      { name: 'on', label: '申请日期', kind: 'date' },
      { name: 'laterDate', label: '拟定的答复期限', kind: 'date' },
      reason('理由（写入答复期限告知书）', false),
    ],
  },
  {
    type: 'set-later-date',
    label: '确定合理答复期限（第三十五条）',
    when: ['awaiting-explanation'],
    requires: (c) => !c.separationOfDuties,
    fields: [
      { name: 'on', label: '决定日期', kind: 'date' },
      { name: 'laterDate', label: '答复期限', kind: 'date' },
      reason('理由', false),
    ],
  },
  {
    type: 'issue-fee-notice',
    label: '发出收费通知',
    when: OPEN,
    fields: [
      {
        name: 'method',
        label: '计收方式',
        kind: 'select',
        options: [
          ['per-application', '按件计收'],
          ['per-page', '按量计收'],
        ],
      },
      {
        name: 'pages',
        label: '页数（按量计收时必填）',
        kind: 'number',
        optional: true,
      },
      { name: 'amountYuan', label: '金额（元）', kind: 'number' },
      { name: 'howToPay', label: '缴费方式（写入收费通知书）', kind: 'textarea' },
      { name: 'issuedOn', label: '发出日期', kind: 'date' },
      { name: 'deliveredOn', label: '送达日期', kind: 'date' },
      reason('减收理由（低于收费标准时必填）'),
    ],
  },
  {
    type: 'record-payment',
    label: '登记缴费',
    when: ['awaiting-fee'],
    fields: [
      { name: 'on', label: '缴费日期', kind: 'date' },
      { name: 'amountYuan', label: '金额（元）', kind: 'number' },
    ],
  },
  {
    type: 'waive-fee',
    label: '减免费用',
    when: ['awaiting-fee'],
    fields: [{ name: 'on', label: '日期', kind: 'date' }, reason('减免理由', false)],
  },
  { type: 'close-lapsed-fee', label: '逾期未缴费，不再处理', when: ['awaiting-fee'], fields: [] },
  {
    type: 'record-reply',
    label: '答复（办结）',
    when: OPEN,
    fields: [
      { name: 'on', label: '答复（送达）日期', kind: 'date' },
      { name: 'outcome', label: '办理结果', kind: 'outcome' },
      { name: 'legalBasis', label: '法律依据（须写明条款）', kind: 'textarea' },
    ],
  },
  {
    type: 'approve',
    label: '审批同意',
    when: OPEN,
    requires: (c) => c.approver && Boolean(c.pendingApproval),
    fields: [
      { name: 'on', label: '同意日期', kind: 'date' },
      { name: 'noticeSentOn', label: '告知申请人日期（延期）', kind: 'date', optional: true },
    ],
  },
  {
    type: 'refuse-approval',
    label: '审批不同意',
    when: OPEN,
    requires: (c) => c.approver && Boolean(c.pendingApproval),
    fields: [{ name: 'on', label: '日期', kind: 'date' }, reason('不同意的理由', false)],
  },
  {
    type: 'withdraw',
    label: '申请人撤回',
    when: ['submitted-unconfirmed', ...OPEN, 'awaiting-clarification'],
    fields: [{ name: 'on', label: '撤回日期', kind: 'date' }, reason('说明', false)],
  },
];
