/**
 * The file sandbox's worker for the reports of a batch: a group of files (one, or several small ones sent
 * together so that a batch of thousands is not paced by one message each way per file), each extracted
 * and audited in turn and answered with its batch row and its 结转 (not the whole reading: only what the
 * batch keeps passes between threads) — a row for each report of a compilation — or the reason it could
 * not be read.
 */
import { err, ok } from '../../../shared/domain/result.ts';
import { serveFiles } from '../../../platform/untrusted-files/worker-pool.ts';
import { auditReportsHere } from './audit-report-here.ts';
import type { ReportFileInput } from './audit-report.ts';
import { fileReading } from './batch-row.ts';

await serveFiles(async ({ files }: { files: readonly ReportFileInput[] }, limits) => {
  const rows = [];
  for (const input of files) {
    const audits = await auditReportsHere(input, limits);
    rows.push(audits.ok ? ok(fileReading(input.fileName, audits.value)) : err(audits.error));
  }
  return rows;
});
