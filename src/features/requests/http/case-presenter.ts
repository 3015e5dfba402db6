/** The one presenter of a case for staff (full) and the public (status only, no personal data). */
import { outcomeLabel } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import { STATUS_LABELS } from '../domain/request-status.ts';
import { workingDaysLeft } from '../domain/reply-deadline.ts';
import type { CaseView, PublicStatus } from '../use-cases/case-service.ts';
import type { CaseSummary } from '../use-cases/case-store.ts';
import type { Applicant } from '../domain/case-events.ts';
import {
  maskAddress,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPersonalData,
  maskPhone,
} from '../../../shared/domain/personal-data.ts';

export function presentDeadline(view: CaseView, today: IsoDate, calendar: WorkCalendar) {
  const deadline = view.deadline;
  switch (deadline.kind) {
    case 'running':
      return {
        kind: deadline.kind,
        dueOn: deadline.dueOn,
        startOn: deadline.startOn,
        workingDays: deadline.workingDays,
        daysLeft: workingDaysLeft(deadline, today, calendar),
        provisional: deadline.provisional,
        missingYears: deadline.missingYears,
        pauses: deadline.pauses,
        days: deadline.days,
      };
    case 'later-date':
      return { kind: deadline.kind, dueOn: deadline.dueOn };
    case 'awaiting-clarification':
      return { kind: deadline.kind, periodEndsOn: deadline.periodEndsOn };
    case 'not-running':
      return { kind: deadline.kind, reason: deadline.reason };
  }
}

/** Who took a step, as people read it: a staff member's name, the applicant, or the system. */
function actorName(actor: string, names: ReadonlyMap<string, string>): string {
  if (actor === 'public' || actor === 'applicant') return '申请人';
  if (actor.startsWith('system')) return '系统';
  return names.get(actor) ?? actor;
}

export function presentCase(
  view: CaseView,
  today: IsoDate,
  calendar: WorkCalendar,
  names: ReadonlyMap<string, string> = new Map(),
) {
  const c = view.case;
  return {
    id: c.id,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    channel: c.channel,
    submittedOn: c.submittedOn,
    receivedOn: c.receivedOn ?? null,
    arrivedOn: c.arrivedOn ?? null,
    /** An ordinary letter confirmed after the day it arrived (第三十一条 wants it that day). */
    confirmationLate: Boolean(c.arrivedOn && c.receivedOn && c.receivedOn > c.arrivedOn),
    clockStartOn: c.clockStartOn ?? null,
    applicant: c.applicant,
    application: c.application,
    clarification: c.clarification ?? null,
    consultations: c.consultations,
    extension: c.extension ?? null,
    laterDate: c.laterDate ?? null,
    fees: c.fees,
    outcome: c.outcome ?? null,
    outcomeLabel: c.outcome ? outcomeLabel(c.outcome) : null,
    legalBasis: c.legalBasis ?? null,
    handler: c.handler ?? null,
    pendingApproval: c.pendingApproval
      ? { ...c.pendingApproval, requestedByName: actorName(c.pendingApproval.requestedBy, names) }
      : null,
    completedOn: c.completedOn ?? null,
    deadline: presentDeadline(view, today, calendar),
    history: view.history.map((h) => ({
      seq: h.seq,
      at: h.at,
      actor: h.actor,
      actorName: actorName(h.actor, names),
      reason: h.reason ?? null,
      type: h.event.type,
      event: h.event,
    })),
  };
}

export function presentSummary(summary: CaseSummary) {
  return {
    ...summary,
    statusLabel: STATUS_LABELS[summary.status],
    outcomeLabel: summary.outcome ? outcomeLabel(summary.outcome) : null,
  };
}

export function presentPublicStatus(status: PublicStatus) {
  return { ...status, statusLabel: STATUS_LABELS[status.status] };
}

/** An applicant as staff without the permission see them: a person's name to its first character, the rest partly hidden. */
export function maskApplicant(applicant: Applicant): Applicant {
  return {
    ...applicant,
    name: applicant.type === 'natural' ? maskName(applicant.name) : applicant.name,
    ...(applicant.idNumber ? { idNumber: maskIdNumber(applicant.idNumber) } : {}),
    ...(applicant.phone ? { phone: maskPhone(applicant.phone) } : {}),
    ...(applicant.email ? { email: maskEmail(applicant.email) } : {}),
    ...(applicant.address ? { address: maskAddress(applicant.address) } : {}),
  };
}

type PresentedCase = ReturnType<typeof presentCase>;

/** The case with its applicant's personal data masked — in the case, its description and its history. */
export function maskPresentedCase(presented: PresentedCase): PresentedCase {
  return {
    ...presented,
    applicant: maskApplicant(presented.applicant),
    application: {
      ...presented.application,
      description: maskPersonalData(presented.application.description),
    },
    history: presented.history.map((h) =>
      h.event.type === 'submitted'
        ? {
            ...h,
            event: {
              ...h.event,
              applicant: maskApplicant(h.event.applicant),
              application: {
                ...h.event.application,
                description: maskPersonalData(h.event.application.description),
              },
            },
          }
        : h,
    ),
  };
}

export function maskSummary(summary: ReturnType<typeof presentSummary>): ReturnType<typeof presentSummary> {
  return {
    ...summary,
    applicantName:
      summary.applicantType === 'natural' ? maskName(summary.applicantName) : summary.applicantName,
    description: maskPersonalData(summary.description),
  };
}
