/**
 * Reads a ledger file into rows of text, in the file sandbox (a worker with limits on time, memory,
 * inflated bytes and rows). CSV in UTF-8 (with or without BOM) or GB18030 — what Excel
 * on a Chinese Windows saves — and XLSX (the first worksheet with data). Excel date cells become
 * ISO dates; numbers keep their digits.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { LedgerSheet } from '../domain/ledger-sheet.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { FILE_LIMITS, type FileLimits } from '../../../platform/untrusted-files/file-limits.ts';
import { measureZip } from '../../../platform/untrusted-files/zip-inflation.ts';
import { sandboxRefusalMessage, sharedFileSandbox } from '../../../platform/untrusted-files/file-sandbox.ts';

export class LedgerFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Largest ledger file accepted: 50 MB is over a million rows of CSV. */
const MAX_BYTES = 50 * 1024 * 1024;

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function readCsvSheet(
  file: string,
  bytes: Uint8Array,
  limits: Pick<FileLimits, 'tableRows'> = FILE_LIMITS,
): LedgerSheet {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(decodeText(bytes), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new LedgerFileError(file, `不是有效的 CSV 文件：${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new LedgerFileError(file, '文件为空');
  if (rows.length > limits.tableRows) throw new LedgerFileError(file, `超过 ${limits.tableRows} 行`);
  return { file, headers: header.record, rows: rows.map((r) => ({ line: r.info.lines, values: r.record })) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readXlsxSheet(
  file: string,
  bytes: Uint8Array,
  limits: FileLimits = FILE_LIMITS,
): Promise<LedgerSheet> {
  const zip = measureZip(bytes, limits);
  if (!zip.ok) throw new LedgerFileError(file, `不是有效的 XLSX 文件：${zip.error}`);
  // ExcelJS is loaded here, in the sandbox's worker, never on the server's own thread.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new LedgerFileError(file, `不是有效的 XLSX 文件：${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) throw new LedgerFileError(file, '工作簿中没有数据');
  if (sheet.rowCount > limits.tableRows) throw new LedgerFileError(file, `工作表超过 ${limits.tableRows} 行`);
  const rows: Array<{ line: number; values: string[] }> = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values: string[] = [];
    for (let column = 1; column <= width; column++) values.push(cellText(row.getCell(column).value));
    rows.push({ line, values });
  });
  const [header, ...data] = rows;
  if (!header) throw new LedgerFileError(file, '工作簿中没有数据');
  return { file, headers: header.values, rows: data };
}

/** What a ledger may cost to read: more rows and a larger heap than a report, the same zip checks. */
export const LEDGER_LIMITS: Partial<FileLimits> = { tableRows: 1_100_000, heapMb: 1536, residentMb: 2048 };

export async function readLedgerSheet(path: string): Promise<LedgerSheet> {
  const file = basename(path);
  const extension = extname(path).toLowerCase();
  if (!['.xlsx', '.csv', '.txt'].includes(extension)) {
    throw new LedgerFileError(
      file,
      `不支持的文件类型“${extension || '（无扩展名）'}”：台账应为 .csv 或 .xlsx`,
    );
  }
  const bytes = await readBytes(path, file);
  const input: LedgerFileInput = { file, extension, bytes };
  const read = await sharedFileSandbox().run<Result<LedgerSheet, string>>(WORKER, input, {
    limits: LEDGER_LIMITS,
  });
  if (!read.ok) throw new LedgerFileError(file, sandboxRefusalMessage(read.error));
  if (!read.value.ok) throw new LedgerFileError(file, read.value.error);
  return read.value.value;
}

const WORKER = new URL('./read-ledger-worker.ts', import.meta.url);

export interface LedgerFileInput {
  readonly file: string;
  readonly extension: string;
  readonly bytes: Uint8Array;
}

/** Here, in this thread: the worker's work (read-ledger-worker.ts), within `limits`. */
export async function readLedgerBytes(
  { file, extension, bytes }: LedgerFileInput,
  limits: FileLimits,
): Promise<Result<LedgerSheet, string>> {
  try {
    return ok(
      extension === '.xlsx' ? await readXlsxSheet(file, bytes, limits) : readCsvSheet(file, bytes, limits),
    );
  } catch (error) {
    if (error instanceof LedgerFileError) return err(error.message);
    throw error;
  }
}

async function readBytes(path: string, file: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.size > MAX_BYTES)
      throw new LedgerFileError(file, `文件过大（${info.size} 字节，上限 ${MAX_BYTES} 字节）`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof LedgerFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new LedgerFileError(
      file,
      code === 'ENOENT' ? `文件不存在：${path}` : `无法读取文件：${code ?? (error as Error).message}`,
    );
  }
}
