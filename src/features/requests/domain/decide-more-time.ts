/**
 * More time for a reply: an extension (第三十三条, approved by the head of the disclosure office) and a
 * reasonable later date for a massive application (第三十五条). Where the agency separates duties (on
 * by default), the handler asks and another person approves or refuses; otherwise an approver may
 * grant an extension, and the handler set a later date, in one step. And who handles the case.
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
  type Decision,
  type DecisionContext,
} from './decision-checks.ts';
import type { CaseRefusal } from './refusals.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

type Command<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

/** What an extension of `workingDays` must satisfy, asked for or granted on `on`. */
function extensionRefusal(
  request: DisclosureCase,
  workingDays: number,
  dates: readonly IsoDate[],
  context: DecisionContext,
): CaseRefusal | undefined {
  const refused = first(
    checkOpen(request),
    checkNotAwaitingClarification(request),
    checkDates(request, dates, context.today),
  );
  if (refused) return refused;
  if (request.extension)
    return { code: 'extension-already-granted', approvedOn: request.extension.approvedOn };
  const max = timeLimitsOn(request.receivedOn!).maxExtensionWorkingDays;
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > max)
    return { code: 'extension-too-long', maxWorkingDays: max };
  // Lateness cannot be cured: the extension is decided and notified while the period still runs.
  const deadline = replyDeadline(request, context.calendar);
  if (deadline.kind === 'running' && dates.some((d) => d > deadline.dueOn))
    return { code: 'extension-after-deadline', dueOn: deadline.dueOn };
  return undefined;
}

function grantExtension(
  request: DisclosureCase,
  command: Omit<Command<'grant-extension'>, 'type'>,
  reason: string | undefined,
  context: DecisionContext,
): Decision {
  const refused = extensionRefusal(
    request,
    command.workingDays,
    [command.approvedOn, ...(command.noticeSentOn ? [command.noticeSentOn] : [])],
    context,
  );
  if (refused) {
    // The notice is the step the applicant sees: its lateness is named as such.
    const deadline = replyDeadline(request, context.calendar);
    if (
      refused.code === 'extension-after-deadline' &&
      deadline.kind === 'running' &&
      command.approvedOn <= deadline.dueOn
    )
      return err({ code: 'extension-notice-after-deadline', dueOn: deadline.dueOn });
    return err(refused);
  }
  if (!command.approvedBy.trim()) return err({ code: 'extension-without-approval' });
  if (!command.noticeSentOn) return err({ code: 'extension-without-notice' });
  if (!reason?.trim()) return err({ code: 'extension-without-reason' });
  const extension = {
    workingDays: command.workingDays,
    approvedBy: command.approvedBy.trim(),
    approvedOn: command.approvedOn,
    noticeSentOn: command.noticeSentOn,
  };
  // The notice states the new due date, as the calendar of the day counts it.
  const extended = replyDeadline({ ...request, extension }, context.calendar);
  return ok({
    type: 'extension-granted',
    ...extension,
    reason: reason.trim(),
    ...(extended.kind === 'running' ? { dueOn: extended.dueOn } : {}),
  });
}

function laterDateRefusal(
  request: DisclosureCase,
  on: IsoDate,
  laterDate: IsoDate,
  reason: string | undefined,
  context: DecisionContext,
): CaseRefusal | undefined {
  const refused = first(checkOpen(request), checkDates(request, [on], context.today));
  if (refused) return refused;
  if (!request.explanationRequestedOn) return { code: 'explanation-not-requested' };
  const deadline = replyDeadline(request, context.calendar);
  if (deadline.kind === 'running' && laterDate <= deadline.dueOn)
    return { code: 'later-date-not-later', dueOn: deadline.dueOn };
  // Decided and notified within the period, or the reply is late whatever date is set afterwards.
  if (deadline.kind === 'running' && on > deadline.dueOn)
    return { code: 'later-date-after-deadline', dueOn: deadline.dueOn };
  if (!reason?.trim()) return { code: 'reason-required' };
  return undefined;
}

