/**
 * The request use cases: open a case (online, or registered by an officer), act on it, read it, list
 * them, and the public status check by number and query code. load → decide (domain) → save.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { datesIn, yearOf } from '../../../shared/domain/iso-date.ts';
import { addWorkingDays, type WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import type { CasePageQuery } from '../db/case-list-query.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { lockedYearOf, type YearLock } from '../../../shared/domain/year-lock.ts';
import type { Applicant, ApplicationContent, RecordedEvent, RequestChannel } from '../domain/case-events.ts';
import type { CaseCommand } from '../domain/case-command.ts';
import { decideCaseCommand } from '../domain/decide-case-command.ts';
import { foldCase, type DisclosureCase } from '../domain/disclosure-case.ts';
import type { CaseRefusal } from '../domain/refusals.ts';
import { registerRequest, type RequestIntake } from '../domain/register-request.ts';
import { replyDeadline, type ReplyDeadline } from '../domain/reply-deadline.ts';
import { perApplicationFee, perPageFee, type FeeMethod } from '../domain/processing-fee.ts';
import { applicantIdentity } from '../domain/applicant-identity.ts';
import { projectCase } from './case-projection.ts';
import { applicantReads } from './applicant-reads.ts';
import { lettersOf } from '../letters/letter-sources.ts';
import { noticeRecipient } from '../notices/applicant-notice.ts';
import { ConcurrentChangeError, type CaseFilter, type CaseStore, type CaseSummary } from './case-store.ts';

/** The steps the agency's separation of duties governs (domain/decide-more-time.ts). */
const MORE_TIME_STEPS: ReadonlySet<CaseCommand['type']> = new Set([
  'grant-extension',
  'set-later-date',
  'approve',
  'refuse-approval',
]);

/** Channels whose application is received the day it is submitted (第三十一条第一项; oral, §3 [P]). */
const RECEIVED_ON_SUBMISSION: readonly RequestChannel[] = ['in-person', 'oral'];

export interface CaseServiceDependencies {
  readonly store: CaseStore;
  readonly calendarFor: (agencyId: string) => Promise<WorkCalendar>;
  readonly today: () => IsoDate;
  readonly now: () => string;
  /** A fresh query code and its hash; and a constant-time check of a code against a hash. */
  readonly queryCodes: {
    hash(code: string): string;
    issue(): { code: string; hash: string };
    matches(code: string, hash: string): boolean;
  };
  /** Filed years are locked: no case is registered, changed or closed with a date in one. */
  readonly yearLock?: YearLock;
  /** Whether the agency separates duties (an extension or later date approved by another person). */
  readonly separationOfDuties?: (agencyId: string) => Promise<boolean>;
  /** The name of an enabled account that may work the agency's cases, or undefined (assignment). */
  readonly caseWorkerName?: (agencyId: string, username: string) => Promise<string | undefined>;
}

export interface CaseView {
  readonly case: DisclosureCase;
  readonly deadline: ReplyDeadline;
  readonly history: readonly RecordedEvent[];
}

export type CaseLookupError = { readonly code: 'case-not-found'; readonly caseId: string };

