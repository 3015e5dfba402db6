CREATE TRIGGER audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end;

CREATE TRIGGER audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end;

CREATE TRIGGER public_documents_history_grows before update of history on public_documents
      when substr(new.history, 1, length(old.history) - 1) is not substr(old.history, 1, length(old.history) - 1)
      begin select raise(abort, 'a document''s history is append-only'); end;

CREATE TRIGGER public_documents_no_delete before delete on public_documents
      begin select raise(abort, 'public_documents is append-only'); end;

CREATE TRIGGER request_events_no_delete before delete on request_events
      begin select raise(abort, 'request_events is append-only'); end;

CREATE TRIGGER request_events_no_update before update on request_events
      begin select raise(abort, 'request_events is append-only'); end;

CREATE TABLE "agencies" ("id" text primary key, "name" text not null, "parent_id" text references "agencies" ("id"), "created_at" text not null, "jurisdiction" text default 'CN' not null, "level" text default 'department' not null);

CREATE TABLE "agency_figures" ("agency_id" text not null references "agencies" ("id"), "year" integer not null, "licensing" integer not null, "penalty" integer not null, "coercion" integer not null, "admin_fees_wan" numeric(16, 4) not null, "entered_by" text not null, "entered_at" text not null, "entered_2019" text, constraint "agency_figures_pk" primary key ("agency_id", "year"));

CREATE TABLE "audit_log" ("seq" integer primary key, "at" text not null, "actor" text not null, "action" text not null, "agency_id" text, "subject" text not null, "detail" text not null, "prev_hash" text, "hash" text);

CREATE TABLE "disclosure_requests" ("agency_id" text not null references "agencies" ("id"), "id" text not null, "received_on" text not null, "applicant_type" text not null, "outcome" text, "completed_on" text, "channel" text, "applicant_name" text, "subject" text, "ledger_import_id" text references "ledger_imports" ("id"), constraint "disclosure_requests_pk" primary key ("agency_id", "id"), constraint "disclosure_requests_completion" check ((outcome is null) = (completed_on is null)), constraint "disclosure_requests_order" check (completed_on is null or completed_on >= received_on));

CREATE TABLE "disclosure_settings" ("agency_id" text primary key references "agencies" ("id"), "settings" text not null, "updated_by" text not null, "updated_at" text not null);

CREATE TABLE "filed_reports" ("agency_id" text not null references "agencies" ("id"), "year" integer not null, "version" integer not null, "status" text not null, "origin" text not null, "format" text not null, "report" text not null, "explanations" text not null, "children" text not null, "source_file" text, "filed_by" text not null, "filed_at" text not null, "filed_on" text not null, "reopened_at" text, "indicators" text, constraint "filed_reports_pk" primary key ("agency_id", "year", "version"));

CREATE TABLE "job_leases" ("name" text primary key, "holder" text not null, "lease_ends_at_ms" bigint not null, "finished_at_ms" bigint not null);

CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);

CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);

CREATE TABLE "ledger_imports" ("id" text primary key, "agency_id" text not null references "agencies" ("id"), "year" integer not null, "imported_at" text not null, "imported_by" text not null, "files" text not null, "request_count" integer not null, "proceeding_count" integer not null, "document_count" integer not null);

CREATE TABLE "letter_references" ("agency_id" text not null, "year" integer not null, "number" integer not null, "request_id" text not null, "event_seq" integer not null, "kind" text not null, constraint "letter_references_pk" primary key ("agency_id", "year", "number"), constraint "letter_references_letter" unique ("agency_id", "request_id", "event_seq", "kind"));

CREATE TABLE "normative_documents" ("agency_id" text not null references "agencies" ("id"), "id" text not null, "kind" text not null, "title" text not null, "document_number" text, "issued_on" text not null, "repealed_on" text, "ledger_import_id" text references "ledger_imports" ("id"), "lapsed_on" text, "amendments" text default '[]' not null, "public_document_id" text, constraint "normative_documents_pk" primary key ("agency_id", "id"));

