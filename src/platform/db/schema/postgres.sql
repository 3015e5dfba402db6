CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      begin raise exception 'audit_log is append-only'; end $$;

CREATE FUNCTION gongkai_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      begin raise exception '% is append-only', tg_table_name; end $$;

CREATE FUNCTION public_documents_history_grows() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      begin
        if left(new.history, length(old.history) - 1) is distinct from left(old.history, length(old.history) - 1) then
          raise exception 'a document''s history is append-only';
        end if;
        return new;
      end $$;

CREATE TABLE agencies (
    id text NOT NULL,
    name text NOT NULL,
    parent_id text,
    created_at text NOT NULL,
    jurisdiction text DEFAULT 'CN'::text NOT NULL,
    level text DEFAULT 'department'::text NOT NULL
);

CREATE TABLE agency_figures (
    agency_id text NOT NULL,
    year integer NOT NULL,
    licensing integer NOT NULL,
    penalty integer NOT NULL,
    coercion integer NOT NULL,
    admin_fees_wan numeric(16,4) NOT NULL,
    entered_by text NOT NULL,
    entered_at text NOT NULL,
    entered_2019 text
);

CREATE TABLE audit_log (
    seq bigint NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    agency_id text,
    subject text NOT NULL,
    detail text NOT NULL,
    prev_hash text,
    hash text
);

CREATE SEQUENCE audit_log_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE audit_log_seq_seq OWNED BY audit_log.seq;

CREATE TABLE disclosure_requests (
    agency_id text NOT NULL,
    id text NOT NULL,
    received_on text NOT NULL,
    applicant_type text NOT NULL,
    outcome text,
    completed_on text,
    channel text,
    applicant_name text,
    subject text,
    ledger_import_id text,
    CONSTRAINT disclosure_requests_completion CHECK (((outcome IS NULL) = (completed_on IS NULL))),
    CONSTRAINT disclosure_requests_order CHECK (((completed_on IS NULL) OR (completed_on >= received_on)))
);

CREATE TABLE disclosure_settings (
    agency_id text NOT NULL,
    settings text NOT NULL,
    updated_by text NOT NULL,
    updated_at text NOT NULL
);

CREATE TABLE filed_reports (
    agency_id text NOT NULL,
    year integer NOT NULL,
    version integer NOT NULL,
    status text NOT NULL,
    origin text NOT NULL,
    format text NOT NULL,
    report text NOT NULL,
    explanations text NOT NULL,
    children text NOT NULL,
    source_file text,
    filed_by text NOT NULL,
    filed_at text NOT NULL,
    filed_on text NOT NULL,
    reopened_at text,
    indicators text
);
ALTER TABLE ONLY filed_reports ALTER COLUMN report SET COMPRESSION lz4;

CREATE TABLE job_leases (
    name text NOT NULL,
    holder text NOT NULL,
    lease_ends_at_ms bigint NOT NULL,
    finished_at_ms bigint NOT NULL
);

CREATE TABLE kysely_migration (
    name character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL
);

CREATE TABLE kysely_migration_lock (
    id character varying(255) NOT NULL,
    is_locked integer DEFAULT 0 NOT NULL
);

CREATE TABLE ledger_imports (
    id text NOT NULL,
    agency_id text NOT NULL,
    year integer NOT NULL,
    imported_at text NOT NULL,
    imported_by text NOT NULL,
    files text NOT NULL,
    request_count integer NOT NULL,
    proceeding_count integer NOT NULL,
    document_count integer NOT NULL
);

CREATE TABLE letter_references (
    agency_id text NOT NULL,
    year integer NOT NULL,
    number integer NOT NULL,
    request_id text NOT NULL,
    event_seq integer NOT NULL,
    kind text NOT NULL
);

CREATE TABLE normative_documents (
    agency_id text NOT NULL,
    id text NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    document_number text,
    issued_on text NOT NULL,
    repealed_on text,
    ledger_import_id text,
    lapsed_on text,
    amendments text DEFAULT '[]'::text NOT NULL,
    public_document_id text
);

CREATE TABLE notice_outbox (
    id text NOT NULL,
    agency_id text NOT NULL,
    request_id text NOT NULL,
    event_seq integer NOT NULL,
    recipient text NOT NULL,
    status text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at text NOT NULL,
    last_error text,
    created_at text NOT NULL,
    sent_at text
);

CREATE TABLE proceedings (
    agency_id text NOT NULL,
    id text NOT NULL,
    kind text NOT NULL,
    filed_on text NOT NULL,
    result text,
    decided_on text,
    request_id text,
    ledger_import_id text,
    CONSTRAINT proceedings_decision CHECK (((result IS NULL) = (decided_on IS NULL)))
);

