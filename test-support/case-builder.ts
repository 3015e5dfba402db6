/** Builds request histories for domain tests: register, then apply commands as an officer would. */
import type { IsoDate } from '../src/shared/domain/iso-date.ts';
import { shippedChinaCalendar } from '../src/shared/domain/china-work-calendar.ts';
import type { RecordedEvent, RequestChannel } from '../src/features/requests/domain/case-events.ts';
import type { CaseCommand } from '../src/features/requests/domain/case-command.ts';
import { decideCaseCommand } from '../src/features/requests/domain/decide-case-command.ts';
import { foldCase, type DisclosureCase } from '../src/features/requests/domain/disclosure-case.ts';
import { registerRequest } from '../src/features/requests/domain/register-request.ts';
import { perApplicationFee, perPageFee } from '../src/features/requests/domain/processing-fee.ts';
import type { CaseRefusal } from '../src/features/requests/domain/refusals.ts';
import type { ApplicantType } from '../src/features/annual-report/index.ts';
import { completeReplyContent } from './reply-contents.ts';

export const CALENDAR = shippedChinaCalendar();

export class CaseUnderTest {
  history: RecordedEvent[];

  constructor(input: {
    channel?: RequestChannel;
    submittedOn: string;
    receivedOn?: string;
    applicantType?: ApplicantType;
  }) {
    const events = registerRequest({
      channel: input.channel ?? 'in-person',
      submittedOn: input.submittedOn as IsoDate,
      ...(input.receivedOn ? { receivedOn: input.receivedOn as IsoDate } : {}),
      applicant: { type: input.applicantType ?? 'natural', name: '张三' },
      application: { description: '某项目的环境影响评价批复', delivery: 'email' },
    });
    this.history = events.map((event, i) => ({
      seq: i + 1,
      at: `${input.submittedOn}T09:00:00Z`,
      actor: 'officer',
      event,
    }));
  }

  get state(): DisclosureCase {
    return foldCase('YSQ-TEST', this.history);
  }

  /** Who takes the next steps, and whether the agency separates duties (tests of approvals). */
  actor = 'officer';
  separateApprover = false;

  /** Applies the command on `today`, or returns the refusal without changing the history. */
  try(command: CaseCommand, today: string, reason?: string): CaseRefusal | undefined {
    // What an officer always writes (the extension's reason, the reply's facts), unless a test says.
    if (command.type === 'grant-extension' && reason === undefined) reason = '需要检索的档案较多';
    if (command.type === 'record-reply' && !command.content)
      command = { ...command, content: completeReplyContent(command.outcome) };
    const decision = decideCaseCommand(this.state, command, {
      calendar: CALENDAR,
      today: today as IsoDate,
      actor: this.actor,
      separateApprover: this.separateApprover,
      ...(reason ? { reason } : {}),
      ...(command.type === 'issue-fee-notice' ? { feeSchedule: this.feeSchedule(command) } : {}),
    });
    if (!decision.ok) return decision.error;
    this.history.push({
      seq: this.history.length + 1,
      at: `${today}T10:00:00Z`,
      actor: this.actor,
      ...(reason ? { reason } : {}),
      event: decision.value,
    });
    return undefined;
  }

  /**
   * What the schedule charges, as the service would compute it: by pages for 按量; for 按件 the
   * applicant's 11th application of the month (100 元) unless a test sets `perApplicationOrdinal`.
   */
  perApplicationOrdinal = 11;
  private feeSchedule(command: Extract<CaseCommand, { type: 'issue-fee-notice' }>) {
    return command.method === 'per-page'
      ? { amountYuan: perPageFee(command.pages ?? 0), basis: `共 ${command.pages ?? 0} 页` }
      : {
          amountYuan: perApplicationFee(this.perApplicationOrdinal),
          basis: `第 ${this.perApplicationOrdinal} 件申请`,
        };
  }

  /** Applies the command and fails the test if it is refused. */
  do(command: CaseCommand, today: string, reason?: string): this {
    const refusal = this.try(command, today, reason);
    if (refusal) throw new Error(`refused ${command.type}: ${JSON.stringify(refusal)}`);
    return this;
  }
}

export const d = (text: string) => text as IsoDate;