export function caseService(deps: CaseServiceDependencies) {
  async function view(agencyId: string, id: string): Promise<CaseView | undefined> {
    const stored = await deps.store.load(agencyId, id);
    if (!stored) return undefined;
    const state = foldCase(id, stored.history);
    return {
      case: state,
      deadline: replyDeadline(state, await deps.calendarFor(agencyId)),
      history: stored.history,
    };
  }

  async function open(
    agencyId: string,
    input: RequestIntake,
    actor: string,
    withQueryCode: boolean,
    once?: SubmissionOnce,
  ): Promise<{ id: string; queryCode?: string; repeated?: boolean }> {
    const events = registerRequest(input);
    const at = deps.now();
    const history: RecordedEvent[] = events.map((event, i) => ({ seq: i + 1, at, actor, event }));
    const calendar = await deps.calendarFor(agencyId);
    const projection = projectCase(foldCase('new', history), calendar);
    const queryCode = withQueryCode ? deps.queryCodes.issue() : undefined;
    const { id, created } = await deps.store.create(
      agencyId,
      yearOf(input.submittedOn),
      history,
      projection,
      queryCode?.hash,
      at,
      once && queryCode
        ? { key: once.key, cookieHash: once.cookieHash, sealedQueryCode: once.seal(queryCode.code) }
        : undefined,
    );
    // A repeated submission: the case it made first; its code is on that receipt, not this one.
    if (!created) return { id, repeated: true };
    return { id, ...(queryCode ? { queryCode: queryCode.code } : {}) };
  }

  /**
   * The fee the 办法's schedule charges: 按件 by the applicant's ordinal among their applications received
   * in the same calendar month (lifecycle §8.1 [U]: month of receipt; the same applicant is the same ID
   * number, the name only where there is none), or 按量 by pages.
   */
  const quoteFor = async (
    agencyId: string,
    state: DisclosureCase,
    method: FeeMethod,
    pages = 0,
  ): Promise<FeeQuote> => {
    if (method === 'per-page') return { method, amountYuan: perPageFee(pages), basis: `共 ${pages} 页` };
    const receivedOn = state.receivedOn!;
    const month = receivedOn.slice(0, 7);
    const sameMonth = await deps.store.list(agencyId, {
      receivedFrom: `${month}-01` as IsoDate,
      receivedThrough: `${month}-31` as IsoDate,
      applicantIdentity: applicantIdentity(state.applicant),
      limit: 10_000,
    });
    const ordinal = sameMonth.filter(
      (c) => c.receivedOn! < receivedOn || (c.receivedOn === receivedOn && c.id <= state.id),
    ).length;
    return {
      method,
      amountYuan: perApplicationFee(Math.max(1, ordinal)),
      basis: `${state.applicant.name}${month.replace('-', '年')}月第 ${ordinal} 件申请`,
    };
  };

  return {
    view,

    /**
     * A citizen's online application: received once the agency confirms it (第三十一条). From the web
     * form, `once` makes the submission idempotent: the same key never files a second case.
     */
    submitOnline(
      agencyId: string,
      applicant: Applicant,
      application: ApplicationContent,
      once?: SubmissionOnce,
    ) {
      return open(
        agencyId,
        { channel: 'online', submittedOn: deps.today(), applicant, application },
        'public',
        true,
        once,
      );
    },

    /** The receipt of a form submission: the case it created, for the browser that submitted it. */
    async submissionReceipt(key: string) {
      const submission = await deps.store.submission(key);
      if (!submission) return undefined;
      const stored = await deps.store.load(submission.agencyId, submission.requestId);
      if (!stored) return undefined;
      return { submission, case: foldCase(submission.requestId, stored.history) };
    },

    /** An application an officer registers: at the counter, by post or fax, or transcribed orally. */
    async register(agencyId: string, input: RequestIntake, actor: string) {
      if (input.submittedOn > deps.today() || (input.receivedOn && input.receivedOn > deps.today())) {
        return err({ code: 'date-in-future' as const, today: deps.today() });
      }
      if (input.receivedOn && input.receivedOn < input.submittedOn)
        return err({ code: 'received-before-submitted' as const });
      // 第三十一条: handed in (or transcribed) at the counter, it is received that very day.
      if (
        RECEIVED_ON_SUBMISSION.includes(input.channel) &&
        input.receivedOn &&
        input.receivedOn !== input.submittedOn
      )
        return err({ code: 'received-on-submission' as const });
      const locked = await lockedYearOf(deps.yearLock, agencyId, [input.submittedOn, input.receivedOn]);
      if (locked) return err({ code: 'year-locked' as const, year: locked.year });
      return ok(await open(agencyId, input, actor, true));
    },

    async act(
      agencyId: string,
      id: string,
      command: CaseCommand,
      actor: string,
      reason?: string,
    ): Promise<Result<CaseView, CaseRefusal | CaseLookupError>> {
      const stored = await deps.store.load(agencyId, id);
      if (!stored) return err({ code: 'case-not-found', caseId: id });
      if (command.type === 'assign') {
        const name = await deps.caseWorkerName?.(agencyId, command.handler);
        if (!name) return err({ code: 'handler-not-case-worker', handler: command.handler });
        command = { ...command, handlerName: name };
      }
      const calendar = await deps.calendarFor(agencyId);
      const state = foldCase(id, stored.history);
      let feeSchedule: { amountYuan: number; basis: string } | undefined;
      if (command.type === 'issue-fee-notice' && state.receivedOn) {
        if (command.method === 'per-page' && command.pages === undefined)
          return err({ code: 'fee-pages-required' });
        const quote = await quoteFor(agencyId, state, command.method, command.pages);
        feeSchedule = { amountYuan: quote.amountYuan, basis: quote.basis };
      }
      const decision = decideCaseCommand(state, command, {
        calendar,
        today: deps.today(),
        actor,
        // The agency's rule is read only for the steps it governs (the others need no settings read).
        separateApprover: MORE_TIME_STEPS.has(command.type)
          ? ((await deps.separationOfDuties?.(agencyId)) ?? false)
          : false,
        ...(reason ? { reason } : {}),
        ...(feeSchedule ? { feeSchedule } : {}),
      });
      if (!decision.ok) return decision;
      const locked = await lockedYearOf(deps.yearLock, agencyId, datesIn(decision.value));
      if (locked) return err({ code: 'year-locked', year: locked.year });
      const recorded: RecordedEvent = {
        seq: stored.history.length + 1,
        at: deps.now(),
        actor,
        ...(reason ? { reason } : {}),
        event: decision.value,
      };
      const history = [...stored.history, recorded];
      const next = foldCase(id, history);
      await deps.store.append(
        agencyId,
        id,
        recorded,
        projectCase(next, calendar),
        recorded.at,
        lettersOf(recorded, next),
        noticeRecipient(recorded.event, next),
      );
      return ok({ case: next, deadline: replyDeadline(next, calendar), history });
    },

    /**
     * 电子送达: the applicant's first download of a disclosed file, recorded in the case's history as the
     * applicant's (a fact, not a decision: no law to check). Retried when another step lands at once.
     */
    async recordDelivery(
      agencyId: string,
      id: string,
      file: { id: string; fileName: string },
    ): Promise<void> {
      const calendar = await deps.calendarFor(agencyId);
      for (let attempt = 0; attempt < 3; attempt++) {
        const stored = await deps.store.load(agencyId, id);
        if (!stored) return;
        const recorded: RecordedEvent = {
          seq: stored.history.length + 1,
          at: deps.now(),
          actor: 'applicant',
          event: { type: 'delivered', on: deps.today(), fileId: file.id, fileName: file.fileName },
        };
        const next = foldCase(id, [...stored.history, recorded]);
        try {
          await deps.store.append(agencyId, id, recorded, projectCase(next, calendar), recorded.at);
          return;
        } catch (error) {
          if (!(error instanceof ConcurrentChangeError)) throw error;
        }
      }
      throw new ConcurrentChangeError(id);
    },

    /**
     * Closes the cases whose 补正 or payment period has run out (第三十条; 信息处理费管理办法): the day
     * after the period they count as r3_6_1 / r3_6_2. Runs for every agency, as the system.
     */
    async closeLapsedPeriods(agencyIds: readonly string[]): Promise<string[]> {
      const closed: string[] = [];
      for (const agencyId of agencyIds) {
        const waiting = await deps.store.list(agencyId, {
          statuses: ['awaiting-clarification', 'awaiting-fee'],
        });
        for (const summary of waiting) {
          const command =
            summary.status === 'awaiting-clarification'
              ? ({ type: 'close-lapsed-clarification' } as const)
              : ({ type: 'close-lapsed-fee' } as const);
          try {
            const result = await this.act(agencyId, summary.id, command, 'system:lapse');
            if (result.ok) closed.push(summary.id);
          } catch (error) {
            // Someone acted on the case meanwhile: the next sweep looks again.
            if (!(error instanceof ConcurrentChangeError)) throw error;
          }
        }
      }
      return closed;
    },

    /**
     * The fee the办法 allows for a case: 按件 by the applicant's ordinal among their applications received
     * in the same calendar month (lifecycle §8.1 [U]: month of receipt), or 按量 by pages.
     */
    async feeQuote(
      agencyId: string,
      id: string,
      method: FeeMethod,
      pages?: number,
    ): Promise<Result<FeeQuote, CaseLookupError | { code: 'not-received' } | { code: 'pages-required' }>> {
      const current = await view(agencyId, id);
      if (!current) return err({ code: 'case-not-found', caseId: id });
      if (!current.case.receivedOn) return err({ code: 'not-received' });
      if (method === 'per-page' && pages === undefined) return err({ code: 'pages-required' });
      return ok(await quoteFor(agencyId, current.case, method, pages));
    },

    list(agencyId: string, filter: CaseFilter): Promise<CaseSummary[]> {
      return deps.store.list(agencyId, filter);
    },

    /** The officer's list, page by page; "due within N working days" counted on the agency's calendar. */
    async page(agencyId: string, query: CasePageQuery & { dueWithinWorkingDays?: number }) {
      const { dueWithinWorkingDays, ...rest } = query;
      const today = deps.today();
      const dueThrough =
        dueWithinWorkingDays !== undefined
          ? addWorkingDays(await deps.calendarFor(agencyId), today, dueWithinWorkingDays).date
          : undefined;
      return deps.store.page(agencyId, { ...rest, ...(dueThrough ? { dueThrough } : {}) }, today);
    },

    ...applicantReads(deps),
  };
}

/** A web form's submission: its key, the submitting browser, and how to seal the code for its receipt. */
export interface SubmissionOnce {
  readonly key: string;
  readonly cookieHash: string;
  readonly seal: (queryCode: string) => string;
}

export interface FeeQuote {
  readonly method: FeeMethod;
  readonly amountYuan: number;
  readonly basis: string;
}

export type { PublicStatus } from './applicant-reads.ts';
export type CaseService = ReturnType<typeof caseService>;
