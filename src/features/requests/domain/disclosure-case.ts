/**
 * A request's state, derived from its history by folding the events in order. Nothing is stored that
 * the history does not say.
 */
import type { OutcomeRow } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type {
  Applicant,
  ApprovalKind,
  ApplicationContent,
  CaseEvent,
  ConsultedParty,
  RecordedEvent,
  RequestChannel,
} from './case-events.ts';
import type { FeeMethod } from './processing-fee.ts';
import type { ReplyContent } from './reply-content.ts';
import type { RequestStatus } from './request-status.ts';

export interface Consultation {
  readonly id: string;
  readonly party: ConsultedParty;
  readonly partyName: string;
  readonly issuedOn: IsoDate;
  readonly deliveredOn: IsoDate;
  readonly answerDueOn: IsoDate;
  readonly answeredOn?: IsoDate;
  readonly position?: 'consents' | 'objects' | 'other';
  /** The information concerned (absent on consultations recorded before it was asked). */
  readonly subject?: string;
  /** Its place in the history: the letter's event. */
  readonly seq: number;
}

export interface FeeNotice {
  readonly method: FeeMethod;
  readonly amountYuan: number;
  readonly issuedOn: IsoDate;
  readonly deliveredOn: IsoDate;
  readonly payByOn: IsoDate;
  readonly paidOn?: IsoDate;
  readonly waivedOn?: IsoDate;
  readonly lapsedOn?: IsoDate;
  /** What the schedule charged, in words, and its amount (absent on notices from before they were kept). */
  readonly basis?: string;
  readonly scheduleYuan?: number;
  readonly howToPay?: string;
  /** Why a lower amount or a waiver (the officer's reason). */
  readonly reductionReason?: string;
  /** The applicant's own steps on the notice, from the status page. */
  readonly waiverRequestedOn?: IsoDate;
  readonly paymentReportedOn?: IsoDate;
  readonly seq: number;
}

/** What the handler asked another person to approve, until it is approved or refused. */
export interface PendingApproval {
  readonly kind: ApprovalKind;
  /** The account that asked (its username). */
  readonly requestedBy: string;
  readonly requestedOn: IsoDate;
  readonly workingDays?: number;
  readonly laterDate?: IsoDate;
  readonly reason: string;
  readonly seq: number;
}

