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