CREATE TABLE public_document_attachments (
    agency_id text NOT NULL,
    document_id text NOT NULL,
    id text NOT NULL,
    file_name text NOT NULL,
    media_type text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    uploaded_by text NOT NULL,
    uploaded_at text NOT NULL
);

CREATE TABLE public_document_search (
    agency_id text NOT NULL,
    id text NOT NULL,
    tokens tsvector NOT NULL
);

CREATE TABLE public_documents (
    agency_id text NOT NULL,
    id text NOT NULL,
    title text NOT NULL,
    document_number text,
    index_number text,
    formed_on text NOT NULL,
    category text NOT NULL,
    body text NOT NULL,
    drafter text NOT NULL,
    attribute text,
    status text NOT NULL,
    published_on text,
    history text NOT NULL,
    version integer NOT NULL,
    interprets text,
    interpretation_form text,
    co_issuers text DEFAULT '[]'::text NOT NULL,
    forwards text
);

CREATE TABLE public_messages (
    agency_id text NOT NULL,
    id text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    author_name text NOT NULL,
    author_contact text NOT NULL,
    received_on text NOT NULL,
    due_on text NOT NULL,
    answer text,
    answered_on text,
    answered_by text,
    published integer DEFAULT 0 NOT NULL,
    query_code_hash text NOT NULL
);

CREATE TABLE rate_limit_windows (
    key text NOT NULL,
    hits integer NOT NULL,
    ends_at_ms bigint NOT NULL
);

CREATE TABLE report_corrections (
    id text NOT NULL,
    agency_id text NOT NULL,
    year integer NOT NULL,
    version integer NOT NULL,
    reason text NOT NULL,
    requested_by text NOT NULL,
    requested_at text NOT NULL,
    decision text,
    decided_by text,
    decided_at text,
    refiled_version integer
);

CREATE TABLE reporting_seasons (
    agency_id text NOT NULL,
    year integer NOT NULL,
    deadlines text NOT NULL,
    opened_by text NOT NULL,
    opened_at text NOT NULL
);

CREATE TABLE request_cases (
    agency_id text NOT NULL,
    id text NOT NULL,
    channel text NOT NULL,
    submitted_on text NOT NULL,
    received_on text,
    status text NOT NULL,
    due_on text,
    applicant_type text NOT NULL,
    applicant text NOT NULL,
    description text NOT NULL,
    outcome text,
    completed_on text,
    query_code_hash text,
    event_count integer NOT NULL,
    updated_at text NOT NULL,
    applicant_key text,
    handler text,
    handler_name text,
    awaiting_approval text
);

CREATE TABLE request_events (
    agency_id text NOT NULL,
    request_id text NOT NULL,
    seq integer NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    reason text,
    type text NOT NULL,
    event text NOT NULL
);

CREATE TABLE request_files (
    agency_id text NOT NULL,
    request_id text NOT NULL,
    id text NOT NULL,
    file_name text NOT NULL,
    media_type text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    uploaded_by text NOT NULL,
    uploaded_at text NOT NULL,
    delivered_at text
);

CREATE TABLE request_submissions (
    key text NOT NULL,
    agency_id text NOT NULL,
    request_id text NOT NULL,
    cookie_hash text NOT NULL,
    sealed_query_code text,
    created_at text NOT NULL
);

CREATE TABLE season_reminders (
    season_agency_id text NOT NULL,
    year integer NOT NULL,
    agency_id text NOT NULL,
    sent_by text NOT NULL,
    sent_at text NOT NULL,
    message text NOT NULL
);

CREATE TABLE staff_accounts (
    id text NOT NULL,
    agency_id text NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL,
    roles text NOT NULL,
    password_hash text NOT NULL,
    disabled integer DEFAULT 0 NOT NULL,
    created_at text NOT NULL,
    must_change_password integer DEFAULT 0 NOT NULL,
    failed_logins integer DEFAULT 0 NOT NULL,
    locked_until text,
    password_set_at text
);

CREATE TABLE staff_password_history (
    account_id text NOT NULL,
    password_hash text NOT NULL,
    set_at text NOT NULL
);

CREATE TABLE staff_sessions (
    token_hash text NOT NULL,
    account_id text NOT NULL,
    csrf_token text NOT NULL,
    created_at text NOT NULL,
    expires_at text NOT NULL,
    user_agent text,
    ip text,
    last_seen_at text
);

CREATE TABLE work_calendar_years (
    jurisdiction text NOT NULL,
    year integer NOT NULL,
    holidays text NOT NULL,
    makeup_workdays text NOT NULL,
    source text NOT NULL,
    imported_by text NOT NULL,
    imported_at text NOT NULL
);

CREATE TABLE work_records (
    agency_id text NOT NULL,
    id text NOT NULL,
    kind text NOT NULL,
    occurred_on text NOT NULL,
    count integer NOT NULL,
    subject text NOT NULL,
    note text,
    entered_by text NOT NULL,
    entered_at text NOT NULL
);