CREATE TABLE "notice_outbox" ("id" text primary key, "agency_id" text not null, "request_id" text not null, "event_seq" integer not null, "recipient" text not null, "status" text not null, "attempts" integer default 0 not null, "next_attempt_at" text not null, "last_error" text, "created_at" text not null, "sent_at" text);

CREATE TABLE "proceedings" ("agency_id" text not null references "agencies" ("id"), "id" text not null, "kind" text not null, "filed_on" text not null, "result" text, "decided_on" text, "request_id" text, "ledger_import_id" text references "ledger_imports" ("id"), constraint "proceedings_pk" primary key ("agency_id", "id"), constraint "proceedings_decision" check ((result is null) = (decided_on is null)));

CREATE TABLE "public_document_attachments" ("agency_id" text not null, "document_id" text not null, "id" text not null, "file_name" text not null, "media_type" text not null, "size" integer not null, "sha256" text not null, "content" blob not null, "uploaded_by" text not null, "uploaded_at" text not null, constraint "public_document_attachments_pk" primary key ("agency_id", "document_id", "id"), constraint "public_document_attachments_document" foreign key ("agency_id", "document_id") references "public_documents" ("agency_id", "id"));

CREATE VIRTUAL TABLE public_document_search using fts5(agency_id unindexed, id unindexed, tokens, tokenize = 'unicode61');

CREATE TABLE 'public_document_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'public_document_search_content'(id INTEGER PRIMARY KEY, c0, c1, c2);

CREATE TABLE 'public_document_search_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'public_document_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'public_document_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE "public_documents" ("agency_id" text not null references "agencies" ("id"), "id" text not null, "title" text not null, "document_number" text, "index_number" text, "formed_on" text not null, "category" text not null, "body" text not null, "drafter" text not null, "attribute" text, "status" text not null, "published_on" text, "history" text not null, "version" integer not null, "interprets" text, "interpretation_form" text, "co_issuers" text default '[]' not null, "forwards" text, constraint "public_documents_pk" primary key ("agency_id", "id"));

CREATE TABLE "public_messages" ("agency_id" text not null references "agencies" ("id"), "id" text not null, "subject" text not null, "body" text not null, "author_name" text not null, "author_contact" text not null, "received_on" text not null, "due_on" text not null, "answer" text, "answered_on" text, "answered_by" text, "published" integer default 0 not null, "query_code_hash" text not null, constraint "public_messages_pk" primary key ("agency_id", "id"));

CREATE TABLE "rate_limit_windows" ("key" text primary key, "hits" integer not null, "ends_at_ms" bigint not null);

CREATE TABLE "report_corrections" ("id" text primary key, "agency_id" text not null references "agencies" ("id"), "year" integer not null, "version" integer not null, "reason" text not null, "requested_by" text not null, "requested_at" text not null, "decision" text, "decided_by" text, "decided_at" text, "refiled_version" integer);

CREATE TABLE "reporting_seasons" ("agency_id" text not null references "agencies" ("id"), "year" integer not null, "deadlines" text not null, "opened_by" text not null, "opened_at" text not null, constraint "reporting_seasons_pk" primary key ("agency_id", "year"));

CREATE TABLE "request_cases" ("agency_id" text not null references "agencies" ("id"), "id" text not null, "channel" text not null, "submitted_on" text not null, "received_on" text, "status" text not null, "due_on" text, "applicant_type" text not null, "applicant" text not null, "description" text not null, "outcome" text, "completed_on" text, "query_code_hash" text, "event_count" integer not null, "updated_at" text not null, "applicant_key" text, "handler" text, "handler_name" text, "awaiting_approval" text, constraint "request_cases_pk" primary key ("agency_id", "id"));

CREATE TABLE "request_events" ("agency_id" text not null, "request_id" text not null, "seq" integer not null, "at" text not null, "actor" text not null, "reason" text, "type" text not null, "event" text not null, constraint "request_events_pk" primary key ("agency_id", "request_id", "seq"), constraint "request_events_case" foreign key ("agency_id", "request_id") references "request_cases" ("agency_id", "id"));

