/**
 * The columns of each ledger file, by English key or by the Chinese headers agencies use.
 * Headers are matched after removing white space, brackets' content notes such as （必填）, and case.
 */
import { normalizeLabel } from '../../annual-report/index.ts';

export type LedgerFileKind = 'requests' | 'reviews' | 'documents';

export interface LedgerColumn {
  readonly key: string;
  readonly required: boolean;
  readonly headers: readonly string[];
}

export const LEDGER_COLUMNS: Readonly<Record<LedgerFileKind, readonly LedgerColumn[]>> = {
  requests: [
    { key: 'id', required: true, headers: ['申请编号', '编号', '申请号', '登记编号'] },
    { key: 'received_on', required: true, headers: ['收到申请日期', '收到申请之日', '收到日期', '登记日期'] },
    { key: 'applicant_type', required: true, headers: ['申请人类型', '申请人类别'] },
    { key: 'outcome', required: true, headers: ['办理结果', '答复结果', '处理结果'] },
    { key: 'completed_on', required: true, headers: ['办结日期', '答复日期', '办结时间'] },
    { key: 'channel', required: false, headers: ['申请方式', '提交方式', '申请渠道', '渠道'] },
    { key: 'applicant_name', required: false, headers: ['申请人', '申请人姓名', '申请人名称'] },
    { key: 'subject', required: false, headers: ['申请内容', '申请事项', '所需信息', '申请公开的信息'] },
  ],
  reviews: [
    { key: 'id', required: true, headers: ['编号', '案件编号', '案号'] },
    { key: 'kind', required: true, headers: ['类型', '案件类型', '类别'] },
    { key: 'filed_on', required: true, headers: ['立案日期', '收到日期', '申请日期', '起诉日期'] },
    { key: 'result', required: true, headers: ['结果', '审理结果', '复议诉讼结果'] },
    { key: 'decided_on', required: true, headers: ['决定日期', '审结日期', '结案日期'] },
    { key: 'request_id', required: false, headers: ['申请编号', '关联申请编号'] },
  ],
  documents: [
    { key: 'id', required: true, headers: ['编号', '文件编号'] },
    { key: 'kind', required: true, headers: ['类型', '文件类型', '类别'] },
    { key: 'title', required: true, headers: ['标题', '文件名称', '名称'] },
    { key: 'document_number', required: false, headers: ['发文字号', '文号'] },
    { key: 'issued_on', required: true, headers: ['制发日期', '印发日期', '发布日期', '成文日期'] },
    { key: 'repealed_on', required: false, headers: ['废止日期', '失效日期'] },
  ],
};

export function normalizeHeader(header: string): string {
  return normalizeLabel(header)
    .replace(/\((?:必填|选填|可选|YYYY-MM-DD)\)/gi, '')
    .replace(/^\*/, '')
    .toLowerCase();
}

const INDEX: Readonly<Record<LedgerFileKind, ReadonlyMap<string, string>>> = Object.fromEntries(
  (Object.keys(LEDGER_COLUMNS) as LedgerFileKind[]).map((kind) => [
    kind,
    new Map(
      LEDGER_COLUMNS[kind].flatMap((c) =>
        [c.key, ...c.headers].map((h) => [normalizeHeader(h), c.key] as const),
      ),
    ),
  ]),
) as unknown as Record<LedgerFileKind, ReadonlyMap<string, string>>;

/** The column key a header names in a ledger of this kind, or undefined. */
export function columnKeyFor(kind: LedgerFileKind, header: string): string | undefined {
  return INDEX[kind].get(normalizeHeader(header));
}

/** The header to show for a column key: the first Chinese header and the key. */
export function columnTitle(kind: LedgerFileKind, key: string): string {
  const column = LEDGER_COLUMNS[kind].find((c) => c.key === key);
  return column ? `${column.headers[0]}（${key}）` : key;
}
