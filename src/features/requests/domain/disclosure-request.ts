/**
 * 依申请公开: one application as the annual report and the ledger know it. `receivedOn` is the legal
 * date of receipt (第三十一条); `completedOn` the delivery date of the final reply or the closing date.
 * An open request has neither outcome nor completion date.
 */
import type { ApplicantType, OutcomeRow } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

export interface DisclosureRequest {
  readonly id: string;
  readonly receivedOn: IsoDate;
  readonly applicantType: ApplicantType;
  readonly outcome?: OutcomeRow;
  readonly completedOn?: IsoDate;
  readonly channel?: string;
  readonly applicantName?: string;
  readonly subject?: string;
}
