/** The tables as Kysely sees them. Dates are ISO `YYYY-MM-DD` text on both dialects. */
import type { Generated } from 'kysely';

export interface AgencyTable {
  id: string;
  name: string;
  parent_id: string | null;
  created_at: string;
  jurisdiction: Generated<string>;
  /** province | city | county | township | department: which of a season's deadlines applies. */
  level: Generated<string>;
}

export interface ReportingSeasonTable {
  agency_id: string;
  year: number;
  /** JSON: { level: 'YYYY-MM-DD' } */
  deadlines: string;
  opened_by: string;
  opened_at: string;
}

export interface FiledReportTable {
  agency_id: string;
  year: number;
  version: number;
  /** filed | reopened (a correction was approved; the version is kept) */
  status: string;
  /** records | import | consolidation */
  origin: string;
  format: string;
  /** The report JSON as filed (cells, sections, checks). */
  report: string;
  /** JSON: { rule: comment } for the warnings explained before filing. */
  explanations: string;
  /** JSON: [{ agencyId, version }] — the children's filed reports summed into this one. */
  children: string;
  source_file: string | null;
  filed_by: string;
  filed_at: string;
  filed_on: string;
  reopened_at: string | null;
  /** JSON: { replied, repliedOnTime } when the agency's cases are handled here; null otherwise. */
  indicators: string | null;
}

export interface ReportCorrectionTable {
  id: string;
  agency_id: string;
  year: number;
  /** The filed version the correction re-opens. */
  version: number;
  reason: string;
  requested_by: string;
  requested_at: string;
  /** null while pending; approved | rejected */
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
  refiled_version: number | null;
}

export interface SeasonReminderTable {
  season_agency_id: string;
  year: number;
  agency_id: string;
  sent_by: string;
  sent_at: string;
  message: string;
}

export interface LedgerImportTable {
  id: string;
  agency_id: string;
  year: number;
  imported_at: string;
  imported_by: string;
  files: string;
  request_count: number;
  proceeding_count: number;
  document_count: number;
}

export interface DisclosureRequestTable {
  agency_id: string;
  id: string;
  received_on: string;
  applicant_type: string;
  outcome: string | null;
  completed_on: string | null;
  channel: string | null;
  applicant_name: string | null;
  subject: string | null;
  ledger_import_id: string | null;
}

export interface ProceedingTable {
  agency_id: string;
  id: string;
  kind: string;
  filed_on: string;
  result: string | null;
  decided_on: string | null;
  request_id: string | null;
  ledger_import_id: string | null;
}

export interface NormativeDocumentTable {
  agency_id: string;
  id: string;
  kind: string;
  title: string;
  document_number: string | null;
  issued_on: string;
  repealed_on: string | null;
  ledger_import_id: string | null;
  lapsed_on: string | null;
  /** JSON array of { amendedOn, documentNumber?, note }. */
  amendments: Generated<string>;
  public_document_id: string | null;
}

export interface AgencyFiguresTable {
  agency_id: string;
  year: number;
  licensing: number;
  penalty: number;
  coercion: number;
  admin_fees_wan: number;
  /** JSON: the 2019 format's table 二 cells entered for 2019 and 2020, by cell id; null otherwise. */
  entered_2019: string | null;
  entered_by: string;
  entered_at: string;
}

/** The office's work records (work-records feature). */
export interface WorkRecordTable {
  agency_id: string;
  id: string;
  kind: string;
  occurred_on: string;
  count: number;
  subject: string;
  note: string | null;
  entered_by: string;
  entered_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  agency_id: string | null;
  subject: string;
  detail: string;
  /** The hash of the entry before (64 zeros for the first). */
  prev_hash: string | null;
  /** sha256(prev_hash + "\n" + JSON [at, actor, action, agency_id, subject, detail]). */
  hash: string | null;
}

export interface WorkCalendarYearTable {
  jurisdiction: string;
  year: number;
  holidays: string;
  makeup_workdays: string;
  source: string;
  imported_by: string;
  imported_at: string;
}

export interface RequestCaseTable {
  agency_id: string;
  id: string;
  channel: string;
  submitted_on: string;
  received_on: string | null;
  status: string;
  due_on: string | null;
  applicant_type: string;
  applicant: string;
  description: string;
  outcome: string | null;
  completed_on: string | null;
  query_code_hash: string | null;
  event_count: number;
  updated_at: string;
  /** sha256 of the applicant's identity (ID number, else name) for the monthly fee tiers. */
  applicant_key: string | null;
  /** Who handles the case (username, and name as shown), once assigned. */
  handler: string | null;
  handler_name: string | null;
  /** 'extension' or 'later-date' while one waits for another person's approval. */
  awaiting_approval: string | null;
}

