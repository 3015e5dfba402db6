/** Every migration, in order. A new migration is a new file here; an old one is never edited. */
import type { Migration } from 'kysely';
import * as createAgenciesAndRecords from './2026-11-29T1600-create-agencies-and-records.ts';
import * as createWorkCalendarYears from './2026-11-29T1700-create-work-calendar-years.ts';
import * as createRequestCases from './2026-11-29T1800-create-request-cases.ts';
import * as createStaffAccounts from './2026-11-29T1900-create-staff-accounts.ts';
import * as addAgencyJurisdiction from './2026-11-29T2000-add-agency-jurisdiction.ts';
import * as createPublicDocuments from './2026-11-29T2100-create-public-documents.ts';
import * as createDocumentSearchIndex from './2026-11-29T2200-create-document-search-index.ts';
import * as addDisclosureRecords from './2026-11-30T0900-add-disclosure-records.ts';
import * as addDocumentIssuersAndAttachments from './2026-11-30T1000-add-document-issuers-and-attachments.ts';
import * as createReportingSeasons from './2026-12-01T0900-create-reporting-seasons-and-filed-reports.ts';
import * as addFiledReportIndicators from './2026-12-01T1000-add-filed-report-indicators.ts';
import * as chainAuditLog from './2026-12-01T1100-chain-audit-log.ts';
import * as indexQueryCodes from './2026-12-02T0900-index-query-codes.ts';
import * as anchorCaseEventsAndDocumentSteps from './2026-12-06T0900-anchor-case-events-and-document-steps.ts';
import * as staffAccountLifecycle from './2026-12-06T1000-staff-account-lifecycle.ts';
import * as indexApplicantIdentity from './2026-12-06T1100-index-applicant-identity.ts';
import * as createLetterReferences from './2026-12-06T1200-create-letter-references.ts';
import * as createRequestSubmissions from './2026-12-06T1300-create-request-submissions.ts';
import * as createNoticeOutbox from './2026-12-06T1400-create-notice-outbox.ts';
import * as createRequestFiles from './2026-12-06T1500-create-request-files.ts';
import * as addCaseHandlers from './2026-12-06T1600-add-case-handlers.ts';
import * as add2019FormatFigures from './2026-12-06T1700-add-2019-format-figures.ts';
import * as createWorkRecords from './2026-12-06T1800-create-work-records.ts';
import * as createRateLimitWindows from './2026-12-06T1900-create-rate-limit-windows.ts';
import * as createJobLeases from './2026-12-06T2000-create-job-leases.ts';
import * as compressFiledReportsLz4 from './2026-12-07T0900-compress-filed-reports-lz4.ts';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-29T1600-create-agencies-and-records': createAgenciesAndRecords,
  '2026-11-29T1700-create-work-calendar-years': createWorkCalendarYears,
  '2026-11-29T1800-create-request-cases': createRequestCases,
  '2026-11-29T1900-create-staff-accounts': createStaffAccounts,
  '2026-11-29T2000-add-agency-jurisdiction': addAgencyJurisdiction,
  '2026-11-29T2100-create-public-documents': createPublicDocuments,
  '2026-11-29T2200-create-document-search-index': createDocumentSearchIndex,
  '2026-11-30T0900-add-disclosure-records': addDisclosureRecords,
  '2026-11-30T1000-add-document-issuers-and-attachments': addDocumentIssuersAndAttachments,
  '2026-12-01T0900-create-reporting-seasons-and-filed-reports': createReportingSeasons,
  '2026-12-01T1000-add-filed-report-indicators': addFiledReportIndicators,
  '2026-12-01T1100-chain-audit-log': chainAuditLog,
  '2026-12-02T0900-index-query-codes': indexQueryCodes,
  '2026-12-06T0900-anchor-case-events-and-document-steps': anchorCaseEventsAndDocumentSteps,
  '2026-12-06T1000-staff-account-lifecycle': staffAccountLifecycle,
  '2026-12-06T1100-index-applicant-identity': indexApplicantIdentity,
  '2026-12-06T1200-create-letter-references': createLetterReferences,
  '2026-12-06T1300-create-request-submissions': createRequestSubmissions,
  '2026-12-06T1400-create-notice-outbox': createNoticeOutbox,
  '2026-12-06T1500-create-request-files': createRequestFiles,
  '2026-12-06T1600-add-case-handlers': addCaseHandlers,
  '2026-12-06T1700-add-2019-format-figures': add2019FormatFigures,
  '2026-12-06T1800-create-work-records': createWorkRecords,
  '2026-12-06T1900-create-rate-limit-windows': createRateLimitWindows,
  '2026-12-06T2000-create-job-leases': createJobLeases,
  '2026-12-07T0900-compress-filed-reports-lz4': compressFiledReportsLz4,
};
