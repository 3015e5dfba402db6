/** The file sandbox's worker for one report file: extract and audit it, within the limits given. */
import { serveOneFile } from '../../../platform/untrusted-files/file-sandbox.ts';
import { auditReportFileHere, type ReportFileInput } from './audit-report.ts';

await serveOneFile((input: ReportFileInput, limits) => auditReportFileHere(input, limits));
