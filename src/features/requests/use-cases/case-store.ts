/** The port through which the request use cases keep cases: history plus the current projection. */
import type { ApplicantType, OutcomeRow } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { ApprovalKind, RecordedEvent, RequestChannel } from '../domain/case-events.ts';
import type { RequestStatus } from '../domain/request-status.ts';
import type { LetterSource } from '../letters/letter-sources.ts';
import type { CasePageQuery } from '../db/case-list-query.ts';

/** What lists and dashboards show of a case, kept current on every event. */
export interface CaseProjection {
  readonly channel: RequestChannel;
  readonly submittedOn: IsoDate;
  readonly receivedOn?: IsoDate;
  readonly status: RequestStatus;
  readonly dueOn?: IsoDate;
  readonly applicantType: ApplicantType;
  readonly applicantName: string;
  /** Who the applicant is for the fee tiers (domain/applicant-identity.ts). */
  readonly applicantIdentity: string;
  readonly description: string;
  readonly outcome?: OutcomeRow;
  readonly completedOn?: IsoDate;
  /** Who handles it (username and name), once assigned. */
  readonly handler?: string;
  readonly handlerName?: string;
  /** What waits for another person's approval, if anything. */
  readonly awaitingApproval?: ApprovalKind;
}

export interface CaseSummary extends Omit<CaseProjection, 'applicantIdentity'> {
  readonly id: string;
  readonly agencyId: string;
}

export interface StoredCase {
  readonly history: readonly RecordedEvent[];
  readonly queryCodeHash?: string;
}

export class ConcurrentChangeError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} was changed by someone else; reload it and try again`);
  }
}

export interface CaseFilter {
  readonly statuses?: readonly RequestStatus[];
  readonly open?: boolean;
  /** Received on or after / on or before (inclusive). */
  readonly receivedFrom?: IsoDate;
  readonly receivedThrough?: IsoDate;
  /** Completed on or after / on or before (inclusive). */
  readonly completedFrom?: IsoDate;
  readonly completedThrough?: IsoDate;
  /** The same applicant (domain/applicant-identity.ts): the ID number, else the name. */
  readonly applicantIdentity?: string;
  readonly limit?: number;
}

/** A public form's submission (see migration 2026-12-06T1300): its key, its browser, its sealed code. */
export interface SubmissionRecord {
  readonly key: string;
  readonly cookieHash: string;
  readonly sealedQueryCode: string;
}

export interface StoredSubmission extends SubmissionRecord {
  readonly agencyId: string;
  readonly requestId: string;
  readonly createdAt: string;
}

export interface CasePage {
  readonly summaries: CaseSummary[];
  readonly total: number;
  readonly byStatus: Readonly<Partial<Record<RequestStatus, number>>>;
  readonly overdue: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface CaseStore {
  /**
   * Stores a new case under the next number of the agency's year (YSQ-2025-00001) and returns it. With a
   * submission whose key is already stored, nothing is created: the case it created is returned.
   */
  create(
    agencyId: string,
    year: number,
    history: readonly RecordedEvent[],
    projection: CaseProjection,
    queryCodeHash: string | undefined,
    now: string,
    submission?: SubmissionRecord,
  ): Promise<{ id: string; created: boolean }>;
  /** The submission stored under `key`, if any. */
  submission(key: string): Promise<StoredSubmission | undefined>;
  load(agencyId: string, id: string): Promise<StoredCase | undefined>;
  /**
   * Appends one event and numbers the letters it issues, in one transaction; refuses
   * (ConcurrentChangeError) when its seq is no longer the next one.
   */
  append(
    agencyId: string,
    id: string,
    recorded: RecordedEvent,
    projection: CaseProjection,
    now: string,
    letters?: readonly LetterSource[],
    /** The applicant's e-mail address, when the step is one they are told of (notices/applicant-notice.ts). */
    notify?: string,
  ): Promise<void>;
  list(agencyId: string, filter: CaseFilter): Promise<CaseSummary[]>;
  /** One page of the officer's list, with the total and the counts per status (db/case-list-query.ts). */
  page(agencyId: string, query: CasePageQuery, today: IsoDate): Promise<CasePage>;
  /** Rewrites what lists show of a case (its due date after a calendar change); the history is untouched. */
  refreshProjection(agencyId: string, id: string, projection: CaseProjection): Promise<void>;
  /** The agency whose case `id` carries this query code hash, if one does (the public status page). */
  agencyOfQueryCode(id: string, queryCodeHash: string): Promise<string | undefined>;
  /** Which of `ids` are cases (the others are records a ledger import brought). */
  caseIdsAmong(agencyId: string, ids: readonly string[]): Promise<Set<string>>;
}
