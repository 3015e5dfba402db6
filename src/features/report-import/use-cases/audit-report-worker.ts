/** The file sandbox's worker for one report file: extract and audit it, within the limits given. */
import { serveFiles } from '../../../platform/untrusted-files/worker-pool.ts';
import { auditReportFileHere } from './audit-report-here.ts';
import type { ReportFileInput } from './audit-report.ts';

await serveFiles((input: ReportFileInput, limits) => auditReportFileHere(input, limits));
