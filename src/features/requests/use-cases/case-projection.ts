import type { WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import type { DisclosureCase } from '../domain/disclosure-case.ts';
import { replyDeadline } from '../domain/reply-deadline.ts';
import type { CaseProjection } from './case-store.ts';
import { applicantIdentity } from '../domain/applicant-identity.ts';

/** The due date a list shows: the reply deadline, or the end of the 补正 period while it runs. */
export function projectCase(request: DisclosureCase, calendar: WorkCalendar): CaseProjection {
  const deadline = replyDeadline(request, calendar);
  const dueOn =
    deadline.kind === 'running' || deadline.kind === 'later-date'
      ? deadline.dueOn
      : deadline.kind === 'awaiting-clarification'
        ? deadline.periodEndsOn
        : undefined;
  return {
    channel: request.channel,
    submittedOn: request.submittedOn,
    ...(request.receivedOn ? { receivedOn: request.receivedOn } : {}),
    status: request.status,
    ...(dueOn ? { dueOn } : {}),
    applicantType: request.applicant.type,
    applicantName: request.applicant.name,
    applicantIdentity: applicantIdentity(request.applicant),
    description: request.application.description,
    ...(request.outcome ? { outcome: request.outcome } : {}),
    ...(request.completedOn ? { completedOn: request.completedOn } : {}),
    ...(request.handler ? { handler: request.handler.username, handlerName: request.handler.name } : {}),
    ...(request.pendingApproval && !request.completedOn
      ? { awaitingApproval: request.pendingApproval.kind }
      : {}),
  };
}
