/**
 * The case as the applicant sees it: each step that concerns them, in plain Chinese, with its date —
 * what to correct and by when, that the clock stood still for a consultation (never whom the agency
 * asked), the new due date and why, the fee with its amount, how to pay and by when, the outcome. Steps
 * inside the agency (who approved, the officer's notes) are not shown.
 */
import { outcomeLabel } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { RecordedEvent } from './case-events.ts';

export interface TimelineEntry {
  readonly on: IsoDate;
  readonly title: string;
  readonly detail?: string;
}

const yuan = (amount: number) => `${amount} 元`;

export function applicantTimeline(history: readonly RecordedEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const { event, reason } of history) {
    switch (event.type) {
      case 'submitted':
        entries.push({ on: event.submittedOn, title: '提交申请' });
        break;
      case 'receipt-confirmed':
        entries.push({ on: event.receivedOn, title: '收到申请', detail: '答复期限自收到申请之日起计算' });
        break;
      case 'clarification-requested':
        entries.push({
          on: event.on,
          title: '告知补正',
          detail: `需要补正的事项：${event.items}（请于 ${event.periodEndsOn} 前提交补正后的申请）`,
        });
        break;
      case 'clarification-received':
        entries.push({ on: event.on, title: '收到补正后的申请', detail: '答复期限自该日起重新计算' });
        break;
      case 'clarification-lapsed':
        entries.push({ on: event.on, title: '逾期未补正，视为放弃申请，不再处理' });
        break;
      case 'consultation-started':
        entries.push({
          on: event.issuedOn,
          title: '征求意见',
          detail: '申请的信息涉及第三方或其他机关，征求意见期间不计入答复期限',
        });
        break;
      case 'consultation-answered':
        entries.push({ on: event.on, title: '征求意见结束' });
        break;
      case 'extension-granted':
        entries.push({
          on: event.noticeSentOn,
          title: `延长答复期限 ${event.workingDays} 个工作日`,
          detail: [
            event.dueOn ? `延长后的答复期限：${event.dueOn}` : '',
            event.reason ? `理由：${event.reason}` : '',
          ]
            .filter(Boolean)
            .join('；'),
        });
        break;
      case 'explanation-requested':
        entries.push({
          on: event.on,
          title: '要求说明理由',
          detail: '申请的数量、频次明显超过合理范围（第三十五条）',
        });
        break;
      case 'later-date-set':
        entries.push({
          on: event.on,
          title: '确定答复期限',
          detail: `答复期限：${event.laterDate}${(event.reason ?? reason) ? `；理由：${event.reason ?? reason}` : ''}`,
        });
        break;
      case 'fee-notice-issued':
        entries.push({
          on: event.issuedOn,
          title: `收费通知：信息处理费 ${yuan(event.amountYuan)}`,
          detail: [
            event.basis ? `计费依据：${event.basis}` : '',
            event.howToPay ? `缴费方式：${event.howToPay}` : '',
            `请于 ${event.payByOn} 前缴纳，逾期视为放弃申请`,
          ]
            .filter(Boolean)
            .join('；'),
        });
        break;
      case 'fee-paid':
        entries.push({ on: event.on, title: `已缴费 ${yuan(event.amountYuan)}` });
        break;
      case 'waiver-requested':
        entries.push({ on: event.on, title: '申请减免信息处理费', detail: `理由：${event.reason}` });
        break;
      case 'payment-reported':
        entries.push({ on: event.on, title: '告知已缴费', detail: `缴费凭证：${event.reference}` });
        break;
      case 'fee-waived':
        entries.push({ on: event.on, title: '免收信息处理费' });
        break;
      case 'fee-lapsed':
        entries.push({ on: event.on, title: '逾期未缴费，视为放弃申请，不再处理' });
        break;
      case 'replied':
        entries.push({
          on: event.on,
          title: '答复',
          detail: `办理结果：${outcomeLabel(event.outcome).replace(/^[（(][一二三四五六七][)）]|^\d+\./u, '')}`,
        });
        break;
      case 'withdrawn':
        entries.push({ on: event.on, title: '申请已撤回' });
        break;
      case 'delivered':
        entries.push({ on: event.on, title: '电子送达', detail: `已下载“${event.fileName}”` });
        break;
    }
  }
  return entries;
}
