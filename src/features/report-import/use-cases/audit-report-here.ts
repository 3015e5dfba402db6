/**
 * The worker's work (audit-report-worker.ts), here in this thread: a report file's text extracted (pdf.js,
 * mammoth, ExcelJS — loaded only where files are read, never on the server's own thread) and audited.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { FileLimits } from '../../../platform/untrusted-files/file-limits.ts';
import { extractReportText } from '../extract/extract-report-text.ts';
import { auditReportText, type AuditRefusal, type FileAudit, type ReportFileInput } from './audit-report.ts';

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
