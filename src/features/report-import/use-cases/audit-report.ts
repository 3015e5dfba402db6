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
import type { FileLimits } from '../../../platform/untrusted-files/file-limits.ts';
import {
  sandboxRefusalMessage,
  sharedFileSandbox,
  type SandboxRefusal,
} from '../../../platform/untrusted-files/file-sandbox.ts';

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

export type AuditRefusal = ExtractRefusal | SandboxRefusal;
export type FileAudit = ReportAudit & { kind: ReportFileKind };
export interface ReportFileInput {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly previous?: { fileName: string; bytes: Uint8Array };
}

/** Here, in this thread: the worker's work (audit-report-worker.ts), within `limits`. */
export async function auditReportFileHere(
  { fileName, bytes, previous }: ReportFileInput,
  limits?: FileLimits,
): Promise<Result<FileAudit, ExtractRefusal>> {
  const extracted = await extractReportText(fileName, bytes, limits);
  if (!extracted.ok) return err(extracted.error);
  let previousText: string | undefined;
  if (previous) {
    const before = await extractReportText(previous.fileName, previous.bytes, limits);
    if (!before.ok) return err(before.error);
    previousText = before.value.text;
  }
  return ok({
    kind: extracted.value.kind,
    ...auditReportText(extracted.value.text, previousText, extracted.value.layout),
  });
}

const WORKER = new URL('./audit-report-worker.ts', import.meta.url);

/**
 * A report file of any published form — a file from outside — its text extracted and audited in the
 * file sandbox (a worker thread with limits on time, memory, inflated bytes, pages and nesting), so a
 * hostile file never holds up the server. `account` names who asked, for the per-account limit.
 */
export async function auditReportFile(
  fileName: string,
  bytes: Uint8Array,
  previous?: { fileName: string; bytes: Uint8Array },
  account?: string,
): Promise<Result<FileAudit, AuditRefusal>> {
  const input: ReportFileInput = { fileName, bytes, ...(previous ? { previous } : {}) };
  const done = await sharedFileSandbox().run<Result<FileAudit, ExtractRefusal>>(
    WORKER,
    input,
    account !== undefined ? { key: account } : {},
  );
  return done.ok ? done.value : done;
}

export function extractRefusalMessage(refusal: AuditRefusal): string {
  switch (refusal.code) {
    case 'file-too-slow':
    case 'file-too-big-in-memory':
    case 'file-reader-crashed':
    case 'sandbox-busy':
    case 'too-many-files-at-once':
      return sandboxRefusalMessage(refusal);
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

/** The HTTP error code for a refused file: busy and per-account limits are not the file's fault. */
export function auditRefusalCode(
  refusal: AuditRefusal,
): 'unsupported-media-type' | 'invalid-request' | 'busy' | 'too-many-requests' {
  if (refusal.code === 'unsupported-file') return 'unsupported-media-type';
  if (refusal.code === 'sandbox-busy') return 'busy';
  if (refusal.code === 'too-many-files-at-once') return 'too-many-requests';
  return 'invalid-request';
}
