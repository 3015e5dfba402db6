/**
 * The text of a published report in any of the forms agencies publish it — plain text, an HTML page, a
 * DOCX, a PDF with a text layer, an XLSX — with every table row on one line and its cells separated by
 * tabs, so that one reader serves them all. Bad files end with a named reason, in bounded time and size.
 */
import { extname } from 'node:path';
import * as cheerio from 'cheerio';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { extractPdfLayout, type PdfLineItem } from '../../../platform/rendering/pdf-text.ts';

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
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.xlsx': 'xlsx',
};

export function reportFileKind(fileName: string): ReportFileKind | undefined {
  return KIND_OF[extname(fileName).toLowerCase()];
}

/** UTF-8, or GB18030 when the bytes are not valid UTF-8 (older pages and text files). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const BLOCKS = 'p,div,h1,h2,h3,h4,h5,h6,li,section,article,table,caption,title,tr';

/** Table rows become tab-separated lines; every other block its own line. */
export function htmlToText(html: cheerio.CheerioAPI): string {
  html('script,style,noscript,head').remove();
  html('tr').each((_, row) => {
    const cells = html(row)
      .children('td,th')
      .map((__, cell) => html(cell).text().replace(/\s+/g, ' ').trim())
      .get();
    html(row).replaceWith(`<p>${cells.map((c) => escape(c)).join('\t')}</p>`);
  });
  html('br').replaceWith('\n');
  html(BLOCKS).each((_, block) => {
    html(block).prepend('\n').append('\n');
  });
  const text = html('body').length ? html('body').text() : html.root().text();
  return text
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function escape(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function xlsxToText(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  // The workbook's title (document properties) names the report when no sheet carries a title row.
  const lines: string[] = workbook.title ? [workbook.title] : [];
  workbook.eachSheet((sheet) => {
    lines.push('', sheet.name);
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

/** Limits of what a DOCX or XLSX may unpack to: a zip bomb ends here, before anything is decompressed. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 5_000;

/**
 * Reads a zip's central directory (end record, then each entry's header) for the entry count and the
 * sizes the entries unpack to — without unpacking anything.
 */
function checkZip(bytes: Uint8Array, kind: ReportFileKind): ExtractRefusal | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length)
    return { code: 'unreadable-file', kind, reason: '不是有效的压缩包' };
  const entries = buffer.readUInt16LE(end + 10);
  if (entries > MAX_ZIP_ENTRIES)
    return { code: 'unreadable-file', kind, reason: `压缩包内文件过多（${entries} 个）` };
  let at = buffer.readUInt32LE(end + 16);
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50)
      return { code: 'unreadable-file', kind, reason: '压缩包目录已损坏' };
    unpacked += buffer.readUInt32LE(at + 24);
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  if (unpacked > MAX_UNPACKED_BYTES)
    return {
      code: 'unreadable-file',
      kind,
      reason: `解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB（疑似压缩炸弹）`,
    };
  return undefined;
}

export interface ExtractedReport {
  readonly kind: ReportFileKind;
  readonly text: string;
  /** For a PDF: each text line's items with their positions (a blank cell leaves no trace in the text). */
  readonly layout?: ReadonlyArray<readonly PdfLineItem[]>;
}

export async function extractReportText(
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<ExtractedReport, ExtractRefusal>> {
  const kind = reportFileKind(fileName);
  if (!kind) return err({ code: 'unsupported-file', extension: extname(fileName).toLowerCase() });
  if (bytes.length > MAX_REPORT_BYTES) return err({ code: 'file-too-large', limitBytes: MAX_REPORT_BYTES });
  try {
    switch (kind) {
      case 'txt':
        return ok({ kind, text: decodeText(bytes) });
      case 'html':
        return ok({ kind, text: htmlToText(cheerio.loadBuffer(Buffer.from(bytes))) });
      case 'docx': {
        const bomb = checkZip(bytes, kind);
        if (bomb) return err(bomb);
        const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
        return ok({ kind, text: htmlToText(cheerio.load(value)) });
      }
      case 'pdf': {
        const layout = (await extractPdfLayout(bytes)).flat();
        const text = layout.map((line) => line.map((i) => i.text).join(' ')).join('\n');
        if (text.replace(/\s/g, '').length < 20) return err({ code: 'no-text-layer' });
        return ok({ kind, text, layout });
      }
      case 'xlsx': {
        const bomb = checkZip(bytes, kind);
        if (bomb) return err(bomb);
        return ok({ kind, text: await xlsxToText(bytes) });
      }
    }
  } catch (error) {
    return err({ code: 'unreadable-file', kind, reason: (error as Error).message.slice(0, 200) });
  }
}
