/**
 * The law of each step (application-lifecycle.md §3–§10): a command on a request is either refused with
 * a reason, or becomes the event to append to its history. Pure: the calendar and "today" are passed in.
 */
import { err, ok } from '../../../shared/domain/result.ts';
import { addDays } from '../../../shared/domain/iso-date.ts';
import { addWorkingDays } from '../../../shared/domain/work-calendar.ts';
import type { CaseCommand } from './case-command.ts';
import type { DisclosureCase } from './disclosure-case.ts';
import { timeLimitsOn } from './legal-parameters.ts';
import {
  checkDates,
  checkNotAwaitingClarification,
  checkOpen,
  first,
  outstandingFee,
  periodFromDelivery,
  type Decision,
  type DecisionContext,
} from './decision-checks.ts';
import { decideFeeNotice, decidePayment } from './decide-fee-command.ts';
import { missingReplyContent, normalizeReplyContent } from './reply-content.ts';
import { preciseLegalBasis } from './outcome-legal-basis.ts';
import { decideMoreTime } from './decide-more-time.ts';

export type { DecisionContext } from './decision-checks.ts';

function decideClarification(
  request: DisclosureCase,
  command: Extract<CaseCommand, { type: 'request-clarification' }>,
  context: DecisionContext,
): Decision {
  const refused = first(checkOpen(request), checkDates(request, [command.on], context.today));
  if (refused) return err(refused);
  if (request.clarification)
    return err({ code: 'clarification-already-requested', requestedOn: request.clarification.requestedOn });
  const limits = timeLimitsOn(request.receivedOn!);
  const latestOn = addWorkingDays(
    context.calendar,
    request.receivedOn!,
    limits.clarificationNoticeWorkingDays,
  ).date;
  if (command.on > latestOn) return err({ code: 'clarification-notice-too-late', latestOn });
  const period = command.periodWorkingDays ?? limits.defaultClarificationPeriodWorkingDays;
  if (!Number.isInteger(period) || period < 1 || period > 60)
    return err({ code: 'clarification-period-invalid', workingDays: period });
  const periodEndsOn = addWorkingDays(context.calendar, command.on, period).date;
  return ok({
    type: 'clarification-requested',
    on: command.on,
    periodWorkingDays: period,
    periodEndsOn,
    items: command.items,
  });
}

/**
 * A letter's period counted from its delivery (the fee notice's 20 working days, a consultation's 15):
 * the working days after the day the addressee received it.
 */
function decideReply(
  request: DisclosureCase,
  command: Extract<CaseCommand, { type: 'record-reply' }>,
  context: DecisionContext,
): Decision {
  const refused = first(
    checkOpen(request),
    checkNotAwaitingClarification(request),
    checkDates(request, [command.on], context.today),
  );
  if (refused) return err(refused);
  const fee = outstandingFee(request);
  if (fee) return err({ code: 'fee-outstanding', payByOn: fee.payByOn });
  if (command.outcome === 'r3_6_1' || command.outcome === 'r3_6_2')
    return err({ code: 'outcome-needs-lapse', outcome: command.outcome });
  if (!command.legalBasis.trim()) return err({ code: 'reply-without-legal-basis' });
  // The letter cites the ground: an article, not only the name of a statute.
  if (!/第[一二三四五六七八九十百零〇\d]+条/u.test(command.legalBasis))
    return err({ code: 'reply-basis-without-article' });
  if (command.outcome === 'r3_4_3' && !request.clarification?.receivedOn)
    return err({ code: 'unclear-without-clarification' });
  // 第三十五条: an application beyond a reasonable scope is set aside only once its reasons were asked for.
  if (command.outcome === 'r3_5_4' && !request.explanationRequestedOn)
    return err({ code: 'outcome-needs-explanation-request', outcome: command.outcome });
  const content = normalizeReplyContent(command.outcome, command.content ?? {});
  const overObjection = request.consultations.some(
    (c) => c.party === 'third-party' && c.position === 'objects',
  );
  const lacking = missingReplyContent(command.outcome, content, overObjection);
  if (lacking) return err({ code: 'reply-content-missing', ...lacking });
  return ok({
    type: 'replied',
    on: command.on,
    outcome: command.outcome,
    legalBasis: preciseLegalBasis(command.outcome, command.legalBasis.trim(), content.variant),
    content,
  });
}

