/** The audit of one published report: its tables read from the text, then every consistency rule. */
import { checkConsistency, type CheckResult } from '../../annual-report/index.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { readReportText, type TextReading } from '../domain/read-report-text.ts';
import {
  extractReportText,
  type ExtractRefusal,
  type ReportFileKind,
} from '../extract/extract-report-text.ts';

export interface ReportAudit {
  readonly reading: TextReading;
  /** The rules R1–R10 over the cells read; cells not read make a rule `incomplete`, never `pass`. */
  readonly checks: readonly CheckResult[];
}

export function auditReportText(text: string): ReportAudit {
  const reading = readReportText(text);
  const checks =
    reading.format && Object.keys(reading.cells).length > 0
      ? checkConsistency({ format: reading.format, cells: reading.cells })
      : [];
  return { reading, checks };
}

/** A report file of any published form: its text extracted, then audited. */
export async function auditReportFile(
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<ReportAudit & { kind: ReportFileKind }, ExtractRefusal>> {
  const extracted = await extractReportText(fileName, bytes);
  if (!extracted.ok) return err(extracted.error);
  return ok({ kind: extracted.value.kind, ...auditReportText(extracted.value.text) });
}

export function extractRefusalMessage(refusal: ExtractRefusal): string {
  switch (refusal.code) {
    case 'unsupported-file':
      return `不支持 ${refusal.extension || '无扩展名'} 文件：可读取 TXT、HTML、DOCX、PDF、XLSX`;
    case 'file-too-large':
      return `文件超过 ${refusal.limitBytes / 1024 / 1024} MB`;
    case 'no-text-layer':
      return 'PDF 没有文字层（可能是扫描件），无法读取';
    case 'unreadable-file':
      return `${refusal.kind.toUpperCase()} 文件已损坏或无法解析：${refusal.reason}`;
  }
}
