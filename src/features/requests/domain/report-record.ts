/** What the annual report needs of a case: its receipt, applicant column, result row and completion. */
import type { DisclosureCase } from './disclosure-case.ts';
import type { DisclosureRequest } from './disclosure-request.ts';

/** The report's view of a case; undefined while the receipt is unconfirmed (it is not yet received). */
export function toReportRecord(request: DisclosureCase): DisclosureRequest | undefined {
  if (!request.receivedOn) return undefined;
  return {
    id: request.id,
    receivedOn: request.receivedOn,
    applicantType: request.applicant.type,
    channel: request.channel,
    ...(request.outcome && request.completedOn
      ? { outcome: request.outcome, completedOn: request.completedOn }
      : {}),
  };
}