function decideLapse(
  request: DisclosureCase,
  kind: 'clarification' | 'fee',
  context: DecisionContext,
): Decision {
  if (request.completedOn) return err({ code: 'case-closed', status: request.status });
  // The period counted again on today's calendar: a notice imported since moves its end, and an end
  // that rests on a year without a notice is provisional — no case is closed on it.
  const fee = outstandingFee(request);
  const clarification = request.status === 'awaiting-clarification' ? request.clarification : undefined;
  const period =
    kind === 'clarification'
      ? clarification &&
        addWorkingDays(context.calendar, clarification.requestedOn, clarification.periodWorkingDays)
      : fee &&
        addWorkingDays(
          context.calendar,
          fee.deliveredOn,
          timeLimitsOn(request.receivedOn!).feePaymentWorkingDays,
        );
  if (!period)
    return err(
      kind === 'clarification' ? { code: 'not-awaiting-clarification' } : { code: 'payment-before-notice' },
    );
  const endsOn = period.date;
  if (period.missingYears.length > 0)
    return err({ code: 'period-end-provisional', endsOn, years: period.missingYears });
  // The case closes on the day after the period ends (lifecycle §5.3 [P]).
  if (context.today <= endsOn) return err({ code: 'period-not-over', endsOn });
  const on = addDays(endsOn, 1);
  return ok(kind === 'clarification' ? { type: 'clarification-lapsed', on } : { type: 'fee-lapsed', on });
}

function decideConsultation(
  request: DisclosureCase,
  command: Extract<CaseCommand, { type: 'start-consultation' }>,
  context: DecisionContext,
): Decision {
  const refused = first(
    checkOpen(request),
    checkNotAwaitingClarification(request),
    checkDates(request, [command.issuedOn, command.deliveredOn], context.today),
  );
  if (refused) return err(refused);
  if (request.consultations.some((c) => c.id === command.consultationId))
    return err({ code: 'consultation-id-taken', consultationId: command.consultationId });
  const answerDue = periodFromDelivery(
    command,
    context,
    timeLimitsOn(request.receivedOn!).consultationAnswerWorkingDays,
  );
  if (!answerDue.ok) return answerDue;
  const answerDueOn = answerDue.value;
  const subject = command.subject?.trim();
  if (!subject) return err({ code: 'consultation-without-subject' });
  return ok({
    type: 'consultation-started',
    consultationId: command.consultationId,
    party: command.party,
    partyName: command.partyName,
    issuedOn: command.issuedOn,
    deliveredOn: command.deliveredOn,
    answerDueOn,
    subject,
  });
}

