/**
 * The worker's work (audit-report-worker.ts), here in this thread: a report file's text extracted (pdf.js,
 * mammoth, ExcelJS — loaded only where files are read, never on the server's own thread) and audited.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { FileLimits } from '../../../platform/untrusted-files/file-limits.ts';
import { extractReportText } from '../extract/extract-report-text.ts';
import {
  auditReportText,
  type AuditRefusal,
  type FileAudit,
  type ReportAudit,
  type ReportFileInput,
} from './audit-report.ts';
import { plainText } from '../domain/plain-text.ts';
import { reportsIn } from '../domain/several-reports.ts';

/** One file, within `limits`. */
export async function auditReportFileHere(
  { fileName, bytes, previous, carried }: ReportFileInput,
  limits?: FileLimits,
): Promise<Result<FileAudit, AuditRefusal>> {
  const extracted = await extractReportText(fileName, bytes, limits);
  if (!extracted.ok) return err(extracted.error);
  let previousText: string | undefined;
  if (previous) {
    const before = await extractReportText(previous.fileName, previous.bytes, limits);
    if (!before.ok) return err({ ...before.error, inPrevious: true });
    previousText = before.value.text;
  }
  return ok({
    kind: extracted.value.kind,
    ...auditReportText(extracted.value.text, previousText, extracted.value.layout, carried),
  });
}

/**
 * Each report a file holds audited on its own (most files hold one; a compilation several), within
 * `limits`: what a batch makes its rows of. Last year's 结转 (`carried`) and a PDF's positions are the first
 * report's; the reports after it are read from their text.
 */
export async function auditReportsHere(
  { fileName, bytes, carried }: Pick<ReportFileInput, 'fileName' | 'bytes' | 'carried'>,
  limits?: FileLimits,
): Promise<Result<ReportAudit[], AuditRefusal>> {
  const extracted = await extractReportText(fileName, bytes, limits);
  if (!extracted.ok) return err(extracted.error);
  const { text, layout } = extracted.value;
  return ok(
    reportsIn(plainText(text)).map((report, i) =>
      i === 0 ? auditReportText(report, undefined, layout, carried) : auditReportText(report),
    ),
  );
}
