/**
 * Corrections of a filed report (更正): the agency asks, with its reason; another person approves or
 * rejects; an approved correction re-opens the year for a new version. Part of the filing service
 * (filing-service.ts), which spreads these operations into its own.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { ReportCorrection } from '../db/supervision-repository.ts';
import type { FilingDependencies, SupervisionRefusal } from './filing-service.ts';

export function correctionOperations(deps: FilingDependencies) {
  const { store } = deps;
  return {
    async requestCorrection(
      agencyId: string,
      year: number,
      reason: string,
      actor: string,
    ): Promise<Result<ReportCorrection, SupervisionRefusal>> {
      const latest = await store.latest(agencyId, year);
      if (latest?.status !== 'filed') return err({ code: 'not-filed' });
      if (reason.trim().length < 10) return err({ code: 'reason-too-short' });
      const pending = (await store.corrections(agencyId, year)).find((c) => !c.decision);
      if (pending) return err({ code: 'correction-pending', correctionId: pending.id });
      const correction: ReportCorrection = {
        id: deps.newId(),
        agencyId,
        year,
        version: latest.version,
        reason: reason.trim().slice(0, 2000),
        requestedBy: actor,
        requestedAt: deps.now(),
      };
      await store.requestCorrection(correction);
      await deps.audit({
        actor,
        action: 'report.correction-requested',
        agencyId,
        subject: `${year}/v${latest.version}`,
        detail: { correction: correction.id },
      });
      return ok(correction);
    },

    async decideCorrection(
      agencyId: string,
      correctionId: string,
      approve: boolean,
      actor: string,
    ): Promise<Result<ReportCorrection, SupervisionRefusal>> {
      const correction = await store.correction(correctionId);
      if (!correction || correction.agencyId !== agencyId)
        return err({ code: 'correction-not-found', correctionId });
      if (correction.decision) return err({ code: 'correction-decided', correctionId });
      if (correction.requestedBy === actor) return err({ code: 'own-correction', correctionId });
      const decision = approve ? 'approved' : 'rejected';
      const at = deps.now();
      if (!(await store.decideCorrection(correctionId, decision, actor, at)))
        return err({ code: 'correction-decided', correctionId });
      await deps.audit({
        actor,
        action: approve ? 'report.correction-approved' : 'report.correction-rejected',
        agencyId,
        subject: `${correction.year}/v${correction.version}`,
        detail: { correction: correctionId },
      });
      return ok({ ...correction, decision, decidedBy: actor, decidedAt: at });
    },
  };
}
