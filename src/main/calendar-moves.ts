/**
 * What a newly imported holiday notice moves: for every open case of the agencies on the calendar, the
 * dates the law counts in working days — the reply due date, the end of a 补正 period, the day a fee
 * must be paid by — on the calendar before and after the import. Those that changed are listed, so that
 * the office can tell the applicants (the dates were provisional until then), and each open case's
 * listed due date is brought up to date.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import { addWorkingDays, type WorkCalendar } from '../shared/domain/work-calendar.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import { foldCase, type DisclosureCase } from '../features/requests/domain/disclosure-case.ts';
import { replyDeadline } from '../features/requests/domain/reply-deadline.ts';
import { timeLimitsOn } from '../features/requests/domain/legal-parameters.ts';
import { projectCase } from '../features/requests/use-cases/case-projection.ts';
import { loadWorkCalendar, calendarRepository } from '../features/work-calendar/index.ts';

/**
 * reply: the reply due date; clarification: the 补正 period's end; fee: the day to pay by;
 * closed-early: a case closed as abandoned (r3_6_1, r3_6_2) before its period ends on the new calendar —
 * the office must look at it again (the record stays; the closure is history).
 */
export type MovedDateKind = 'reply' | 'clarification' | 'fee' | 'closed-early';

export const MOVED_DATE_LABELS: Readonly<Record<MovedDateKind, string>> = {
  reply: '答复期限',
  clarification: '补正期限',
  fee: '缴费期限',
  'closed-early': '已按逾期结案，但期限按新安排尚未届满',
};

export interface MovedDate {
  readonly agencyId: string;
  readonly caseId: string;
  readonly what: MovedDateKind;
  readonly before: string;
  readonly after: string;
}

function countedDates(
  state: DisclosureCase,
  calendar: WorkCalendar,
): Partial<Record<MovedDateKind, IsoDate>> {
  const deadline = replyDeadline(state, calendar);
  const dates: Partial<Record<MovedDateKind, IsoDate>> = {};
  if (deadline.kind === 'running') dates.reply = deadline.dueOn;
  if (deadline.kind === 'awaiting-clarification') dates.clarification = deadline.periodEndsOn;
  const fee = state.status === 'awaiting-fee' ? state.fees.at(-1) : undefined;
  if (fee && state.receivedOn)
    dates.fee = addWorkingDays(
      calendar,
      fee.deliveredOn,
      timeLimitsOn(state.receivedOn).feePaymentWorkingDays,
    ).date;
  return dates;
}

/** The calendars of every jurisdiction in use, as they stand now. */
export async function calendarsInUse(db: Kysely<Database>): Promise<Map<string, WorkCalendar>> {
  const calendars = new Map<string, WorkCalendar>();
  for (const agency of await agencyRepository(db).list()) {
    const jurisdiction = agency.jurisdiction ?? 'CN';
    if (!calendars.has(jurisdiction))
      calendars.set(jurisdiction, await loadWorkCalendar(calendarRepository(db), jurisdiction));
  }
  return calendars;
}

/**
 * The open cases' dates that differ between the calendars before and after an import; each moved case's
 * listed due date is updated to the new calendar.
 */
export async function applyCalendarChange(
  db: Kysely<Database>,
  before: ReadonlyMap<string, WorkCalendar>,
  after: ReadonlyMap<string, WorkCalendar>,
): Promise<MovedDate[]> {
  const store = caseRepository(db);
  const moved: MovedDate[] = [];
  for (const agency of await agencyRepository(db).list()) {
    const jurisdiction = agency.jurisdiction ?? 'CN';
    const old = before.get(jurisdiction);
    const now = after.get(jurisdiction);
    if (!old || !now) continue;
    for (const summary of await store.list(agency.id, { open: true, limit: 100_000 })) {
      const stored = await store.load(agency.id, summary.id);
      if (!stored) continue;
      const state = foldCase(summary.id, stored.history);
      const was = countedDates(state, old);
      const is = countedDates(state, now);
      let changed = false;
      for (const what of ['reply', 'clarification', 'fee'] as const) {
        const [b, a] = [was[what], is[what]];
        if (b && a && b !== a) {
          moved.push({ agencyId: agency.id, caseId: summary.id, what, before: b, after: a });
          changed = true;
        }
      }
      if (changed) await store.refreshProjection(agency.id, summary.id, projectCase(state, now));
    }
    const lapsed = await store.list(agency.id, {
      statuses: ['closed-clarification-overdue', 'closed-fee-overdue'],
      limit: 100_000,
    });
    for (const summary of lapsed) {
      const stored = await store.load(agency.id, summary.id);
      if (!stored) continue;
      const state = foldCase(summary.id, stored.history);
      const end = lapsedPeriodEnd(state, now);
      if (end && state.completedOn && state.completedOn <= end)
        moved.push({
          agencyId: agency.id,
          caseId: summary.id,
          what: 'closed-early',
          before: state.completedOn,
          after: end,
        });
    }
  }
  return moved;
}

/** The end of the period whose lapse closed the case, counted on `calendar`. */
function lapsedPeriodEnd(state: DisclosureCase, calendar: WorkCalendar): IsoDate | undefined {
  if (state.closedBy === 'clarification-lapse' && state.clarification)
    return addWorkingDays(calendar, state.clarification.requestedOn, state.clarification.periodWorkingDays)
      .date;
  const fee = state.fees.at(-1);
  if (state.closedBy === 'fee-lapse' && fee && state.receivedOn)
    return addWorkingDays(calendar, fee.deliveredOn, timeLimitsOn(state.receivedOn).feePaymentWorkingDays)
      .date;
  return undefined;
}