ALTER TABLE ONLY audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq_seq'::regclass);

ALTER TABLE ONLY agencies
    ADD CONSTRAINT agencies_pkey PRIMARY KEY (id);

ALTER TABLE ONLY agency_figures
    ADD CONSTRAINT agency_figures_pk PRIMARY KEY (agency_id, year);

ALTER TABLE ONLY audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (seq);

ALTER TABLE ONLY disclosure_requests
    ADD CONSTRAINT disclosure_requests_pk PRIMARY KEY (agency_id, id);

ALTER TABLE ONLY disclosure_settings
    ADD CONSTRAINT disclosure_settings_pkey PRIMARY KEY (agency_id);

ALTER TABLE ONLY filed_reports
    ADD CONSTRAINT filed_reports_pk PRIMARY KEY (agency_id, year, version);

ALTER TABLE ONLY job_leases
    ADD CONSTRAINT job_leases_pkey PRIMARY KEY (name);

ALTER TABLE ONLY kysely_migration_lock
    ADD CONSTRAINT kysely_migration_lock_pkey PRIMARY KEY (id);

ALTER TABLE ONLY kysely_migration
    ADD CONSTRAINT kysely_migration_pkey PRIMARY KEY (name);

ALTER TABLE ONLY ledger_imports
    ADD CONSTRAINT ledger_imports_pkey PRIMARY KEY (id);

ALTER TABLE ONLY letter_references
    ADD CONSTRAINT letter_references_letter UNIQUE (agency_id, request_id, event_seq, kind);

ALTER TABLE ONLY letter_references
    ADD CONSTRAINT letter_references_pk PRIMARY KEY (agency_id, year, number);

ALTER TABLE ONLY normative_documents
    ADD CONSTRAINT normative_documents_pk PRIMARY KEY (agency_id, id);

ALTER TABLE ONLY notice_outbox
    ADD CONSTRAINT notice_outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY proceedings
    ADD CONSTRAINT proceedings_pk PRIMARY KEY (agency_id, id);

ALTER TABLE ONLY public_document_attachments
    ADD CONSTRAINT public_document_attachments_pk PRIMARY KEY (agency_id, document_id, id);

ALTER TABLE ONLY public_document_search
    ADD CONSTRAINT public_document_search_pkey PRIMARY KEY (agency_id, id);

ALTER TABLE ONLY public_documents
    ADD CONSTRAINT public_documents_pk PRIMARY KEY (agency_id, id);

ALTER TABLE ONLY public_messages
    ADD CONSTRAINT public_messages_pk PRIMARY KEY (agency_id, id);

ALTER TABLE ONLY rate_limit_windows
    ADD CONSTRAINT rate_limit_windows_pkey PRIMARY KEY (key);

ALTER TABLE ONLY report_corrections
    ADD CONSTRAINT report_corrections_pkey PRIMARY KEY (id);

ALTER TABLE ONLY reporting_seasons
    ADD CONSTRAINT reporting_seasons_pk PRIMARY KEY (agency_id, year);

ALTER TABLE ONLY request_cases
    ADD CONSTRAINT request_cases_pk PRIMARY KEY (agency_id, id);

ALTER TABLE ONLY request_events
    ADD CONSTRAINT request_events_pk PRIMARY KEY (agency_id, request_id, seq);

ALTER TABLE ONLY request_files
    ADD CONSTRAINT request_files_pk PRIMARY KEY (agency_id, request_id, id);

ALTER TABLE ONLY request_submissions
    ADD CONSTRAINT request_submissions_pkey PRIMARY KEY (key);

ALTER TABLE ONLY staff_accounts
    ADD CONSTRAINT staff_accounts_pkey PRIMARY KEY (id);

ALTER TABLE ONLY staff_accounts
    ADD CONSTRAINT staff_accounts_username_key UNIQUE (username);

ALTER TABLE ONLY staff_sessions
    ADD CONSTRAINT staff_sessions_pkey PRIMARY KEY (token_hash);

ALTER TABLE ONLY work_calendar_years
    ADD CONSTRAINT work_calendar_years_pk PRIMARY KEY (jurisdiction, year);

ALTER TABLE ONLY work_records
    ADD CONSTRAINT work_records_pk PRIMARY KEY (agency_id, id);

CREATE INDEX agencies_name ON agencies USING btree (name);

CREATE INDEX disclosure_requests_completed ON disclosure_requests USING btree (agency_id, completed_on);

CREATE INDEX disclosure_requests_received ON disclosure_requests USING btree (agency_id, received_on);

CREATE INDEX filed_reports_by_year ON filed_reports USING btree (year, agency_id);

