/**
 * A ledger file as rows of text, whatever its format (CSV or XLSX), and the row reader that turns cells
 * into values while collecting every problem with its line and column.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { columnKeyFor, columnTitle, LEDGER_COLUMNS, type LedgerFileKind } from './ledger-columns.ts';
import { parseLedgerDate } from './ledger-date.ts';
import type { LedgerProblem, LedgerProblemCode } from './ledger-problem.ts';

export interface LedgerSheet {
  readonly file: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<{ readonly line: number; readonly values: readonly string[] }>;
}

export interface SheetParse<T> {
  readonly records: T[];
  readonly problems: LedgerProblem[];
}

export interface ColumnMap {
  readonly kind: LedgerFileKind;
  readonly file: string;
  readonly indexByKey: ReadonlyMap<string, number>;
  readonly headerByKey: ReadonlyMap<string, string>;
}

/** Matches the header row to the kind's columns: missing or repeated columns are errors, unknown ones warnings. */
export function mapColumns(
  sheet: LedgerSheet,
  kind: LedgerFileKind,
): { map: ColumnMap; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const indexByKey = new Map<string, number>();
  const headerByKey = new Map<string, string>();
  const problem = (
    code: LedgerProblemCode,
    severity: 'error' | 'warning',
    column: string | undefined,
    message: string,
  ) => problems.push({ file: sheet.file, line: 1, ...(column ? { column } : {}), code, severity, message });
  sheet.headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const key = columnKeyFor(kind, header);
    if (!key) return problem('unknown-column', 'warning', header, `不认识的列“${header}”，已忽略`);
    if (indexByKey.has(key))
      return problem(
        'duplicate-column',
        'error',
        header,
        `列“${header}”与“${headerByKey.get(key)}”重复，都表示 ${key}`,
      );
    indexByKey.set(key, index);
    headerByKey.set(key, header);
  });
  for (const column of LEDGER_COLUMNS[kind]) {
    if (column.required && !indexByKey.has(column.key)) {
      problem(
        'missing-column',
        'error',
        undefined,
        `缺少必需的列 ${columnTitle(kind, column.key)}；表头为：${sheet.headers.join('、')}`,
      );
    }
  }
  return { map: { kind, file: sheet.file, indexByKey, headerByKey }, problems };
}

/** Reads one row's cells by column key, recording problems against the file's own header names. */
export class RowReader {
  constructor(
    private readonly map: ColumnMap,
    private readonly line: number,
    private readonly values: readonly string[],
    private readonly problems: LedgerProblem[],
  ) {}

  text(key: string): string {
    const index = this.map.indexByKey.get(key);
    return index === undefined ? '' : (this.values[index] ?? '').trim();
  }

  optional(key: string): string | undefined {
    return this.text(key) || undefined;
  }

  required(key: string): string | undefined {
    const value = this.text(key);
    if (!value) this.fail(key, 'missing-value', `${columnTitle(this.map.kind, key)}不能为空`);
    return value || undefined;
  }

  date(key: string, { required }: { required: boolean }): IsoDate | undefined {
    const value = this.text(key);
    if (!value) {
      if (required) this.fail(key, 'missing-value', `${columnTitle(this.map.kind, key)}不能为空`);
      return undefined;
    }
    const date = parseLedgerDate(value);
    if (!date)
      this.fail(
        key,
        'invalid-date',
        `“${value}”不是有效日期（可写作 2024-03-05、2024/3/5、2024年3月5日 或 2024.3.5）`,
      );
    return date;
  }

  fail(key: string, code: LedgerProblemCode, message: string): void {
    const column = this.map.headerByKey.get(key) ?? key;
    this.problems.push({ file: this.map.file, line: this.line, column, code, severity: 'error', message });
  }
}

/** Runs `readRow` over every non-blank row; rows with a problem yield no record. */
export function readSheet<T>(
  sheet: LedgerSheet,
  kind: LedgerFileKind,
  readRow: (row: RowReader) => T | undefined,
): SheetParse<T> & { ids: Map<string, number> } {
  const { map, problems } = mapColumns(sheet, kind);
  const records: T[] = [];
  const ids = new Map<string, number>();
  if (problems.some((p) => p.severity === 'error')) return { records, problems, ids };
  for (const { line, values } of sheet.rows) {
    if (values.every((v) => v.trim() === '')) continue;
    const before = problems.length;
    const row = new RowReader(map, line, values, problems);
    const id = row.text('id');
    const firstLine = ids.get(id);
    if (id && firstLine !== undefined)
      row.fail('id', 'duplicate-id', `编号“${id}”重复，第${firstLine}行已使用`);
    else if (id) ids.set(id, line);
    const record = readRow(row);
    if (record !== undefined && problems.length === before) records.push(record);
  }
  return { records, problems, ids };
}
