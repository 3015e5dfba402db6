/** Chinese labels for what the API returns as codes. */
import {
  OUTCOME_ROWS,
  outcomeLabel,
  outcomeGroupLabel,
} from '../../../src/features/annual-report/domain/outcome-row.ts';
import { OUTCOME_LEGAL_BASIS } from '../../../src/features/requests/domain/outcome-legal-basis.ts';

export { OUTCOME_ROWS, OUTCOME_LEGAL_BASIS };
export type OutcomeRowCode = (typeof OUTCOME_ROWS)[number];

export function fullOutcomeLabel(row: (typeof OUTCOME_ROWS)[number]): string {
  const group = outcomeGroupLabel(row);
  return group ? `${group} ${outcomeLabel(row)}` : outcomeLabel(row);
}

export const CHANNEL_LABELS: Record<string, string> = {
  'in-person': '当面提交',
  'signed-post': '邮寄（签收）',
  'ordinary-post': '平常信函',
  online: '网上申请',
  fax: '传真',
  oral: '口头提出',
};

export const APPLICANT_TYPE_LABELS: Record<string, string> = {
  natural: '自然人',
  org_business: '商业企业',
  org_research: '科研机构',
  org_nonprofit: '社会公益组织',
  org_legal: '法律服务机构',
  org_other: '其他组织',
};

export const EVENT_LABELS: Record<string, string> = {
  submitted: '提交申请',
  'receipt-confirmed': '确认收到申请',
  'clarification-requested': '告知补正',
  'clarification-received': '收到补正后的申请',
  'clarification-lapsed': '逾期未补正，不再处理',
  'consultation-started': '征求意见',
  'consultation-answered': '收到征求意见答复',
  'extension-granted': '延长答复期限',
  'explanation-requested': '要求说明理由（第三十五条）',
  'later-date-set': '确定合理答复期限',
  'fee-notice-issued': '发出收费通知',
  'fee-paid': '缴费',
  'fee-waived': '减免费用',
  'fee-lapsed': '逾期未缴费，不再处理',
  replied: '答复',
  withdrawn: '申请人撤回',
  delivered: '电子送达（申请人已下载）',
  'waiver-requested': '申请人申请减免费用',
  'payment-reported': '申请人告知已缴费',
  assigned: '交由经办',
  'extension-requested': '申请延长答复期限（待审批）',
  'later-date-requested': '申请确定合理答复期限（待审批）',
  'approval-refused': '审批未通过',
};

export const APPROVAL_KIND_LABELS: Record<string, string> = {
  extension: '延长答复期限（第三十三条）',
  'later-date': '确定合理答复期限（第三十五条）',
};

export const DAY_KIND_LABELS: Record<string, string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  'makeup-workday': '调休上班日',
};
export const PAUSE_LABELS: Record<string, string> = {
  'third-party-consultation': '征求第三方意见',
  'agency-consultation': '征求其他机关意见',
  'fee-notice': '待缴费',
};

/** The calendar day in China of a UTC timestamp (the server stores instants in UTC). */
export function chinaDate(instant: string): string {
  return new Date(instant).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

export const DELIVERY_LABELS: Record<string, string> = {
  'paper-post': '纸质文本邮寄',
  pickup: '当面领取',
  email: '电子邮件',
  online: '网上查看',
};

const POSITION_LABELS: Record<string, string> = {
  consents: '同意公开',
  objects: '不同意公开',
  other: '其他意见',
};

/** What a step of the history says, for the case worker: its dates, amounts and facts. */
export function stepDetail(event: Record<string, unknown>): string {
  const v = (key: string) => (event[key] === undefined || event[key] === null ? '' : String(event[key]));
  switch (event.type) {
    case 'receipt-confirmed':
      return `收到申请日期 ${v('receivedOn')}${v('arrivedOn') ? `（来信 ${v('arrivedOn')} 到达）` : ''}`;
    case 'clarification-requested':
      return `补正事项：${v('items')}；补正期限 ${v('periodEndsOn')}`;
    case 'clarification-received':
      return `${v('on')} 收到${v('description') ? `：${v('description')}` : ''}`;
    case 'consultation-started':
      return `${v('partyName')}，${v('issuedOn')} 发出，${v('deliveredOn')} 送达，答复期限 ${v('answerDueOn')}`;
    case 'consultation-answered':
      return `${v('on')} 答复：${POSITION_LABELS[v('position')] ?? v('position')}`;
    case 'extension-granted':
      return `延长 ${v('workingDays')} 个工作日，${v('approvedBy')} ${v('approvedOn')} 同意，${v('noticeSentOn')} 告知申请人${v('dueOn') ? `，延长后期限 ${v('dueOn')}` : ''}`;
    case 'later-date-set':
      return `答复期限定为 ${v('laterDate')}${v('approvedBy') ? `，${v('approvedBy')} ${v('on')} 审批同意` : ''}`;
    case 'assigned':
      return `经办人：${v('handlerName')}`;
    case 'extension-requested':
      return `${v('on')} 申请延长 ${v('workingDays')} 个工作日`;
    case 'later-date-requested':
      return `${v('on')} 申请将答复期限定为 ${v('laterDate')}`;
    case 'approval-refused':
      return `${v('on')} ${APPROVAL_KIND_LABELS[v('kind')] ?? ''}未获同意`;
    case 'fee-notice-issued':
      return `${v('amountYuan')} 元（${v('basis')}），${v('issuedOn')} 发出，缴费期限 ${v('payByOn')}`;
    case 'fee-paid':
      return `${v('on')} 缴费 ${v('amountYuan')} 元`;
    case 'waiver-requested':
      return `理由：${v('reason')}`;
    case 'payment-reported':
      return `缴费凭证：${v('reference')}`;
    case 'replied':
      return `${v('on')} 答复，依据：${v('legalBasis')}`;
    case 'delivered':
      return `下载“${v('fileName')}”`;
    default:
      return v('on');
  }
}
