/**
 * The text of a published report in any of the forms agencies publish it — plain text, an HTML page, a
 * DOCX, a PDF with a text layer, an XLSX — with every table row on one line and its cells separated by
 * tabs, so that one reader serves them all. Bad files end with a named reason, in bounded time and size.
 */
import { htmlToText } from './html-text.ts';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { decodeUnknownText } from './decode-bytes.ts';
import { mhtmlPage } from './mhtml.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { PdfLineItem } from '../../../platform/rendering/pdf-text.ts';
import { FILE_LIMITS, type FileLimits } from '../../../platform/untrusted-files/file-limits.ts';
import { measureZip } from '../../../platform/untrusted-files/zip-inflation.ts';
import { measurePdfStreams } from '../../../platform/untrusted-files/pdf-inflation.ts';

/**
 * The readers of DOCX, PDF and XLSX, loaded when the first file of their kind arrives: a worker reading
 * text and web pages starts without pdf.js, ExcelJS and mammoth (most of its start-up).
 */
const readers = {
  pdf: () => import('../../../platform/rendering/pdf-text.ts'),
  excel: async () => (await import('exceljs')).default,
  mammoth: async () => (await import('mammoth')).default,
};

export const REPORT_FILE_KINDS = ['txt', 'html', 'docx', 'pdf', 'xlsx'] as const;
export type ReportFileKind = (typeof REPORT_FILE_KINDS)[number];
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export type ExtractRefusal =
  | { readonly code: 'unsupported-file'; readonly extension: string }
  | { readonly code: 'file-too-large'; readonly limitBytes: number }
  | { readonly code: 'no-text-layer' }
  | { readonly code: 'unreadable-file'; readonly kind: ReportFileKind; readonly reason: string };

const KIND_OF: Readonly<Record<string, ReportFileKind>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  // A page saved as one file (网页，单个文件): its HTML part read (mhtml.ts).
  '.mht': 'html',
  '.mhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.xlsx': 'xlsx',
};

export function reportFileKind(fileName: string): ReportFileKind | undefined {
  return KIND_OF[extname(fileName).toLowerCase()];
}

/**
 * An HTML page's text, decoded once so that its shape can be measured before it is parsed: from its
 * bytes first (decode-bytes.ts), its declaration only where the bytes are not UTF-8.
 */
function decodeHtml(bytes: Uint8Array): string {
  return decodeUnknownText(bytes, { html: true });
}

/** UTF-8, or the Chinese legacy encoding the bytes read as (older pages and text files). */
function decodeText(bytes: Uint8Array): string {
  return decodeUnknownText(bytes);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function xlsxToText(bytes: Uint8Array, limits: FileLimits): Promise<string> {
  const workbook = new (await readers.excel()).Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  // The workbook's title (document properties) names the report when no sheet carries a title row.
  const lines: string[] = workbook.title ? [workbook.title] : [];
  workbook.eachSheet((sheet) => {
    lines.push('', sheet.name);
    if (sheet.rowCount > limits.tableRows)
      throw new Error(`工作表“${sheet.name}”超过 ${limits.tableRows} 行`);
    sheet.eachRow((row) => {
      const values: string[] = [];
      // A merged range repeats its value in every cell: only its first (master) cell counts.
      row.eachCell({ includeEmpty: true }, (cell) => {
        values.push(cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value));
      });
      lines.push(values.join('\t'));
    });
  });
  return lines.join('\n');
}

/** A zip (DOCX, XLSX) inflated and counted before its reader sees it. */
function checkZip(bytes: Uint8Array, kind: ReportFileKind, limits: FileLimits): ExtractRefusal | undefined {
  const measured = measureZip(bytes, limits);
  return measured.ok ? undefined : { code: 'unreadable-file', kind, reason: measured.error };
}

export interface ExtractedReport {
  readonly kind: ReportFileKind;
  readonly text: string;
  /** For a PDF: each text line's items with their positions (a blank cell leaves no trace in the text). */
  readonly layout?: ReadonlyArray<readonly PdfLineItem[]>;
}

/**
 * The text of a report file, within `limits` (counted on the work done: bytes inflated, pages, elements).
 * Runs in a worker of the file sandbox (use-cases/audit-report.ts); never call it on the event loop
 * with a file from outside.
 */
export async function extractReportText(
  fileName: string,
  bytes: Uint8Array,
  limits: FileLimits = FILE_LIMITS,
): Promise<Result<ExtractedReport, ExtractRefusal>> {
  const kind = reportFileKind(fileName);
  if (!kind) return err({ code: 'unsupported-file', extension: extname(fileName).toLowerCase() });
  if (bytes.length > MAX_REPORT_BYTES) return err({ code: 'file-too-large', limitBytes: MAX_REPORT_BYTES });
  const unreadable = (reason: string) => err({ code: 'unreadable-file' as const, kind, reason });
  const bounded = (text: string) =>
    text.length > limits.textChars
      ? unreadable(`文字超过 ${limits.textChars} 字，不像是一份年度报告`)
      : undefined;
  try {
    switch (kind) {
      case 'txt': {
        const text = decodeText(bytes);
        return bounded(text) ?? ok({ kind, text });
      }
      case 'html': {
        const page = /\.mht(ml)?$/i.test(fileName) ? mhtmlPage(bytes) : ok(decodeHtml(bytes));
        if (!page.ok) return unreadable(page.error);
        const text = htmlToText(page.value, limits);
        if (!text.ok) return unreadable(text.error);
        return bounded(text.value) ?? ok({ kind, text: text.value });
      }
      case 'docx': {
        const bomb = checkZip(bytes, kind, limits);
        if (bomb) return err(bomb);
        const { value } = await (await readers.mammoth()).convertToHtml({ buffer: Buffer.from(bytes) });
        const text = htmlToText(value, limits);
        if (!text.ok) return unreadable(text.error);
        return bounded(text.value) ?? ok({ kind, text: text.value });
      }
      case 'pdf': {
        const streams = await measurePdfStreams(bytes, limits);
        if (!streams.ok) return unreadable(streams.error);
        const { extractPdfLayout } = await readers.pdf();
        const layout = (await extractPdfLayout(bytes, { maxPages: limits.pages })).flat();
        const text = layout.map((line) => line.map((i) => i.text).join(' ')).join('\n');
        if (text.replace(/\s/g, '').length < 20) return err({ code: 'no-text-layer' });
        return bounded(text) ?? ok({ kind, text, layout });
      }
      case 'xlsx': {
        const bomb = checkZip(bytes, kind, limits);
        if (bomb) return err(bomb);
        const text = await xlsxToText(bytes, limits);
        return bounded(text) ?? ok({ kind, text });
      }
    }
  } catch (error) {
    if (kind === 'pdf' && error instanceof (await readers.pdf()).TooManyPages)
      return unreadable(error.message);
    return unreadable(libraryReason(error as Error));
  }
}

/**
 * A reader library's refusal (in English) said in the words a person reads: what is wrong with the file,
 * the library's own words after it for whoever looks into it.
 */
function libraryReason(error: Error): string {
  const words = String(error?.message ?? error).slice(0, 160);
  const said = (reason: string) => `${reason}（程序库的说明：${words}）`;
  if (error?.name === 'PasswordException') return said('文件有密码保护，无法打开');
  if (error?.name === 'InvalidPDFException' || error?.name === 'FormatError')
    return said('文件结构无效或不完整');
  if (/zip|central directory|end of data|corrupted/i.test(words))
    return said('压缩包结构无效或不完整（DOCX、XLSX 文件都是压缩包）');
  return said('文件内容无法解析');
}
