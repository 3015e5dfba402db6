/**
 * Which steps of a case the applicant is told of by e-mail, and what the message says: each step that
 * asks them to act (补正, a fee, reasons under 第三十五条) or changes their case (received, extended, a
 * later date, the reply, the end). The letter of the step, if it has one, goes with it as PDF. The text
 * is composed from the record when the message is sent, so it never differs from the letter.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { CaseEvent, RecordedEvent } from '../domain/case-events.ts';
import type { DisclosureCase } from '../domain/disclosure-case.ts';
import { outcomeLabel } from '../../annual-report/index.ts';

const NOTIFIED: ReadonlySet<CaseEvent['type']> = new Set<CaseEvent['type']>([
  'receipt-confirmed',
  'clarification-requested',
  'clarification-lapsed',
  'extension-granted',
  'explanation-requested',
  'later-date-set',
  'fee-notice-issued',
  'fee-lapsed',
  'replied',
  'withdrawn',
]);

/** Where the applicant is told of this step: their e-mail address, when they gave one and the step calls for it. */
export function noticeRecipient(event: CaseEvent, state: DisclosureCase): string | undefined {
  const email = state.applicant.email?.trim();
  return email && NOTIFIED.has(event.type) ? email : undefined;
}

export interface NoticeMessage {
  readonly subject: string;
  readonly text: string;
}

function what(event: CaseEvent, state: DisclosureCase, dueOn: IsoDate | undefined): [string, string] {
  switch (event.type) {
    case 'receipt-confirmed':
      return ['已收到', `我们已于 ${event.receivedOn} 收到您的申请${dueOn ? `，答复期限为 ${dueOn}` : ''}。`];
    case 'clarification-requested':
      return [
        '需要补正',
        `您的申请需要补正：${event.items}\n请于 ${event.periodEndsOn} 前提交补正后的申请（可在查询页面直接提交）。逾期不补正的，视为放弃申请。`,
      ];
    case 'clarification-lapsed':
      return ['终止处理', '补正期限已过，未收到补正后的申请，视为放弃申请，不再处理。'];
    case 'extension-granted':
      return [
        '延期答复',
        `答复期限延长 ${event.workingDays} 个工作日${event.dueOn ? `，延长后的答复期限为 ${event.dueOn}` : ''}。${event.reason ? `理由：${event.reason}` : ''}`,
      ];
    case 'explanation-requested':
      return [
        '请说明理由',
        '您申请的数量、频次明显超过合理范围，请说明理由（《政府信息公开条例》第三十五条）。',
      ];
    case 'later-date-set':
      return ['答复期限', `答复期限确定为 ${event.laterDate}。`];
    case 'fee-notice-issued':
      return [
        '收费通知',
        `本申请需缴纳信息处理费 ${event.amountYuan} 元，请于 ${event.payByOn} 前缴纳${event.howToPay ? `（缴费方式：${event.howToPay}）` : ''}。逾期未缴纳的，视为放弃申请。`,
      ];
    case 'fee-lapsed':
      return ['终止处理', '缴费期限已过，未收到信息处理费，视为放弃申请，不再处理。'];
    case 'replied':
      return [
        '已答复',
        `您的申请已答复，办理结果：${outcomeLabel(event.outcome).replace(/^[（(][一二三四五六七][)）]/u, '')}。`,
      ];
    case 'withdrawn':
      return ['已撤回', `您的申请已于 ${event.on} 撤回，不再处理。`];
    default:
      return ['办理进展', '您的申请有新的办理进展。'];
  }
}

export function composeNotice(input: {
  readonly agencyName: string;
  readonly state: DisclosureCase;
  readonly recorded: RecordedEvent;
  readonly dueOn?: IsoDate;
  readonly statusUrl: string;
  readonly letterTitle?: string;
}): NoticeMessage {
  const { agencyName, state, recorded } = input;
  const [headline, sentence] = what(recorded.event, state, input.dueOn);
  return {
    subject: `【${agencyName}】政府信息公开申请 ${state.id}：${headline}`,
    text: [
      `${state.applicant.name}：`,
      '',
      `您向${agencyName}提出的政府信息公开申请（申请编号 ${state.id}，所需信息：“${state.application.description}”）：`,
      sentence,
      ...(input.letterTitle ? ['', `《${input.letterTitle}》见附件（PDF）。`] : []),
      '',
      `凭申请编号和查询码可查询办理进度：${input.statusUrl}`,
      '',
      agencyName,
      '（本邮件由系统发出，请勿直接回复。）',
    ].join('\n'),
  };
}
