/**
 * What an applicant reads of their case with its number and query code, and nothing without the code:
 * their own view (state, history, due date) and the public status page (no personal data). Part of the
 * case service (case-service.ts), which spreads it into its own operations.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { foldCase } from '../domain/disclosure-case.ts';
import { replyDeadline } from '../domain/reply-deadline.ts';
import type { RequestStatus } from '../domain/request-status.ts';
import type { CaseServiceDependencies } from './case-service.ts';

export function applicantReads(deps: Pick<CaseServiceDependencies, 'store' | 'queryCodes' | 'calendarFor'>) {
  return {
    /**
     * The applicant's view of their case, found by its number and query code (the agency by them when not
     * given): the state, the history the timeline is drawn from, and the due date.
     */
    async applicantView(agencyId: string | undefined, id: string, queryCode: string) {
      const found = agencyId ?? (await deps.store.agencyOfQueryCode(id, deps.queryCodes.hash(queryCode)));
      if (found === undefined) return undefined;
      const stored = await deps.store.load(found, id);
      if (!stored?.queryCodeHash || !deps.queryCodes.matches(queryCode, stored.queryCodeHash))
        return undefined;
      return { agencyId: found, history: stored.history, case: foldCase(id, stored.history) };
    },

    /**
     * The public status page: nothing without the matching query code, and no personal data with it.
     * Without the agency, the number and the code find it (a code is 60 random bits: it names one case).
     */
    async publicStatus(
      agencyId: string | undefined,
      id: string,
      queryCode: string,
    ): Promise<PublicStatus | undefined> {
      if (agencyId === undefined) {
        const found = await deps.store.agencyOfQueryCode(id, deps.queryCodes.hash(queryCode));
        if (found === undefined) return undefined;
        agencyId = found;
      }
      const stored = await deps.store.load(agencyId, id);
      if (!stored?.queryCodeHash || !deps.queryCodes.matches(queryCode, stored.queryCodeHash))
        return undefined;
      const state = foldCase(id, stored.history);
      const deadline = replyDeadline(state, await deps.calendarFor(agencyId));
      return {
        id,
        status: state.status,
        submittedOn: state.submittedOn,
        ...(state.receivedOn ? { receivedOn: state.receivedOn } : {}),
        ...(deadline.kind === 'running' || deadline.kind === 'later-date' ? { dueOn: deadline.dueOn } : {}),
        ...(deadline.kind === 'awaiting-clarification' ? { clarificationDueOn: deadline.periodEndsOn } : {}),
        // A date counted into a year without the State Council's notice may still move.
        ...((deadline.kind === 'running' && deadline.missingYears.length > 0) ||
        (deadline.kind === 'awaiting-clarification' && deadline.provisional)
          ? { provisional: true }
          : {}),
        ...(state.completedOn ? { completedOn: state.completedOn } : {}),
      };
    },
  };
}

export interface PublicStatus {
  readonly id: string;
  readonly status: RequestStatus;
  readonly submittedOn: IsoDate;
  readonly receivedOn?: IsoDate;
  readonly dueOn?: IsoDate;
  readonly clarificationDueOn?: IsoDate;
  /** The due date rests on a year without the State Council's holiday notice. */
  readonly provisional?: boolean;
  readonly completedOn?: IsoDate;
}
