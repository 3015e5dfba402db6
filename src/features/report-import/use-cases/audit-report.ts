/** The audit of one published report: its tables read from the text, then every consistency rule. */
import { checkConsistency, type CheckResult, type TextFigure } from '../../annual-report/index.ts';
import { proseOf, repeatedShare, statedFigures } from '../domain/report-prose.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { readReportText, type TextLayout, type TextReading } from '../domain/read-report-text.ts';
import {
  extractReportText,
  type ExtractRefusal,
  type ReportFileKind,
} from '../extract/extract-report-text.ts';

export interface ReportAudit {
  readonly reading: TextReading;
  /** The rules R1–R10 over the cells read; cells not read make a rule `incomplete`, never `pass`. */
  readonly checks: readonly CheckResult[];
  /** The R8 figures the report's text states. */
  readonly stated: Partial<Record<TextFigure, number>>;
  /** With last year's report: the share of this year's prose repeated word for word (digits aside). */
  readonly repeatedShare?: number;
}

export function auditReportText(text: string, previousText?: string, layout?: TextLayout): ReportAudit {
  const reading = readReportText(text, layout);
  const prose = proseOf(text);
  const stated = statedFigures(prose);
  const previous = previousText ? readReportText(previousText) : undefined;
  const checks =
    reading.format && Object.keys(reading.cells).length > 0
      ? checkConsistency(
          { format: reading.format, cells: reading.cells },
          {
            statedFigures: stated,
            ...(previous?.format ? { previous: { format: previous.format, cells: previous.cells } } : {}),
          },
        )
      : [];
  return {
    reading,
    checks,
    stated,
    ...(previousText ? { repeatedShare: repeatedShare(prose, proseOf(previousText)) } : {}),
  };
}

/** A report file of any published form: its text extracted, then audited. */
export async function auditReportFile(
  fileName: string,
  bytes: Uint8Array,
  previous?: { fileName: string; bytes: Uint8Array },
): Promise<Result<ReportAudit & { kind: ReportFileKind }, ExtractRefusal>> {
  const extracted = await extractReportText(fileName, bytes);
  if (!extracted.ok) return err(extracted.error);
  let previousText: string | undefined;
  if (previous) {
    const before = await extractReportText(previous.fileName, previous.bytes);
    if (!before.ok) return err(before.error);
    previousText = before.value.text;
  }
  return ok({
    kind: extracted.value.kind,
    ...auditReportText(extracted.value.text, previousText, extracted.value.layout),
  });
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
