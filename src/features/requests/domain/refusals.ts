/**
 * What the law does not allow, as values (STYLE.md §5): each code carries the data that explains it.
 * The HTTP adapter maps codes to statuses; the UI picks its message by code (`REFUSAL_MESSAGES`).
 */
import type { OutcomeRow } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { RequestStatus } from './request-status.ts';

export type CaseRefusal =
  | { readonly code: 'case-closed'; readonly status: RequestStatus }
  | { readonly code: 'receipt-not-confirmed' }
  | { readonly code: 'receipt-already-confirmed'; readonly receivedOn: IsoDate }
  | { readonly code: 'date-in-future'; readonly date: IsoDate; readonly today: IsoDate }
  | { readonly code: 'date-before-last-event'; readonly date: IsoDate; readonly lastEventOn: IsoDate }
  | { readonly code: 'clarification-already-requested'; readonly requestedOn: IsoDate }
  | { readonly code: 'clarification-notice-too-late'; readonly latestOn: IsoDate }
  | { readonly code: 'clarification-period-invalid'; readonly workingDays: number }
  | { readonly code: 'not-awaiting-clarification' }
  | { readonly code: 'clarification-after-period'; readonly periodEndsOn: IsoDate }
  | { readonly code: 'period-not-over'; readonly endsOn: IsoDate }
  | { readonly code: 'awaiting-clarification'; readonly periodEndsOn: IsoDate }
  | { readonly code: 'unknown-consultation'; readonly consultationId: string }
  | { readonly code: 'consultation-already-answered'; readonly answeredOn: IsoDate }
  | { readonly code: 'consultation-id-taken'; readonly consultationId: string }
  | { readonly code: 'delivered-before-issued'; readonly issuedOn: IsoDate }
  | { readonly code: 'extension-already-granted'; readonly approvedOn: IsoDate }
  | { readonly code: 'extension-too-long'; readonly maxWorkingDays: number }
  | { readonly code: 'extension-without-approval' }
  | { readonly code: 'extension-without-notice' }
  | { readonly code: 'extension-after-deadline'; readonly dueOn: IsoDate }
  | { readonly code: 'extension-notice-after-deadline'; readonly dueOn: IsoDate }
  | { readonly code: 'fee-schedule-unknown' }
  | { readonly code: 'arrival-date-required' }
  | { readonly code: 'confirmed-before-arrival'; readonly arrivedOn: IsoDate }
  | { readonly code: 'period-end-provisional'; readonly endsOn: IsoDate; readonly years: readonly number[] }
  | { readonly code: 'fee-pages-required' }
  | { readonly code: 'fee-method-mixed'; readonly method: string }
  | { readonly code: 'fee-in-free-tier'; readonly basis: string }
  | { readonly code: 'fee-above-schedule'; readonly scheduleYuan: number; readonly basis: string }
  | { readonly code: 'fee-notice-after-deadline'; readonly dueOn: IsoDate }
  | { readonly code: 'later-date-after-deadline'; readonly dueOn: IsoDate }
  | { readonly code: 'outcome-needs-explanation-request'; readonly outcome: string }
  | { readonly code: 'explanation-not-requested' }
  | { readonly code: 'later-date-not-later'; readonly dueOn: IsoDate }
  | { readonly code: 'fee-notice-outstanding'; readonly payByOn: IsoDate }
  | { readonly code: 'fee-amount-invalid'; readonly amountYuan: number }
  | { readonly code: 'payment-before-notice' }
  | { readonly code: 'payment-after-deadline'; readonly payByOn: IsoDate }
  | { readonly code: 'payment-amount-mismatch'; readonly expectedYuan: number }
  | { readonly code: 'reason-required' }
  | { readonly code: 'fee-outstanding'; readonly payByOn: IsoDate }
  | { readonly code: 'outcome-needs-lapse'; readonly outcome: OutcomeRow }
  | { readonly code: 'reply-without-legal-basis' }
  | { readonly code: 'unclear-without-clarification' }
  | { readonly code: 'reply-content-missing'; readonly field: string; readonly label: string }
  | { readonly code: 'extension-without-reason' }
  | { readonly code: 'clarification-without-content' }
  | { readonly code: 'already-asked'; readonly on: IsoDate }
  | { readonly code: 'reply-basis-without-article' }
  | { readonly code: 'consultation-without-subject' }
  | { readonly code: 'fee-without-payment-method' }
  | { readonly code: 'approval-required' }
  | { readonly code: 'approval-pending'; readonly kind: string; readonly requestedOn: IsoDate }
  | { readonly code: 'nothing-to-approve' }
  | { readonly code: 'approver-is-requester' }
  | { readonly code: 'handler-unchanged' }
  | { readonly code: 'handler-not-case-worker'; readonly handler: string }
  /** The date falls in a year whose report is filed and locked (#6). */
  | { readonly code: 'year-locked'; readonly year: number };

export type CaseRefusalCode = CaseRefusal['code'];

