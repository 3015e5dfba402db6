/** Wires the database to the features' routes and the public pages: the whole server, ready to listen. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { createHttpServer } from '../platform/http/server.ts';
import { registerConsoleAssets } from '../platform/http/console-assets.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { queryCodes } from '../platform/security/query-code.ts';
import {
  agencyRepository,
  DEFAULT_STAFF_POLICY,
  staffRepository,
  type StaffPolicy,
} from '../features/agencies/index.ts';
import { registerStaffSession } from '../features/agencies/http/staff-session.ts';
import { hasPermission } from '../features/agencies/domain/staff-role.ts';
import { registerApprovalRoutes } from '../features/requests/http/approval-routes.ts';
import { registerAdministrationRoutes } from './administration-routes.ts';
import { registerWorkRecordRoutes } from '../features/work-records/http/work-record-routes.ts';
import { workRecordRepository } from '../features/work-records/db/work-record-repository.ts';
import { registerAccountRoutes } from '../features/agencies/http/account-routes.ts';
import { accountService } from '../features/agencies/use-cases/account-service.ts';
import { COMMON_PASSWORDS } from '../features/agencies/common-passwords.ts';
import { appendAudit } from '../platform/audit/audit-log.ts';
import { inspectZip } from '../platform/untrusted-files/file-sandbox.ts';
import { registerReportRoutes } from '../features/annual-report/http/report-routes.ts';
import { renderCache } from '../features/annual-report/export/render-cache.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import { caseService } from '../features/requests/use-cases/case-service.ts';
import { registerLetterRoutes } from '../features/requests/http/letter-routes.ts';
import { registerStatusPages } from '../../web/portal/status-pages.ts';
import { noticeOutbox } from '../features/requests/db/notice-outbox.ts';
import { requestFileRepository } from '../features/requests/db/request-file-repository.ts';
import { caseFiles } from '../features/requests/use-cases/case-files.ts';
import { registerCaseFileRoutes } from '../features/requests/http/case-file-routes.ts';
import { noticeSender } from '../features/requests/use-cases/notice-sender.ts';
import { registerNoticeRoutes } from '../features/requests/http/notice-routes.ts';
import { smtpTransport } from '../platform/mail/smtp-transport.ts';
import { registerLedgerExportRoutes } from '../features/ledger-import/http/ledger-export-routes.ts';
import { letterService } from '../features/requests/letters/letter-service.ts';
import { letterReferences } from '../features/requests/db/letter-references.ts';
import { registerRequestRoutes } from '../features/requests/http/request-routes.ts';
import { agencyCalendars } from './agency-calendars.ts';
import { registerPortalPages } from '../../web/portal/report-pages.ts';
import { registerApplicationPages } from '../../web/portal/application-pages.ts';
import { recentLookups } from './recent-lookups.ts';
import { registerBackgroundWork } from './background-work.ts';
import { countHits, type Hit } from '../platform/db/rate-limit-windows.ts';
import { groupedWrites } from '../platform/db/grouped-writes.ts';
import { configureFormTokens } from '../../web/portal/form-token.ts';
import { registerDocumentPages } from '../../web/portal/document-pages.ts';
import { documentRepository } from '../features/proactive-disclosure/db/document-repository.ts';
import { documentService } from '../features/proactive-disclosure/use-cases/document-service.ts';
import {
  refuse as refuseDocument,
  registerDocumentRoutes,
} from '../features/proactive-disclosure/http/document-routes.ts';
import { registerFigureRoutes } from '../features/proactive-disclosure/http/figure-routes.ts';
import { figuresRepository } from '../features/proactive-disclosure/db/figures-repository.ts';
import { databaseFactSource } from './database-fact-source.ts';
import { disclosureSettingsService } from '../features/proactive-disclosure/use-cases/disclosure-settings-service.ts';
import { normativeRegister } from '../features/proactive-disclosure/use-cases/normative-register.ts';
import { registerRegisterRoutes } from '../features/proactive-disclosure/http/register-routes.ts';
import { registerDisclosurePages } from '../../web/portal/disclosure-pages.ts';
import { messageService } from '../features/public-messages/use-cases/message-service.ts';
import { registerMessageRoutes } from '../features/public-messages/http/message-routes.ts';
import { registerMessagePages } from '../../web/portal/message-pages.ts';
import { attachmentService } from '../features/proactive-disclosure/use-cases/attachment-service.ts';
import { attachmentRepository } from '../features/proactive-disclosure/db/attachment-repository.ts';
import { registerAttachmentRoutes } from '../features/proactive-disclosure/http/attachment-routes.ts';
import { registerAuditRoutes } from '../features/report-import/http/audit-routes.ts';
import { registerAuditBatchRoutes } from '../features/report-import/http/audit-batch-routes.ts';
import { supervisionRepository } from '../features/supervision/db/supervision-repository.ts';
import { registerSupervisionRoutes } from '../features/supervision/http/supervision-routes.ts';
import { databaseFiling } from './database-filing.ts';
import { databaseEvidence } from './database-evidence.ts';
import { yearReplies } from './reply-counts.ts';
import { registerPublishedReportPages } from '../../web/portal/published-report-pages.ts';
import { registerAgencyHomePage } from '../../web/portal/agency-home-page.ts';
import { proceedingRepository } from '../features/reviews/db/proceeding-repository.ts';
import { proceedingService } from '../features/reviews/use-cases/proceeding-service.ts';
import { registerProceedingRoutes } from '../features/reviews/http/proceeding-routes.ts';
import { registerComparisonPages } from '../../web/portal/comparison-pages.ts';

export interface AppOptions {
  readonly logger?: boolean;
  readonly trustProxy?: string | boolean;
  readonly clock?: Clock;
  readonly secureCookies?: boolean;
  /** The site's address as the public reaches it, for absolute links (sitemaps, feeds). */
  readonly publicUrl?: string;
  /**
   * Notices to applicants by e-mail (default: SMTP_URL, GONGKAI_MAIL_FROM, and every
   * GONGKAI_MAIL_INTERVAL_SECONDS, 30): without a URL nothing is sent and the console shows what would be.
   */
  readonly mail?: { readonly url?: string; readonly from?: string; readonly intervalMs?: number };
  /** Idle session timeout and password age (default: GONGKAI_SESSION_IDLE_MINUTES, GONGKAI_PASSWORD_MAX_DAYS). */
  readonly staffPolicy?: StaffPolicy;
  /** How often lapsed periods are swept (default: GONGKAI_SWEEP_EVERY_SECONDS, 3600). */
  readonly sweepEveryMs?: number;
}

