/**
 * Everything that happens to a request is an event in its append-only history: who, when, what, why.
 * Dates the law measures (`…On`) are calendar days; `at` is the instant it was recorded. Dates computed
 * from the calendar when the event happened (a period's end) are stored in the event, as the notice the
 * applicant received states them.
 */
import type { ApplicantType, OutcomeRow } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { FeeMethod } from './processing-fee.ts';
import type { ReplyContent } from './reply-content.ts';

/** How the application arrived (第三十一条 fixes the legal date of receipt by channel). */
export type RequestChannel = 'in-person' | 'signed-post' | 'ordinary-post' | 'online' | 'fax' | 'oral';

export interface Applicant {
  readonly type: ApplicantType;
  readonly name: string;
  /** Which document idNumber is (absent: a person's 居民身份证, an organisation's 统一社会信用代码). */
  readonly idType?: 'resident-id' | 'credit-code' | 'other';
  readonly idNumber?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
}

export interface ApplicationContent {
  /** The information wanted: its name, document number or a description (第二十九条第二款（二）). */
  readonly description: string;
  /** The form and route wanted (第二十九条第二款（三）). */
  readonly delivery: 'paper-post' | 'pickup' | 'email' | 'online';
}

export type ConsultedParty = 'third-party' | 'agency';

/** What a handler may ask another person to approve: a 第三十三条 extension, a 第三十五条 later date. */
export type ApprovalKind = 'extension' | 'later-date';

export type CaseEvent =
  | {
      readonly type: 'submitted';
      readonly channel: RequestChannel;
      readonly submittedOn: IsoDate;
      readonly applicant: Applicant;
      readonly application: ApplicationContent;
    }
  | {
      readonly type: 'receipt-confirmed';
      readonly receivedOn: IsoDate;
      /** An ordinary letter: the day it arrived (第三十一条 wants it confirmed that very day). */
      readonly arrivedOn?: IsoDate;
    }
  | {
      readonly type: 'clarification-requested';
      readonly on: IsoDate;
      readonly periodWorkingDays: number;
      readonly periodEndsOn: IsoDate;
      readonly items: string;
    }
  | {
      readonly type: 'clarification-received';
      readonly on: IsoDate;
      /** The request as corrected (absent on corrections recorded before it was asked). */
      readonly description?: string;
    }
  | { readonly type: 'clarification-lapsed'; readonly on: IsoDate }
  | {
      readonly type: 'consultation-started';
      readonly consultationId: string;
      readonly party: ConsultedParty;
      readonly partyName: string;
      readonly issuedOn: IsoDate;
      readonly deliveredOn: IsoDate;
      readonly answerDueOn: IsoDate;
      /** The information the consultation is about: its content or a summary (sent with the letter). */
      readonly subject?: string;
    }
  | {
      readonly type: 'consultation-answered';
      readonly consultationId: string;
      readonly on: IsoDate;
      readonly position: 'consents' | 'objects' | 'other';
    }
  | {
      readonly type: 'extension-granted';
      readonly workingDays: number;
      readonly approvedBy: string;
      readonly approvedOn: IsoDate;
      readonly noticeSentOn: IsoDate;
      /** Why more time is needed, as the notice tells the applicant. */
      readonly reason?: string;
      /** The new reply due date the notice states (the calendar of that day). */
      readonly dueOn?: IsoDate;
    }
  | { readonly type: 'explanation-requested'; readonly on: IsoDate }
  | {
      readonly type: 'later-date-set';
      readonly on: IsoDate;
      readonly laterDate: IsoDate;
      /** Why, as the notice tells the applicant (absent before it was kept here: the step's reason). */
      readonly reason?: string;
      /** Who approved it, when another person than the one who asked had to (agency setting). */
      readonly approvedBy?: string;
    }
  /** The handler asks for more time; another person approves or refuses (separation of duties). */
  | {
      readonly type: 'extension-requested';
      readonly on: IsoDate;
      readonly workingDays: number;
      readonly reason: string;
    }
  | {
      readonly type: 'later-date-requested';
      readonly on: IsoDate;
      readonly laterDate: IsoDate;
      readonly reason: string;
    }
  | {
      readonly type: 'approval-refused';
      readonly on: IsoDate;
      readonly kind: ApprovalKind;
      readonly reason: string;
    }
  /** Who handles the case from now on (an internal fact: no date the law measures). */
  | { readonly type: 'assigned'; readonly handler: string; readonly handlerName: string }
  | {
      readonly type: 'fee-notice-issued';
      readonly method: FeeMethod;
      readonly amountYuan: number;
      /** What the schedule charged, in words (第 11 件 / 共 120 页), and the schedule's amount. */
      readonly basis?: string;
      readonly scheduleYuan?: number;
      readonly issuedOn: IsoDate;
      readonly deliveredOn: IsoDate;
      readonly payByOn: IsoDate;
      /** How to pay: the account or payment code, as the notice tells the applicant. */
      readonly howToPay?: string;
    }
  | { readonly type: 'fee-paid'; readonly on: IsoDate; readonly amountYuan: number }
  /** The applicant asks, from the status page, for the fee to be waived (the officer decides). */
  | { readonly type: 'waiver-requested'; readonly on: IsoDate; readonly reason: string }
  /** The applicant says they paid, with the payment's reference (the officer records the payment). */
  | { readonly type: 'payment-reported'; readonly on: IsoDate; readonly reference: string }
  | { readonly type: 'fee-waived'; readonly on: IsoDate }
  | { readonly type: 'fee-lapsed'; readonly on: IsoDate }
  | {
      readonly type: 'replied';
      readonly on: IsoDate;
      readonly outcome: OutcomeRow;
      readonly legalBasis: string;
      /** What the reply letter says for its outcome (absent on replies recorded before it was asked). */
      readonly content?: ReplyContent;
    }
  | { readonly type: 'withdrawn'; readonly on: IsoDate }
  /** 电子送达: the applicant first downloaded a disclosed file (recorded by the system, not decided). */
  | { readonly type: 'delivered'; readonly on: IsoDate; readonly fileId: string; readonly fileName: string };

export type CaseEventType = CaseEvent['type'];

/** An event as stored: with its place in the history, when it was recorded, by whom and why. */
export interface RecordedEvent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly reason?: string;
  readonly event: CaseEvent;
}
