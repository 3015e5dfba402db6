/**
 * The statuses of a request (application-lifecycle.md §9). Open statuses keep the case in 结转下年度
 * at year end; the closed ones carry its completion date and result row.
 */
export const REQUEST_STATUSES = [
  'submitted-unconfirmed',
  'received',
  'awaiting-clarification',
  'awaiting-explanation',
  'consulting-third-party',
  'consulting-agency',
  'awaiting-fee',
  'replied',
  'closed-clarification-overdue',
  'closed-fee-overdue',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  'submitted-unconfirmed': '待确认收到',
  received: '办理中',
  'awaiting-clarification': '待补正',
  'awaiting-explanation': '待说明理由',
  'consulting-third-party': '征求第三方意见中',
  'consulting-agency': '征求其他机关意见中',
  'awaiting-fee': '待缴费',
  replied: '已答复',
  'closed-clarification-overdue': '逾期未补正，不再处理',
  'closed-fee-overdue': '逾期未缴费，不再处理',
  withdrawn: '申请人撤回',
};

export function isClosed(status: RequestStatus): boolean {
  return (
    status === 'replied' ||
    status === 'closed-clarification-overdue' ||
    status === 'closed-fee-overdue' ||
    status === 'withdrawn'
  );
}