export interface DisclosureCase {
  readonly id: string;
  readonly channel: RequestChannel;
  readonly submittedOn: IsoDate;
  readonly applicant: Applicant;
  readonly application: ApplicationContent;
  /** 收到申请之日 (第三十一条); absent while an online, fax or ordinary-letter application awaits confirmation. */
  readonly receivedOn?: IsoDate;
  /**
   * An ordinary letter: the day it arrived. Confirmed later than that, the confirmation is late (the
   * receipt date stays the confirmation's, as the article says; the arrival stays visible).
   */
  readonly arrivedOn?: IsoDate;
  /** The day the 20 working days run from: receipt, or the corrected application (第三十条). */
  readonly clockStartOn?: IsoDate;
  readonly clarification?: {
    readonly requestedOn: IsoDate;
    readonly periodWorkingDays: number;
    readonly periodEndsOn: IsoDate;
    readonly items: string;
    readonly receivedOn?: IsoDate;
    /** The request as corrected. */
    readonly correctedDescription?: string;
    readonly lapsedOn?: IsoDate;
  };
  readonly consultations: readonly Consultation[];
  readonly extension?: {
    readonly workingDays: number;
    readonly approvedBy: string;
    readonly approvedOn: IsoDate;
    readonly noticeSentOn: IsoDate;
    readonly reason?: string;
    readonly dueOn?: IsoDate;
  };
  readonly explanationRequestedOn?: IsoDate;
  /** 第三十五条: a reasonable later date set for a massive application. */
  readonly laterDate?: IsoDate;
  /** Why the later date (the officer's reason, as the notice tells the applicant). */
  readonly laterDateReason?: string;
  readonly fees: readonly FeeNotice[];
  /** Who handles the case (its username and name), once assigned. */
  readonly handler?: { readonly username: string; readonly name: string };
  readonly pendingApproval?: PendingApproval;
  readonly outcome?: OutcomeRow;
  readonly legalBasis?: string;
  readonly replyContent?: ReplyContent;
  /** The withdrawal's date and what the applicant said. */
  readonly withdrawalReason?: string;
  readonly completedOn?: IsoDate;
  /** 电子送达: the day the applicant first downloaded a disclosed file. */
  readonly deliveredOn?: IsoDate;
  /** How the case ended: a reply, a lapsed 补正 or fee period, or withdrawal. */
  readonly closedBy?: 'reply' | 'clarification-lapse' | 'fee-lapse' | 'withdrawal';
  readonly status: RequestStatus;
  /** The latest date any event carries: later events may not be dated before it. */
  readonly lastEventOn: IsoDate;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function eventDate(event: CaseEvent): IsoDate | undefined {
  switch (event.type) {
    case 'assigned':
      return undefined;
    case 'submitted':
      return event.submittedOn;
    case 'receipt-confirmed':
      return event.receivedOn;
    case 'consultation-started':
      return event.issuedOn;
    case 'extension-granted':
      return event.approvedOn > event.noticeSentOn ? event.approvedOn : event.noticeSentOn;
    case 'fee-notice-issued':
      return event.deliveredOn;
    default:
      return event.on;
  }
}

function deriveStatus(state: Omit<DisclosureCase, 'status'>): RequestStatus {
  // A withdrawn application is closed, whether or not its receipt was ever confirmed.
  if (!state.receivedOn && state.closedBy !== 'withdrawal') return 'submitted-unconfirmed';
  switch (state.closedBy) {
    case 'reply':
      return 'replied';
    case 'clarification-lapse':
      return 'closed-clarification-overdue';
    case 'fee-lapse':
      return 'closed-fee-overdue';
    case 'withdrawal':
      return 'withdrawn';
    case undefined:
      break;
  }
  const clarification = state.clarification;
  if (clarification && !clarification.receivedOn && !clarification.lapsedOn) return 'awaiting-clarification';
  if (state.fees.some((f) => !f.paidOn && !f.waivedOn && !f.lapsedOn)) return 'awaiting-fee';
  const open = state.consultations.filter((c) => !c.answeredOn);
  if (open.some((c) => c.party === 'third-party')) return 'consulting-third-party';
  if (open.length > 0) return 'consulting-agency';
  if (state.explanationRequestedOn && !state.laterDate) return 'awaiting-explanation';
  return 'received';
}

function apply(state: Mutable<Omit<DisclosureCase, 'status'>>, recorded: RecordedEvent): void {
  const event = recorded.event;
  switch (event.type) {
    case 'submitted':
      return;
    case 'receipt-confirmed':
      state.receivedOn = event.receivedOn;
      if (event.arrivedOn) state.arrivedOn = event.arrivedOn;
      state.clockStartOn = event.receivedOn;
      return;
    case 'clarification-requested':
      state.clarification = {
        requestedOn: event.on,
        periodWorkingDays: event.periodWorkingDays,
        periodEndsOn: event.periodEndsOn,
        items: event.items,
      };
      return;
    case 'clarification-received':
      if (state.clarification)
        state.clarification = {
          ...state.clarification,
          receivedOn: event.on,
          ...(event.description ? { correctedDescription: event.description } : {}),
        };
      state.clockStartOn = event.on;
      return;
    case 'clarification-lapsed':
      if (state.clarification) state.clarification = { ...state.clarification, lapsedOn: event.on };
      state.outcome = 'r3_6_1';
      state.completedOn = event.on;
      state.closedBy = 'clarification-lapse';
      return;
    case 'consultation-started':
      state.consultations = [
        ...state.consultations,
        {
          id: event.consultationId,
          party: event.party,
          partyName: event.partyName,
          issuedOn: event.issuedOn,
          deliveredOn: event.deliveredOn,
          answerDueOn: event.answerDueOn,
          ...(event.subject ? { subject: event.subject } : {}),
          seq: recorded.seq,
        },
      ];
      return;
    case 'consultation-answered':
      state.consultations = state.consultations.map((c) =>
        c.id === event.consultationId ? { ...c, answeredOn: event.on, position: event.position } : c,
      );
      return;
    case 'extension-granted':
      state.extension = {
        workingDays: event.workingDays,
        approvedBy: event.approvedBy,
        approvedOn: event.approvedOn,
        noticeSentOn: event.noticeSentOn,
        // Recorded before the event kept it, the reason was the step's.
        ...(event.reason || recorded.reason ? { reason: event.reason ?? recorded.reason } : {}),
        ...(event.dueOn ? { dueOn: event.dueOn } : {}),
      };
      delete state.pendingApproval;
      return;
    case 'explanation-requested':
      state.explanationRequestedOn = event.on;
      return;
    case 'later-date-set': {
      state.laterDate = event.laterDate;
      const reason = event.reason ?? recorded.reason;
      if (reason) state.laterDateReason = reason;
      delete state.pendingApproval;
      return;
    }
    case 'extension-requested':
    case 'later-date-requested':
      state.pendingApproval = {
        kind: event.type === 'extension-requested' ? 'extension' : 'later-date',
        requestedBy: recorded.actor,
        requestedOn: event.on,
        ...(event.type === 'extension-requested'
          ? { workingDays: event.workingDays }
          : { laterDate: event.laterDate }),
        reason: event.reason,
        seq: recorded.seq,
      };
      return;
    case 'approval-refused':
      delete state.pendingApproval;
      return;
    case 'assigned':
      state.handler = { username: event.handler, name: event.handlerName };
      return;
    case 'fee-notice-issued':
      state.fees = [
        ...state.fees,
        {
          method: event.method,
          amountYuan: event.amountYuan,
          issuedOn: event.issuedOn,
          deliveredOn: event.deliveredOn,
          payByOn: event.payByOn,
          ...(event.basis ? { basis: event.basis } : {}),
          ...(event.scheduleYuan !== undefined ? { scheduleYuan: event.scheduleYuan } : {}),
          ...(event.howToPay ? { howToPay: event.howToPay } : {}),
          ...(recorded.reason ? { reductionReason: recorded.reason } : {}),
          seq: recorded.seq,
        },
      ];
      return;
    case 'waiver-requested':
    case 'payment-reported': {
      const field = event.type === 'waiver-requested' ? 'waiverRequestedOn' : 'paymentReportedOn';
      state.fees = state.fees.map((f, i) => (i === state.fees.length - 1 ? { ...f, [field]: event.on } : f));
      return;
    }
    case 'fee-paid':
    case 'fee-waived':
    case 'fee-lapsed': {
      const field =
        event.type === 'fee-paid' ? 'paidOn' : event.type === 'fee-waived' ? 'waivedOn' : 'lapsedOn';
      state.fees = state.fees.map((f, i) => (i === state.fees.length - 1 ? { ...f, [field]: event.on } : f));
      if (event.type === 'fee-lapsed') {
        state.outcome = 'r3_6_2';
        state.completedOn = event.on;
        state.closedBy = 'fee-lapse';
      }
      return;
    }
    case 'replied':
      state.outcome = event.outcome;
      state.legalBasis = event.legalBasis;
      if (event.content) state.replyContent = event.content;
      state.completedOn = event.on;
      state.closedBy = 'reply';
      return;
    case 'delivered':
      state.deliveredOn ??= event.on;
      return;
    case 'withdrawn':
      state.outcome = 'r3_6_3';
      state.completedOn = event.on;
      state.closedBy = 'withdrawal';
      if (recorded.reason) state.withdrawalReason = recorded.reason;
      return;
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

export function foldCase(id: string, history: readonly RecordedEvent[]): DisclosureCase {
  const first = history[0]?.event;
  if (!first || first.type !== 'submitted')
    throw new Error(`case ${id}: the history must start with its submission`);
  const state: Mutable<Omit<DisclosureCase, 'status'>> = {
    id,
    channel: first.channel,
    submittedOn: first.submittedOn,
    applicant: first.applicant,
    application: first.application,
    consultations: [],
    fees: [],
    lastEventOn: first.submittedOn,
  };
  for (const recorded of history) {
    apply(state, recorded);
    const on = eventDate(recorded.event);
    if (on && on > state.lastEventOn) state.lastEventOn = on;
  }
  return { ...state, status: deriveStatus(state) };
}