CREATE TABLE "request_files" ("agency_id" text not null, "request_id" text not null, "id" text not null, "file_name" text not null, "media_type" text not null, "size" integer not null, "sha256" text not null, "content" blob not null, "uploaded_by" text not null, "uploaded_at" text not null, "delivered_at" text, constraint "request_files_pk" primary key ("agency_id", "request_id", "id"));

CREATE TABLE "request_submissions" ("key" text primary key, "agency_id" text not null, "request_id" text not null, "cookie_hash" text not null, "sealed_query_code" text, "created_at" text not null);

CREATE TABLE "season_reminders" ("season_agency_id" text not null, "year" integer not null, "agency_id" text not null references "agencies" ("id"), "sent_by" text not null, "sent_at" text not null, "message" text not null);

CREATE TABLE "staff_accounts" ("id" text primary key, "agency_id" text not null references "agencies" ("id"), "username" text not null unique, "display_name" text not null, "roles" text not null, "password_hash" text not null, "disabled" integer default 0 not null, "created_at" text not null, "must_change_password" integer default 0 not null, "failed_logins" integer default 0 not null, "locked_until" text, "password_set_at" text);

CREATE TABLE "staff_password_history" ("account_id" text not null references "staff_accounts" ("id"), "password_hash" text not null, "set_at" text not null);

CREATE TABLE "staff_sessions" ("token_hash" text primary key, "account_id" text not null references "staff_accounts" ("id"), "csrf_token" text not null, "created_at" text not null, "expires_at" text not null, "user_agent" text, "ip" text, "last_seen_at" text);

CREATE TABLE "work_calendar_years" ("jurisdiction" text not null, "year" integer not null, "holidays" text not null, "makeup_workdays" text not null, "source" text not null, "imported_by" text not null, "imported_at" text not null, constraint "work_calendar_years_pk" primary key ("jurisdiction", "year"));

CREATE TABLE "work_records" ("agency_id" text not null references "agencies" ("id"), "id" text not null, "kind" text not null, "occurred_on" text not null, "count" integer not null, "subject" text not null, "note" text, "entered_by" text not null, "entered_at" text not null, constraint "work_records_pk" primary key ("agency_id", "id"));

CREATE INDEX "agencies_name" on "agencies" ("name");

CREATE INDEX "disclosure_requests_completed" on "disclosure_requests" ("agency_id", "completed_on");

CREATE INDEX "disclosure_requests_received" on "disclosure_requests" ("agency_id", "received_on");

CREATE INDEX "filed_reports_by_year" on "filed_reports" ("year", "agency_id");

CREATE INDEX "notice_outbox_case" on "notice_outbox" ("agency_id", "request_id", "event_seq");

CREATE INDEX "notice_outbox_due" on "notice_outbox" ("status", "next_attempt_at");

CREATE INDEX "proceedings_filed" on "proceedings" ("agency_id", "filed_on");

CREATE INDEX "public_documents_interprets" on "public_documents" ("agency_id", "interprets");

CREATE INDEX "public_documents_portal" on "public_documents" ("agency_id", "status", "published_on");

CREATE INDEX "public_messages_received" on "public_messages" ("agency_id", "received_on");

CREATE INDEX "rate_limit_windows_ends" on "rate_limit_windows" ("ends_at_ms");

CREATE INDEX "report_corrections_by_agency_year" on "report_corrections" ("agency_id", "year");

CREATE INDEX "request_cases_applicant_key" on "request_cases" ("agency_id", "applicant_key", "received_on");

CREATE INDEX "request_cases_awaiting_approval" on "request_cases" ("agency_id", "awaiting_approval");

CREATE INDEX "request_cases_handler" on "request_cases" ("agency_id", "handler");

CREATE INDEX "request_cases_query_code_hash" on "request_cases" ("query_code_hash");

CREATE INDEX "request_cases_status_due" on "request_cases" ("agency_id", "status", "due_on");

CREATE INDEX "season_reminders_by_season" on "season_reminders" ("season_agency_id", "year", "agency_id");

CREATE INDEX "staff_password_history_account" on "staff_password_history" ("account_id", "set_at");

CREATE INDEX "staff_sessions_account" on "staff_sessions" ("account_id");

CREATE INDEX "work_records_year" on "work_records" ("agency_id", "occurred_on");
