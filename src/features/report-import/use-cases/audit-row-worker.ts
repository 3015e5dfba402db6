/**
 * The file sandbox's worker for one report of a batch: extract and audit it, and answer with its batch
 * row and its 结转 (not the whole reading: a batch of thousands passes only what it keeps between threads).
 */
import { err, ok } from '../../../shared/domain/result.ts';
import { serveFiles } from '../../../platform/untrusted-files/worker-pool.ts';
import { auditReportFileHere } from './audit-report-here.ts';
import type { ReportFileInput } from './audit-report.ts';
import { batchReading } from './batch-row.ts';

await serveFiles(async (input: ReportFileInput, limits) => {
  const audit = await auditReportFileHere(input, limits);
  return audit.ok ? ok(batchReading(input.fileName, audit.value)) : err(audit.error);
});