/** GONGKAI_SESSION_IDLE_MINUTES (default 30) and GONGKAI_PASSWORD_MAX_DAYS (default 90; 0: never). */
function staffPolicyFromEnvironment(): StaffPolicy {
  const number = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return {
    idleMinutes: Math.max(1, number('GONGKAI_SESSION_IDLE_MINUTES', DEFAULT_STAFF_POLICY.idleMinutes)),
    passwordMaxDays: number('GONGKAI_PASSWORD_MAX_DAYS', DEFAULT_STAFF_POLICY.passwordMaxDays),
  };
}

export async function createApp(handle: DatabaseHandle, options: AppOptions = {}): Promise<FastifyInstance> {
  // The hits of many requests counted in one statement (a group at a time, grouped-writes.ts).
  const countHit = groupedWrites((hits: readonly Hit[]) => countHits(handle.db, hits, Date.now()), {
    limit: 500,
  });
  const app = await createHttpServer({
    ...options,
    databaseAnswers: async () => (await sql`select 1 as one`.execute(handle.db)).rows.length === 1,
    // On PostgreSQL, counted in the database: the limits hold whichever process behind the proxy answers.
    // SQLite serves one server process, which counts in its memory (a write per request would cost a
    // commit each).
    ...(handle.dialect === 'postgres'
      ? { rateLimitCounter: (key: string, windowMs: number) => countHit({ key, windowMs }) }
      : {}),
  });
  const clock = options.clock ?? systemClock();
  const agencies = agencyRepository(handle.db);
  const requests = requestRepository(handle.db);
  const findAgency = recentLookups((id: string) => agencies.find(id), 1000);
  /** The calendar of the agency's jurisdiction. */
  const calendars = agencyCalendars(handle.db, findAgency);
  const { calendarFor } = calendars;
  const source = databaseFactSource(handle.db, calendarFor);
  const secureCookies = options.secureCookies ?? process.env.GONGKAI_SECURE_COOKIES === '1';
  configureFormTokens({
    secure: secureCookies,
    ...(process.env.GONGKAI_SECRET ? { secret: process.env.GONGKAI_SECRET } : {}),
  });
  const staff = staffRepository(handle.db, options.staffPolicy ?? staffPolicyFromEnvironment());
  const auth = {
    staff,
    // Sessions, locks and their audit entries go by the real clock, whatever day the app is told it is.
    accounts: accountService({
      staff,
      audit: (entry) => appendAudit(handle.db, entry),
      commonPasswords: COMMON_PASSWORDS,
      now: () => new Date(),
    }),
    ancestorsOf: (id: string) => agencies.ancestors(id),
    secureCookies,
    today: clock.today,
  };
  const supervision = supervisionRepository(handle.db);
  /** A filed year is locked for every write path that would change its figures. */
  const yearLock = (agencyId: string, year: number) => supervision.isLocked(agencyId, year);
  const caseStore = caseRepository(handle.db);
  const replies = yearReplies(handle.db, calendarFor);
  const filing = databaseFiling(handle.db, clock, source, replies);

  const settings = disclosureSettingsService(handle.db, clock.now);
  /** Enabled accounts that may work the agency's cases: its own officers and those of the agencies above. */
  const caseWorkers = async (agencyId: string) =>
    (await staff.enabledIn([agencyId, ...(await agencies.ancestors(agencyId))])).filter((a) =>
      hasPermission(a.roles, 'work-cases'),
    );
  /** Whether the agency has an extension or later date approved by a second person (公开设置). */
  const separationOfDuties = async (agencyId: string) =>
    (await settings.settingsFor(agencyId)).separationOfDuties;
  const cases = caseService({
    store: caseStore,
    calendarFor,
    today: clock.today,
    now: clock.now,
    queryCodes,
    yearLock,
    separationOfDuties,
    caseWorkerName: async (agencyId, username) =>
      (await caseWorkers(agencyId)).find((a) => a.username === username)?.displayName,
  });

  const proceedings = proceedingService({
    store: proceedingRepository(handle.db),
    caseSubmittedOn: async (agencyId, id) => (await cases.view(agencyId, id))?.case.submittedOn,
    today: clock.today,
    now: clock.now,
    yearLock,
  });

  registerStaffSession(app, auth);
  registerAccountRoutes(app, auth);
  registerProceedingRoutes(app, { proceedings, auth });
  await registerConsoleAssets(app);
  app.get('/api/agencies', async () => ({ agencies: await agencies.list() }));
  const files = renderCache();
  registerReportRoutes(app, { source, findAgency, files, today: clock.today });
  const letters = letterService({
    view: cases.view,
    numbering: letterReferences(handle.db),
    agencyChain: async (agencyId) => {
      const chain = await Promise.all(
        [agencyId, ...(await agencies.ancestors(agencyId))].map((id) => agencies.find(id)),
      );
      const known = chain.filter((a) => a !== undefined);
      return { agency: known[0] ?? { name: agencyId }, ancestors: known.slice(1) };
    },
    settingsFor: settings.settingsFor,
    calendarFor,
  });
  registerLetterRoutes(app, { auth, letters });
  const register = normativeRegister(handle.db, clock.now, yearLock);
  const documents = documentService({
    documents: documentRepository(handle.db, clock.now),
    today: clock.today,
    calendarFor,
    settingsFor: settings.settingsFor,
  });
  registerRequestRoutes(app, {
    draftProactiveDocument: async (agencyId, input, actor) => {
      const drafted = await documents.draft(
        agencyId,
        { ...input, formedOn: clock.today(), attribute: { attribute: 'proactive' } },
        actor,
        async () => false,
      );
      if (!drafted.ok) refuseDocument(drafted.error);
      return drafted.value.id;
    },
    cases,
    auth,
    agencyExists: async (id) => (await findAgency(id)) !== undefined,
    calendarFor,
    today: clock.today,
    confirmationAlertWorkingDays: async (agencyId) =>
      (await settings.settingsFor(agencyId)).confirmationAlertWorkingDays,
    staffNames: (usernames) => staff.namesOf(usernames),
  });
  registerAdministrationRoutes(app, {
    handle,
    auth,
    settings,
    now: clock.now,
    calendarChanged: calendars.forget,
  });
  registerWorkRecordRoutes(app, {
    records: workRecordRepository(handle.db),
    auth,
    today: clock.today,
    now: clock.now,
    yearLock,
  });
  registerApprovalRoutes(app, {
    cases,
    auth,
    caseWorkers,
    separationOfDuties,
    staffNames: (usernames) => staff.namesOf(usernames),
  });
  registerDocumentRoutes(app, { documents, auth });
  registerFigureRoutes(app, { figures: figuresRepository(handle.db), auth, now: clock.now, yearLock });
  registerSupervisionRoutes(app, {
    filing,
    auth,
    evidence: databaseEvidence({
      agencies,
      replies: replies.of,
      timeliness: (agencyId, year) => documents.timeliness(agencyId, year),
      source,
      store: supervision,
      today: clock.today,
    }),
  });
  registerComparisonPages(app, {
    latestOfYear: (year) => filing.latestOfYear(year),
    latestPerYear: (agencyId) => filing.latestPerYear(agencyId),
    filedYears: () => filing.filedYears(),
    listAgencies: () => agencies.list(),
    findAgency: (id) => agencies.find(id),
  });
  registerPublishedReportPages(app, {
    files,
    filing,
    listAgencies: () => agencies.list(),
    findAgency: (id) => agencies.find(id),
    filedYears: () => filing.filedYears(),
  });
  const attachments = attachmentService({
    documents: documentRepository(handle.db, clock.now),
    attachments: attachmentRepository(handle.db),
    now: clock.now,
    inspectZip,
  });
  registerAttachmentRoutes(app, { attachments, auth });
  registerAuditRoutes(app, { auth });
  registerAuditBatchRoutes(app, { auth });
  const publicUrl = (options.publicUrl ?? 'http://localhost').replace(/\/+$/, '');
  registerDocumentPages(app, { documents, attachments, findAgency, publicUrl });
  registerRegisterRoutes(app, { register, settings, auth, today: clock.today });
  const answerDaysFor = async (agencyId: string) => (await settings.settingsFor(agencyId)).messageAnswerDays;
  const messages = messageService(handle.db, {
    calendarFor,
    answerDaysFor,
    today: clock.today,
    now: clock.now,
  });
  registerMessageRoutes(app, { messages, auth, today: clock.today });
  registerMessagePages(app, { messages, findAgency, answerDaysFor });
  registerDisclosurePages(app, {
    documents,
    register,
    findAgency,
    listAgencies: () => agencies.list(),
    reportYears: (id) => requests.reportYears(id),
    today: clock.today,
    publicUrl,
  });
  registerApplicationPages(app, { cases, findAgency, now: () => new Date(clock.now()) });
  const disclosedFiles = caseFiles({
    files: requestFileRepository(handle.db),
    cases,
    inspectZip,
    now: clock.now,
  });
  registerCaseFileRoutes(app, { files: disclosedFiles, auth });
  registerStatusPages(app, {
    cases,
    findAgency,
    draftLetter: letters.draft,
    today: clock.today,
    files: disclosedFiles,
  });
  const mail = {
    url: options.mail?.url ?? process.env.SMTP_URL,
    from: options.mail?.from ?? process.env.GONGKAI_MAIL_FROM ?? 'gongkai <noreply@localhost>',
    intervalMs: options.mail?.intervalMs ?? 1000 * Number(process.env.GONGKAI_MAIL_INTERVAL_SECONDS ?? 30),
  };
  const outbox = noticeOutbox(handle.db);
  const transport = mail.url ? smtpTransport(mail.url, mail.from) : undefined;
  const sender = noticeSender({
    outbox,
    ...(transport ? { transport } : {}),
    view: cases.view,
    agencyName: async (id) => (await agencies.find(id))?.name ?? id,
    draftLetter: letters.draft,
    statusUrl: (id) => `${publicUrl}/status?id=${encodeURIComponent(id)}`,
    now: () => new Date(),
  });
  registerNoticeRoutes(app, { outbox, sender, auth, now: () => new Date() });
  registerLedgerExportRoutes(app, {
    auth,
    requests: (agencyId) => requests.list(agencyId),
    proceedings: (agencyId) => proceedingRepository(handle.db).list(agencyId),
  });
  registerAgencyHomePage(app, {
    findAgency: (id) => agencies.find(id),
    children: (id) => agencies.children(id),
    documents,
    filedReports: (id) => filing.summariesOf([id]),
    reportYears: (id) => requests.reportYears(id),
    today: clock.today,
  });
  registerBackgroundWork(app, {
    db: handle.db,
    indexMissing: () => documentRepository(handle.db).indexMissing(),
    closeLapsedPeriods: async () => cases.closeLapsedPeriods((await agencies.list()).map((a) => a.id)),
    sweepEveryMs: options.sweepEveryMs ?? 1000 * Number(process.env.GONGKAI_SWEEP_EVERY_SECONDS ?? 3600),
    ...(transport ? { sendDue: () => sender.sendDue(), closeMail: () => transport.close() } : {}),
    mailIntervalMs: mail.intervalMs,
  });
  registerPortalPages(app, {
    source,
    findAgency,
    listAgencies: () => agencies.list(),
    reportYearsOf: (ids) => requests.reportYearsOf(ids),
    filedReportsOf: (ids) => filing.summariesOf(ids),
    today: clock.today,
    caseIdsAmong: (agencyId, ids) => caseStore.caseIdsAmong(agencyId, ids),
  });
  return app;
}