/** Neither the one who asked nor the case's handler approves, where the agency separates duties. */
function approverRefusal(request: DisclosureCase, context: DecisionContext): CaseRefusal | undefined {
  const pending = request.pendingApproval;
  if (!pending || request.completedOn) return { code: 'nothing-to-approve' };
  if (
    context.separateApprover &&
    (context.actor === pending.requestedBy || context.actor === request.handler?.username)
  )
    return { code: 'approver-is-requester' };
  return undefined;
}

function pendingRefusal(request: DisclosureCase): CaseRefusal | undefined {
  const pending = request.pendingApproval;
  return pending && !request.completedOn
    ? { code: 'approval-pending', kind: pending.kind, requestedOn: pending.requestedOn }
    : undefined;
}

export function decideMoreTime(
  request: DisclosureCase,
  command: Command<
    | 'grant-extension'
    | 'set-later-date'
    | 'request-extension'
    | 'request-later-date'
    | 'approve'
    | 'refuse-approval'
    | 'assign'
  >,
  context: DecisionContext,
): Decision {
  switch (command.type) {
    case 'grant-extension': {
      if (context.separateApprover) return err({ code: 'approval-required' });
      const pending = pendingRefusal(request);
      return pending ? err(pending) : grantExtension(request, command, context.reason, context);
    }
    case 'set-later-date': {
      if (context.separateApprover) return err({ code: 'approval-required' });
      const refused =
        pendingRefusal(request) ??
        laterDateRefusal(request, command.on, command.laterDate, context.reason, context);
      if (refused) return err(refused);
      return ok({
        type: 'later-date-set',
        on: command.on,
        laterDate: command.laterDate,
        reason: context.reason!.trim(),
      });
    }
    case 'request-extension': {
      const refused =
        pendingRefusal(request) ?? extensionRefusal(request, command.workingDays, [command.on], context);
      if (refused) return err(refused);
      const reason = context.reason?.trim();
      if (!reason) return err({ code: 'extension-without-reason' });
      return ok({ type: 'extension-requested', on: command.on, workingDays: command.workingDays, reason });
    }
    case 'request-later-date': {
      const refused =
        pendingRefusal(request) ??
        laterDateRefusal(request, command.on, command.laterDate, context.reason, context);
      if (refused) return err(refused);
      return ok({
        type: 'later-date-requested',
        on: command.on,
        laterDate: command.laterDate,
        reason: context.reason!.trim(),
      });
    }
    case 'approve': {
      const refused = approverRefusal(request, context);
      if (refused) return err(refused);
      const pending = request.pendingApproval!;
      if (pending.kind === 'extension')
        return grantExtension(
          request,
          {
            workingDays: pending.workingDays ?? 0,
            approvedBy: command.approvedBy,
            approvedOn: command.on,
            noticeSentOn: command.noticeSentOn ?? command.on,
          },
          pending.reason,
          context,
        );
      const laterDate = pending.laterDate!;
      const laterRefused = laterDateRefusal(request, command.on, laterDate, pending.reason, context);
      if (laterRefused) return err(laterRefused);
      return ok({
        type: 'later-date-set',
        on: command.on,
        laterDate,
        reason: pending.reason,
        approvedBy: command.approvedBy.trim(),
      });
    }
    case 'refuse-approval': {
      const refused = approverRefusal(request, context) ?? checkDates(request, [command.on], context.today);
      if (refused) return err(refused);
      const reason = context.reason?.trim();
      if (!reason) return err({ code: 'reason-required' });
      return ok({ type: 'approval-refused', on: command.on, kind: request.pendingApproval!.kind, reason });
    }
    case 'assign': {
      if (request.completedOn) return err({ code: 'case-closed', status: request.status });
      if (request.handler?.username === command.handler) return err({ code: 'handler-unchanged' });
      return ok({ type: 'assigned', handler: command.handler, handlerName: command.handlerName });
    }
  }
}
