/**
 * 信息处理费 steps: the notice, policed by the 办法's schedule the use case computes (第三至六条), and
 * the payment. Pure, like every decision.
 */
import { err, ok } from '../../../shared/domain/result.ts';
import type { CaseCommand } from './case-command.ts';
import type { DisclosureCase } from './disclosure-case.ts';
import { timeLimitsOn } from './legal-parameters.ts';
import { replyDeadline } from './reply-deadline.ts';
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

export function decideFeeNotice(
  request: DisclosureCase,
  command: Extract<CaseCommand, { type: 'issue-fee-notice' }>,
  context: DecisionContext,
): Decision {
  const refused = first(
    checkOpen(request),
    checkNotAwaitingClarification(request),
    checkDates(request, [command.issuedOn, command.deliveredOn], context.today),
  );
  if (refused) return err(refused);
  const outstanding = outstandingFee(request);
  if (outstanding) return err({ code: 'fee-notice-outstanding', payByOn: outstanding.payByOn });
  if (!command.howToPay?.trim()) return err({ code: 'fee-without-payment-method' });
  if (!(command.amountYuan > 0) || !Number.isFinite(command.amountYuan))
    return err({ code: 'fee-amount-invalid', amountYuan: command.amountYuan });
  // 《政府信息公开信息处理费管理办法》第三至六条: one method per application, never in the free tier,
  // never more than the schedule (less, with a reason, or a waiver with a reason, is the agency's
  // choice), and only while the reply period runs.
  const schedule = context.feeSchedule;
  if (!schedule) return err({ code: 'fee-schedule-unknown' });
  const other = request.fees.find((f) => f.method !== command.method);
  if (other) return err({ code: 'fee-method-mixed', method: other.method });
  if (schedule.amountYuan === 0) return err({ code: 'fee-in-free-tier', basis: schedule.basis });
  if (command.amountYuan > schedule.amountYuan)
    return err({ code: 'fee-above-schedule', scheduleYuan: schedule.amountYuan, basis: schedule.basis });
  // 减收, like 免收, is a decision the record must explain.
  if (command.amountYuan < schedule.amountYuan && !context.reason?.trim())
    return err({ code: 'reason-required' });
  const deadline = replyDeadline(request, context.calendar);
  if (deadline.kind === 'running' && command.issuedOn > deadline.dueOn)
    return err({ code: 'fee-notice-after-deadline', dueOn: deadline.dueOn });
  const payBy = periodFromDelivery(command, context, timeLimitsOn(request.receivedOn!).feePaymentWorkingDays);
  if (!payBy.ok) return payBy;
  const payByOn = payBy.value;
  return ok({
    type: 'fee-notice-issued',
    method: command.method,
    amountYuan: command.amountYuan,
    basis: schedule.basis,
    scheduleYuan: schedule.amountYuan,
    issuedOn: command.issuedOn,
    deliveredOn: command.deliveredOn,
    payByOn,
    howToPay: command.howToPay.trim(),
  });
}

export function decidePayment(
  request: DisclosureCase,
  command: Extract<CaseCommand, { type: 'record-payment' }>,
  context: DecisionContext,
): Decision {
  const fee = outstandingFee(request);
  if (!fee)
    return err(
      request.completedOn
        ? { code: 'case-closed', status: request.status }
        : { code: 'payment-before-notice' },
    );
  const refused = checkDates(request, [command.on], context.today);
  if (refused) return err(refused);
  if (command.on > fee.payByOn) return err({ code: 'payment-after-deadline', payByOn: fee.payByOn });
  if (command.amountYuan !== fee.amountYuan)
    return err({ code: 'payment-amount-mismatch', expectedYuan: fee.amountYuan });
  return ok({ type: 'fee-paid', on: command.on, amountYuan: command.amountYuan });
}