CREATE INDEX notice_outbox_case ON notice_outbox USING btree (agency_id, request_id, event_seq);

CREATE INDEX notice_outbox_due ON notice_outbox USING btree (status, next_attempt_at);

CREATE INDEX proceedings_filed ON proceedings USING btree (agency_id, filed_on);

CREATE INDEX public_document_search_tokens ON public_document_search USING gin (tokens);

CREATE INDEX public_documents_interprets ON public_documents USING btree (agency_id, interprets);

CREATE INDEX public_documents_portal ON public_documents USING btree (agency_id, status, published_on);

CREATE INDEX public_messages_received ON public_messages USING btree (agency_id, received_on);

CREATE INDEX rate_limit_windows_ends ON rate_limit_windows USING btree (ends_at_ms);

CREATE INDEX report_corrections_by_agency_year ON report_corrections USING btree (agency_id, year);

CREATE INDEX request_cases_applicant_key ON request_cases USING btree (agency_id, applicant_key, received_on);

CREATE INDEX request_cases_awaiting_approval ON request_cases USING btree (agency_id, awaiting_approval);

CREATE INDEX request_cases_handler ON request_cases USING btree (agency_id, handler);

CREATE INDEX request_cases_query_code_hash ON request_cases USING btree (query_code_hash);

CREATE INDEX request_cases_status_due ON request_cases USING btree (agency_id, status, due_on);

CREATE INDEX season_reminders_by_season ON season_reminders USING btree (season_agency_id, year, agency_id);

CREATE INDEX staff_password_history_account ON staff_password_history USING btree (account_id, set_at);

CREATE INDEX staff_sessions_account ON staff_sessions USING btree (account_id);

CREATE INDEX work_records_year ON work_records USING btree (agency_id, occurred_on);

CREATE TRIGGER audit_log_no_update BEFORE DELETE OR UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER public_documents_history_grows BEFORE UPDATE ON public_documents FOR EACH ROW EXECUTE FUNCTION public_documents_history_grows();

CREATE TRIGGER public_documents_no_delete BEFORE DELETE ON public_documents FOR EACH ROW EXECUTE FUNCTION gongkai_refuse_change();

CREATE TRIGGER request_events_no_change BEFORE DELETE OR UPDATE ON request_events FOR EACH ROW EXECUTE FUNCTION gongkai_refuse_change();

ALTER TABLE ONLY agencies
    ADD CONSTRAINT agencies_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES agencies(id);

ALTER TABLE ONLY agency_figures
    ADD CONSTRAINT agency_figures_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY disclosure_requests
    ADD CONSTRAINT disclosure_requests_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY disclosure_requests
    ADD CONSTRAINT disclosure_requests_ledger_import_id_fkey FOREIGN KEY (ledger_import_id) REFERENCES ledger_imports(id);

ALTER TABLE ONLY disclosure_settings
    ADD CONSTRAINT disclosure_settings_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY filed_reports
    ADD CONSTRAINT filed_reports_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY ledger_imports
    ADD CONSTRAINT ledger_imports_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY normative_documents
    ADD CONSTRAINT normative_documents_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY normative_documents
    ADD CONSTRAINT normative_documents_ledger_import_id_fkey FOREIGN KEY (ledger_import_id) REFERENCES ledger_imports(id);

ALTER TABLE ONLY proceedings
    ADD CONSTRAINT proceedings_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY proceedings
    ADD CONSTRAINT proceedings_ledger_import_id_fkey FOREIGN KEY (ledger_import_id) REFERENCES ledger_imports(id);

ALTER TABLE ONLY public_document_attachments
    ADD CONSTRAINT public_document_attachments_document FOREIGN KEY (agency_id, document_id) REFERENCES public_documents(agency_id, id);

ALTER TABLE ONLY public_documents
    ADD CONSTRAINT public_documents_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY public_messages
    ADD CONSTRAINT public_messages_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY report_corrections
    ADD CONSTRAINT report_corrections_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY reporting_seasons
    ADD CONSTRAINT reporting_seasons_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY request_cases
    ADD CONSTRAINT request_cases_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY request_events
    ADD CONSTRAINT request_events_case FOREIGN KEY (agency_id, request_id) REFERENCES request_cases(agency_id, id);

ALTER TABLE ONLY season_reminders
    ADD CONSTRAINT season_reminders_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY staff_accounts
    ADD CONSTRAINT staff_accounts_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE ONLY staff_password_history
    ADD CONSTRAINT staff_password_history_account_id_fkey FOREIGN KEY (account_id) REFERENCES staff_accounts(id);

ALTER TABLE ONLY staff_sessions
    ADD CONSTRAINT staff_sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES staff_accounts(id);

ALTER TABLE ONLY work_records
    ADD CONSTRAINT work_records_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);
