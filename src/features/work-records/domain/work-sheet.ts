/**
 * Work records from a sheet (CSV or tab-separated, as a spreadsheet saves or copies it): a header row
 * naming 日期, 类别, 数量 and 名称 (or 账号 / 栏目 / 内容), 备注 optional; 类别 by its Chinese name. Every
 * problem is listed with its line, and nothing is kept unless every row is right.
 */
import { parse } from 'csv-parse/sync';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import {
  decideWorkRecord,
  kindOfLabel,
  refusalMessage,
  WORK_KINDS,
  WORK_RECORD_KINDS,
  type WorkRecordInput,
} from './work-record.ts';

export const MAX_SHEET_ROWS = 5000;

const HEADERS = {
  on: ['日期', '时间'],
  kind: ['类别', '类型', '工作类别'],
  count: ['数量', '件数', '条数', '次数', '人次'],
  subject: ['名称', '账号', '栏目', '内容', '事项'],
  note: ['备注', '说明'],
} as const;

export type SheetReading =
  | { readonly ok: true; readonly records: WorkRecordInput[] }
  | { readonly ok: false; readonly problems: string[] };

export function readWorkSheet(text: string, today: IsoDate): SheetReading {
  const clean = text.replace(/^\uFEFF/u, '');
  const firstLine = clean.split(/\r?\n/u, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t')
    ? '\t'
    : firstLine.includes('，') && !firstLine.includes(',')
      ? '，'
      : ',';
  let rows: string[][];
  try {
    rows = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { ok: false, problems: [`无法读取表格：${(error as Error).message}`] };
  }
  if (rows.length === 0) return { ok: false, problems: ['表格是空的'] };
  if (rows.length - 1 > MAX_SHEET_ROWS)
    return { ok: false, problems: [`表格超过 ${MAX_SHEET_ROWS} 行，请分批导入`] };
  const header = rows[0]!.map((h) => h.replace(/\s/gu, ''));
  const column = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = {
    on: column(HEADERS.on),
    kind: column(HEADERS.kind),
    count: column(HEADERS.count),
    subject: column(HEADERS.subject),
    note: column(HEADERS.note),
  };
  const missing = (['on', 'kind', 'count'] as const).filter((k) => at[k] < 0).map((k) => HEADERS[k][0]);
  if (missing.length > 0)
    return {
      ok: false,
      problems: [`第 1 行（表头）缺少：${missing.join('、')}（表头应有 日期、类别、数量、名称、备注）`],
    };
  const problems: string[] = [];
  const records: WorkRecordInput[] = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const cell = (index: number) => (index >= 0 ? (row[index] ?? '') : '');
    const kind = kindOfLabel(cell(at.kind));
    if (!kind) {
      problems.push(`第 ${line} 行：类别“${cell(at.kind)}”不认识，应为：${WORD_LIST}`);
      return;
    }
    const decided = decideWorkRecord(
      { kind, on: cell(at.on), count: cell(at.count), subject: cell(at.subject), note: cell(at.note) },
      today,
    );
    if (decided.ok) records.push(decided.value);
    else problems.push(`第 ${line} 行：${refusalMessage(decided.error)}`);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records };
}

const WORD_LIST = WORK_RECORD_KINDS.map((k) => WORK_KINDS[k].label).join('、');
