/** What an officer (or the system, for lapsed periods) asks to do with a request. */
import type { OutcomeRow } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { ConsultedParty } from './case-events.ts';
import type { FeeMethod } from './processing-fee.ts';
import type { ReplyContent } from './reply-content.ts';

export type CaseCommand =
  | { readonly type: 'confirm-receipt'; readonly receivedOn: IsoDate; readonly arrivedOn?: IsoDate }
  | {
      readonly type: 'request-clarification';
      readonly on: IsoDate;
      readonly periodWorkingDays?: number;
      readonly items: string;
    }
  | {
      readonly type: 'receive-clarification';
      readonly on: IsoDate;
      /** The request as corrected: what the reply letter then says the applicant asked for. */
      readonly description: string;
    }
  | { readonly type: 'close-lapsed-clarification' }
  | {
      readonly type: 'start-consultation';
      readonly consultationId: string;
      readonly party: ConsultedParty;
      readonly partyName: string;
      readonly issuedOn: IsoDate;
      readonly deliveredOn: IsoDate;
      /** The content or a summary of the information concerned (第三十二条 letters enclose it). */
      readonly subject: string;
    }
  | {
      readonly type: 'record-consultation-answer';
      readonly consultationId: string;
      readonly on: IsoDate;
      readonly position: 'consents' | 'objects' | 'other';
    }
  | {
      readonly type: 'grant-extension';
      readonly workingDays: number;
      readonly approvedBy: string;
      readonly approvedOn: IsoDate;
      readonly noticeSentOn?: IsoDate;
    }
  | { readonly type: 'request-explanation'; readonly on: IsoDate }
  | { readonly type: 'set-later-date'; readonly on: IsoDate; readonly laterDate: IsoDate }
  | {
      readonly type: 'issue-fee-notice';
      readonly method: FeeMethod;
      readonly amountYuan: number;
      /** For 按量计收: the pages of the information provided. */
      readonly pages?: number;
      readonly issuedOn: IsoDate;
      readonly deliveredOn: IsoDate;
      /** How to pay (account, payment code, counter), as the notice states it. */
      readonly howToPay: string;
    }
  | { readonly type: 'record-payment'; readonly on: IsoDate; readonly amountYuan: number }
  | { readonly type: 'waive-fee'; readonly on: IsoDate }
  | { readonly type: 'request-waiver'; readonly on: IsoDate; readonly reason: string }
  | { readonly type: 'report-payment'; readonly on: IsoDate; readonly reference: string }
  | { readonly type: 'close-lapsed-fee' }
  | {
      readonly type: 'record-reply';
      readonly on: IsoDate;
      readonly outcome: OutcomeRow;
      readonly legalBasis: string;
      readonly content?: ReplyContent;
    }
  | { readonly type: 'withdraw'; readonly on: IsoDate }
  /** Who handles the case; the use case checks the account and gives its name. */
  | { readonly type: 'assign'; readonly handler: string; readonly handlerName: string }
  | { readonly type: 'request-extension'; readonly on: IsoDate; readonly workingDays: number }
  | { readonly type: 'request-later-date'; readonly on: IsoDate; readonly laterDate: IsoDate }
  /** Approves what is pending: `approvedBy` is the approver's name (the adapter fills it in). */
  | {
      readonly type: 'approve';
      readonly on: IsoDate;
      readonly approvedBy: string;
      readonly noticeSentOn?: IsoDate;
    }
  | { readonly type: 'refuse-approval'; readonly on: IsoDate };

export type CaseCommandType = CaseCommand['type'];