export interface RequestEventTable {
  agency_id: string;
  request_id: string;
  seq: number;
  at: string;
  actor: string;
  reason: string | null;
  type: string;
  event: string;
}

/** The 文号 of each letter a case issued: per agency and year, without gaps. */
export interface LetterReferenceTable {
  agency_id: string;
  year: number;
  number: number;
  request_id: string;
  event_seq: number;
  kind: string;
}

/** A public form's submission: the case it created, and its query code sealed for the receipt page. */
export interface RequestSubmissionTable {
  key: string;
  agency_id: string;
  request_id: string;
  cookie_hash: string;
  sealed_query_code: string | null;
  created_at: string;
}

/** Who runs a job for all server processes, until when, and when it last finished (see the migration). */
export interface JobLeaseTable {
  name: string;
  holder: string;
  lease_ends_at_ms: number;
  finished_at_ms: number;
}

/** The hits of one per-address limit in its current window (see the migration). */
export interface RateLimitWindowTable {
  key: string;
  hits: number;
  ends_at_ms: number;
}

/** A notice to an applicant by e-mail, waiting, sent or given up (see the migration). */
export interface NoticeOutboxTable {
  id: string;
  agency_id: string;
  request_id: string;
  event_seq: number;
  recipient: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface StaffAccountTable {
  id: string;
  agency_id: string;
  username: string;
  display_name: string;
  roles: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  /** 1 after a reset or when an administrator made the account: only a change of password is allowed. */
  must_change_password: Generated<number>;
  /** Failed sign-ins in a row; at the limit the account is locked until `locked_until`. */
  failed_logins: Generated<number>;
  locked_until: string | null;
  password_set_at: string | null;
}

export interface StaffPasswordHistoryTable {
  account_id: string;
  password_hash: string;
  set_at: string;
}

export interface StaffSessionTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
  /** The last request made with the session (written at most once a minute); idle too long, it ends. */
  last_seen_at: string | null;
}

export interface PublicDocumentTable {
  agency_id: string;
  id: string;
  title: string;
  document_number: string | null;
  index_number: string | null;
  formed_on: string;
  category: string;
  body: string;
  drafter: string;
  attribute: string | null;
  status: string;
  published_on: string | null;
  history: string;
  version: number;
  interprets: string | null;
  interpretation_form: string | null;
  /** JSON array of the co-issuing agencies' names. */
  co_issuers: string;
  /** "agencyId/documentId" of the document this one forwards. */
  forwards: string | null;
}

export interface PublicDocumentAttachmentTable {
  agency_id: string;
  document_id: string;
  id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: string;
}

/** A file disclosed to an applicant electronically, and when they first downloaded it. */
export interface RequestFileTable {
  agency_id: string;
  request_id: string;
  id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: string;
  delivered_at: string | null;
}

export interface DisclosureSettingsTable {
  agency_id: string;
  /** JSON of DisclosureSettings. */
  settings: string;
  updated_by: string;
  updated_at: string;
}

export interface PublicMessageTable {
  agency_id: string;
  id: string;
  subject: string;
  body: string;
  author_name: string;
  author_contact: string;
  received_on: string;
  due_on: string;
  answer: string | null;
  answered_on: string | null;
  answered_by: string | null;
  published: Generated<number>;
  query_code_hash: string;
}

export interface Database {
  agencies: AgencyTable;
  reporting_seasons: ReportingSeasonTable;
  filed_reports: FiledReportTable;
  report_corrections: ReportCorrectionTable;
  season_reminders: SeasonReminderTable;
  ledger_imports: LedgerImportTable;
  disclosure_requests: DisclosureRequestTable;
  proceedings: ProceedingTable;
  normative_documents: NormativeDocumentTable;
  agency_figures: AgencyFiguresTable;
  work_records: WorkRecordTable;
  audit_log: AuditLogTable;
  work_calendar_years: WorkCalendarYearTable;
  request_cases: RequestCaseTable;
  request_events: RequestEventTable;
  letter_references: LetterReferenceTable;
  request_submissions: RequestSubmissionTable;
  rate_limit_windows: RateLimitWindowTable;
  job_leases: JobLeaseTable;
  notice_outbox: NoticeOutboxTable;
  request_files: RequestFileTable;
  staff_accounts: StaffAccountTable;
  staff_sessions: StaffSessionTable;
  staff_password_history: StaffPasswordHistoryTable;
  public_documents: PublicDocumentTable;
  disclosure_settings: DisclosureSettingsTable;
  public_messages: PublicMessageTable;
  public_document_attachments: PublicDocumentAttachmentTable;
}
