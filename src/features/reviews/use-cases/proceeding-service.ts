/**
 * 行政复议 and 行政诉讼 recorded on the case they concern, as they happen: filed, then decided. Table 四 counts
 * them from these records like any other (and shows them behind its cells). A filed year stays locked.
 */
import type { ProceedingKind, ProceedingResult } from '../../annual-report/index.ts';
import type { AuditEntry } from '../../../platform/audit/audit-log.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { lockedYearOf, type YearLock, type YearLockedRefusal } from '../../../shared/domain/year-lock.ts';
import type { Proceeding } from '../domain/proceeding.ts';
import {
  checkDecision,
  checkNewProceeding,
  correctProceeding,
  proceedingPrefix,
  PROCEEDING_KIND_LABELS,
  PROCEEDING_RESULT_LABELS,
  type ProceedingCorrection,
  type ProceedingRefusal,
} from '../domain/record-proceeding.ts';

export interface ProceedingStore {
  create(
    agencyId: string,
    prefix: string,
    proceeding: Omit<Proceeding, 'id'>,
    audit: Omit<AuditEntry, 'subject'>,
  ): Promise<string>;
  find(agencyId: string, id: string): Promise<Proceeding | undefined>;
  replace(
    agencyId: string,
    before: Proceeding,
    after: Proceeding | undefined,
    audit: Omit<AuditEntry, 'subject'>,
  ): Promise<boolean>;
  ofRequest(agencyId: string, requestId: string): Promise<Proceeding[]>;
}

export interface ProceedingServiceDependencies {
  readonly store: ProceedingStore;
  /** The day the case was submitted, or undefined when the agency has no such case. */
  readonly caseSubmittedOn: (agencyId: string, caseId: string) => Promise<IsoDate | undefined>;
  readonly today: () => IsoDate;
  readonly now: () => string;
  readonly yearLock?: YearLock;
}

export type ProceedingServiceRefusal =
  | ProceedingRefusal
  | YearLockedRefusal
  | { readonly code: 'case-not-found'; readonly caseId: string }
  | { readonly code: 'proceeding-not-found'; readonly id: string }
  | { readonly code: 'changed-meanwhile'; readonly id: string };

export function proceedingService(deps: ProceedingServiceDependencies) {
  return {
    async record(
      agencyId: string,
      caseId: string,
      input: { readonly kind: ProceedingKind; readonly filedOn: IsoDate },
      actor: string,
    ): Promise<Result<Proceeding, ProceedingServiceRefusal>> {
      const submittedOn = await deps.caseSubmittedOn(agencyId, caseId);
      if (!submittedOn) return err({ code: 'case-not-found', caseId });
      const checked = checkNewProceeding(input.filedOn, submittedOn, deps.today());
      if (!checked.ok) return checked;
      const locked = await lockedYearOf(deps.yearLock, agencyId, [input.filedOn]);
      if (locked) return err(locked);
      const proceeding = { kind: input.kind, filedOn: input.filedOn, requestId: caseId };
      const id = await deps.store.create(agencyId, proceedingPrefix(input.kind, input.filedOn), proceeding, {
        at: deps.now(),
        actor,
        action: 'proceeding.recorded',
        agencyId,
        detail: {
          case: caseId,
          kind: input.kind,
          label: PROCEEDING_KIND_LABELS[input.kind],
          filedOn: input.filedOn,
        },
      });
      return ok({ id, ...proceeding });
    },

    async decide(
      agencyId: string,
      id: string,
      input: { readonly result: ProceedingResult; readonly decidedOn: IsoDate },
      actor: string,
    ): Promise<Result<Proceeding, ProceedingServiceRefusal>> {
      const proceeding = await deps.store.find(agencyId, id);
      if (!proceeding) return err({ code: 'proceeding-not-found', id });
      const checked = checkDecision(proceeding, input.decidedOn, deps.today());
      if (!checked.ok) return checked;
      // A decision changes the figures of its own year and later ones (on 31 December of an earlier year
      // the proceeding was still pending), so only the year of the decision must be open.
      const locked = await lockedYearOf(deps.yearLock, agencyId, [input.decidedOn]);
      if (locked) return err(locked);
      const decided = { ...proceeding, result: input.result, decidedOn: input.decidedOn };
      const written = await deps.store.replace(agencyId, proceeding, decided, {
        at: deps.now(),
        actor,
        action: 'proceeding.decided',
        agencyId,
        detail: {
          result: input.result,
          label: PROCEEDING_RESULT_LABELS[input.result],
          decidedOn: input.decidedOn,
        },
      });
      if (!written) {
        const now = await deps.store.find(agencyId, id);
        return err({ code: 'already-decided', result: now!.result!, decidedOn: now!.decidedOn! });
      }
      return ok(decided);
    },

    /** A record entered wrongly, put right, with the reason; audited with what it was and what it is. */
    async correct(
      agencyId: string,
      id: string,
      correction: ProceedingCorrection,
      reason: string,
      actor: string,
    ): Promise<Result<Proceeding, ProceedingServiceRefusal>> {
      const before = await deps.store.find(agencyId, id);
      if (!before) return err({ code: 'proceeding-not-found', id });
      const submittedOn = before.requestId
        ? await deps.caseSubmittedOn(agencyId, before.requestId)
        : undefined;
      const corrected = correctProceeding(before, correction, submittedOn, deps.today());
      if (!corrected.ok) return corrected;
      const after = corrected.value;
      // The years whose figures the change moves: of the filing, if it moves; of the decision, if it does.
      const dates = [
        ...(after.filedOn !== before.filedOn ? [before.filedOn, after.filedOn] : []),
        ...(after.decidedOn !== before.decidedOn || after.result !== before.result
          ? [before.decidedOn, after.decidedOn]
          : []),
      ];
      const locked = await lockedYearOf(deps.yearLock, agencyId, dates);
      if (locked) return err(locked);
      const written = await deps.store.replace(agencyId, before, after, {
        at: deps.now(),
        actor,
        action: 'proceeding.corrected',
        agencyId,
        detail: { reason, before: { ...before }, after: { ...after } },
      });
      if (!written) return err({ code: 'changed-meanwhile', id });
      return ok(after);
    },

    /** A record entered in error, removed with the reason; the audit log keeps what it was. */
    async remove(
      agencyId: string,
      id: string,
      reason: string,
      actor: string,
    ): Promise<Result<Proceeding, ProceedingServiceRefusal>> {
      const before = await deps.store.find(agencyId, id);
      if (!before) return err({ code: 'proceeding-not-found', id });
      const locked = await lockedYearOf(deps.yearLock, agencyId, [before.filedOn, before.decidedOn]);
      if (locked) return err(locked);
      const written = await deps.store.replace(agencyId, before, undefined, {
        at: deps.now(),
        actor,
        action: 'proceeding.removed',
        agencyId,
        detail: { reason, before: { ...before } },
      });
      if (!written) return err({ code: 'changed-meanwhile', id });
      return ok(before);
    },

    ofCase(agencyId: string, caseId: string): Promise<Proceeding[]> {
      return deps.store.ofRequest(agencyId, caseId);
    },
  };
}

export type ProceedingService = ReturnType<typeof proceedingService>;