export function decideCaseCommand(
  request: DisclosureCase,
  command: CaseCommand,
  context: DecisionContext,
): Decision {
  switch (command.type) {
    case 'confirm-receipt': {
      if (request.completedOn) return err({ code: 'case-closed', status: request.status });
      if (request.receivedOn)
        return err({ code: 'receipt-already-confirmed', receivedOn: request.receivedOn });
      const refused = checkDates(
        request,
        [command.receivedOn, ...(command.arrivedOn ? [command.arrivedOn] : [])],
        context.today,
      );
      if (refused) return err(refused);
      // 第三十一条第二项: an ordinary letter is confirmed on the day it arrives; the arrival is recorded.
      if (request.channel === 'ordinary-post') {
        if (!command.arrivedOn) return err({ code: 'arrival-date-required' });
        if (command.arrivedOn > command.receivedOn)
          return err({ code: 'confirmed-before-arrival', arrivedOn: command.arrivedOn });
      }
      return ok({
        type: 'receipt-confirmed',
        receivedOn: command.receivedOn,
        ...(request.channel === 'ordinary-post' && command.arrivedOn ? { arrivedOn: command.arrivedOn } : {}),
      });
    }
    case 'request-clarification':
      return decideClarification(request, command, context);
    case 'receive-clarification': {
      const refused = first(checkOpen(request), checkDates(request, [command.on], context.today));
      if (refused) return err(refused);
      if (request.status !== 'awaiting-clarification' || !request.clarification)
        return err({ code: 'not-awaiting-clarification' });
      // The period on today's calendar: a notice imported since the 补正 notice may have moved its end.
      const c = request.clarification;
      const periodEndsOn = addWorkingDays(context.calendar, c.requestedOn, c.periodWorkingDays).date;
      if (command.on > periodEndsOn) return err({ code: 'clarification-after-period', periodEndsOn });
      const description = command.description?.trim();
      if (!description) return err({ code: 'clarification-without-content' });
      return ok({ type: 'clarification-received', on: command.on, description });
    }
    case 'close-lapsed-clarification':
      return decideLapse(request, 'clarification', context);
    case 'start-consultation':
      return decideConsultation(request, command, context);
    case 'record-consultation-answer': {
      const consultation = request.consultations.find((c) => c.id === command.consultationId);
      if (!consultation) return err({ code: 'unknown-consultation', consultationId: command.consultationId });
      if (consultation.answeredOn)
        return err({ code: 'consultation-already-answered', answeredOn: consultation.answeredOn });
      const refused = first(checkOpen(request), checkDates(request, [command.on], context.today));
      return refused
        ? err(refused)
        : ok({
            type: 'consultation-answered',
            consultationId: command.consultationId,
            on: command.on,
            position: command.position,
          });
    }
    case 'grant-extension':
    case 'set-later-date':
    case 'request-extension':
    case 'request-later-date':
    case 'approve':
    case 'refuse-approval':
    case 'assign':
      return decideMoreTime(request, command, context);
    case 'request-explanation': {
      const refused = first(
        checkOpen(request),
        checkNotAwaitingClarification(request),
        checkDates(request, [command.on], context.today),
      );
      return refused ? err(refused) : ok({ type: 'explanation-requested', on: command.on });
    }
    case 'issue-fee-notice':
      return decideFeeNotice(request, command, context);
    case 'record-payment':
      return decidePayment(request, command, context);
    case 'waive-fee': {
      if (!outstandingFee(request)) return err({ code: 'payment-before-notice' });
      if (!context.reason?.trim()) return err({ code: 'reason-required' });
      const refused = checkDates(request, [command.on], context.today);
      return refused ? err(refused) : ok({ type: 'fee-waived', on: command.on });
    }
    case 'request-waiver':
    case 'report-payment': {
      const fee = outstandingFee(request);
      if (!fee) return err({ code: 'payment-before-notice' });
      const refused = checkDates(request, [command.on], context.today);
      if (refused) return err(refused);
      const text = (command.type === 'request-waiver' ? command.reason : command.reference)
        .trim()
        .slice(0, 500);
      if (!text) return err({ code: 'reason-required' });
      if (command.type === 'request-waiver')
        return fee.waiverRequestedOn
          ? err({ code: 'already-asked', on: fee.waiverRequestedOn })
          : ok({ type: 'waiver-requested', on: command.on, reason: text });
      return fee.paymentReportedOn
        ? err({ code: 'already-asked', on: fee.paymentReportedOn })
        : ok({ type: 'payment-reported', on: command.on, reference: text });
    }
    case 'close-lapsed-fee':
      return decideLapse(request, 'fee', context);
    case 'record-reply':
      return decideReply(request, command, context);
    case 'withdraw': {
      const refused = first(
        request.completedOn ? { code: 'case-closed', status: request.status } : undefined,
        checkDates(request, [command.on], context.today),
      );
      if (refused) return err(refused);
      if (!context.reason?.trim()) return err({ code: 'reason-required' });
      return ok({ type: 'withdrawn', on: command.on });
    }
    default: {
      const never: never = command;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}