export const REFUSAL_MESSAGES: Readonly<Record<CaseRefusalCode, string>> = {
  'case-closed': '该申请已办结，不能再办理',
  'receipt-not-confirmed': '尚未确认收到申请（第三十一条）',
  'receipt-already-confirmed': '已确认收到申请',
  'date-in-future': '日期不能晚于今天',
  'date-before-last-event': '日期不能早于该申请的上一个办理环节',
  'clarification-already-requested': '补正只能一次性告知，不能再次要求补正（第三十条）',
  'clarification-notice-too-late': '补正告知应在收到申请之日起7个工作日内作出（第三十条）',
  'clarification-period-invalid': '补正期限应为1至60个工作日',
  'not-awaiting-clarification': '该申请没有待补正事项',
  'clarification-after-period': '补正期限已过',
  'period-not-over': '期限尚未届满',
  'awaiting-clarification': '申请人补正前不能办理此事项',
  'unknown-consultation': '没有这项征求意见',
  'consultation-already-answered': '已收到该征求意见的答复',
  'consultation-id-taken': '征求意见编号已被使用',
  'delivered-before-issued': '送达日期不能早于发出日期',
  'extension-already-granted': '已延长过答复期限',
  'extension-too-long': '延长答复的期限最长不得超过20个工作日（第三十三条）',
  'extension-without-approval': '延期须经政府信息公开工作机构负责人同意（第三十三条）',
  'extension-without-notice': '延期须告知申请人（第三十三条）',
  'extension-after-deadline': '延期应在答复期限届满前决定',
  'fee-schedule-unknown': '无法按收费标准核定费用',
  'arrival-date-required': '平常信函须填写来信到达日期（第三十一条：应于收到当日与申请人确认）',
  'confirmed-before-arrival': '确认日期不能早于来信到达日期',
  'period-end-provisional': '期限的截止日所在年度尚未载入国务院放假通知，截止日为暂定，不自动结案',
  'fee-pages-required': '按量计收须填写提供信息的页数',
  'fee-method-mixed': '同一申请只能采用一种计收方式（按件或按量，《办法》第三条）',
  'fee-in-free-tier': '按收费标准，本申请在免费范围内，不得收费（《办法》第四、五条）',
  'fee-above-schedule': '收费金额不得高于收费标准核定的金额；可以减收，或说明理由后免收',
  'fee-notice-after-deadline': '收费通知须在答复期限内发出',
  'extension-notice-after-deadline':
    '延期须在答复期限届满前告知申请人（第三十三条第二款）；期限已过，答复将按逾期记录',
  'later-date-after-deadline':
    '合理期限须在答复期限届满前确定并告知申请人（第三十五条）；期限已过，答复将按逾期记录',
  'outcome-needs-explanation-request': '以第三十五条不予处理，须先要求申请人说明理由',
  'explanation-not-requested': '确定合理期限前应先要求申请人说明理由（第三十五条）',
  'later-date-not-later': '合理期限应晚于原答复期限',
  'fee-notice-outstanding': '已有待缴的收费通知',
  'fee-amount-invalid': '收费金额应大于0',
  'payment-before-notice': '没有收费通知，不能登记缴费',
  'payment-after-deadline': '缴费期限已过',
  'payment-amount-mismatch': '缴费金额与收费通知不符',
  'reason-required': '请填写理由',
  'fee-outstanding': '收费通知尚未缴费、减免或逾期，不能答复',
  'outcome-needs-lapse': '逾期不补正或逾期不缴费的申请由期限届满自动办结，不能作为答复结果',
  'reply-without-legal-basis': '答复须写明法律依据',
  'unclear-without-clarification': '“补正后申请内容仍不明确”须先有补正',
  'reply-content-missing': '答复告知书所需内容未填写',
  'reply-basis-without-article':
    '法律依据须写明具体条款（如《中华人民共和国政府信息公开条例》第三十六条第（二）项）',
  'already-asked': '已经提交过，请等待受理机关处理',
  'clarification-without-content': '请写明补正后的申请内容，答复告知书据此写明申请获取的信息',
  'extension-without-reason': '延期须写明理由，延期答复告知书据此告知申请人',
  'consultation-without-subject': '征求意见须写明所涉信息的内容或摘要，随征求意见书发送',
  'fee-without-payment-method': '收费通知须写明缴费方式',
  'approval-required':
    '本机关实行审批分离：延期或确定合理期限须由经办人提出申请，再由另一名审批人审批（见“公开设置”）',
  'approval-pending': '已有一项待审批的申请，请等待审批结果',
  'nothing-to-approve': '该申请没有待审批的事项',
  'approver-is-requester': '审批人不能审批本人提出或本人经办的申请（审批分离）',
  'handler-unchanged': '该申请已由此人经办',
  'handler-not-case-worker': '只能交给本机关或上级机关中有经办人角色、未停用的工作人员办理',
  'year-locked': '该日期所在年度的年度报告已报送并锁定；如需更正，请先提出更正申请并经批准',
};
