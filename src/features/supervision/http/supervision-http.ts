/** What the supervision routes share: their tag, the session requirement, and refusals as HTTP problems. */
import { RefusalProblem } from '../../../platform/http/error-codes.ts';
import { agencyYearParams } from '../../annual-report/http/report-routes.schema.ts';
import { supervisionRefusalMessage } from '../use-cases/refusal-messages.ts';
import type { SupervisionRefusal } from '../use-cases/filing-service.ts';

export const TAG = '年报报送（工作人员）';
export const staffOnly = { security: [{ session: [] }] };
export const agencyParams = agencyYearParams.pick({ agencyId: true });

const STATUS: Partial<Record<SupervisionRefusal['code'], 400 | 403 | 404 | 409 | 422>> = {
  'agency-not-found': 404,
  'season-not-found': 404,
  'correction-not-found': 404,
  'invalid-deadline': 400,
  'reason-too-short': 400,
  'season-exists': 409,
  'already-filed': 409,
  'correction-pending': 409,
  'correction-decided': 409,
  'concurrent-filing': 409,
  'not-filed': 409,
  'own-correction': 422,
};

export function refuse(refusal: SupervisionRefusal): never {
  throw new RefusalProblem(refusal, supervisionRefusalMessage(refusal), STATUS[refusal.code] ?? 422);
}
