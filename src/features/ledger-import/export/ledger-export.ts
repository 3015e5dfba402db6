/**
 * The ledger (台账) of a report year, as XLSX with the Chinese headers the ledger import reads: the
 * requests the year's report counts (received in the year, or received before it and not finished
 * before it — the carry-over), and the reconsiderations and suits filed up to the year's end that were
 * not decided before it. Exported and imported into an empty agency, it gives the same report.
 */
import {
  APPLICANT_TYPE_LABELS,
  outcomeLabel,
  type ProceedingKind,
  type ProceedingResult,
} from '../../annual-report/index.ts';
import type { DisclosureRequest } from '../../requests/index.ts';
import type { Proceeding } from '../../reviews/index.ts';
import { LEDGER_COLUMNS, type LedgerFileKind } from '../domain/ledger-columns.ts';

const KIND_LABELS: Readonly<Record<ProceedingKind, string>> = {
  review: '行政复议',
  lit_direct: '未经复议直接起诉',
  lit_after_review: '复议后起诉',
};
const RESULT_LABELS: Readonly<Record<ProceedingResult, string>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
};

/** What the year's report counts: received in the year, or carried into it. */
export function requestsOfYear(requests: readonly DisclosureRequest[], year: number): DisclosureRequest[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return requests
    .filter((r) => r.receivedOn <= end && (r.receivedOn >= start || !r.completedOn || r.completedOn >= start))
    .sort((a, b) =>
      a.receivedOn === b.receivedOn ? a.id.localeCompare(b.id) : a.receivedOn < b.receivedOn ? -1 : 1,
    );
}

export function proceedingsOfYear(proceedings: readonly Proceeding[], year: number): Proceeding[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return proceedings
    .filter((p) => p.filedOn <= end && (!p.decidedOn || p.decidedOn >= start))
    .sort((a, b) => (a.filedOn === b.filedOn ? a.id.localeCompare(b.id) : a.filedOn < b.filedOn ? -1 : 1));
}

const header = (kind: LedgerFileKind, key: string) =>
  LEDGER_COLUMNS[kind].find((c) => c.key === key)!.headers[0]!;

async function workbook(
  kind: LedgerFileKind,
  keys: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
) {
  // ExcelJS is loaded when a ledger is first exported (it is large).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'gongkai';
  const sheet = book.addWorksheet(kind === 'requests' ? '依申请公开台账' : '行政复议诉讼台账');
  sheet.addRow(keys.map((k) => header(kind, k)));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(
      60,
      Math.max(10, ...[keys[i] ?? '', ...rows.map((r) => r[i] ?? '')].map((v) => v.length * 2)),
    );
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function requestsLedger(requests: readonly DisclosureRequest[], year: number): Promise<Buffer> {
  const keys = [
    'id',
    'received_on',
    'applicant_type',
    'outcome',
    'completed_on',
    'channel',
    'applicant_name',
    'subject',
  ];
  return workbook(
    'requests',
    keys,
    requestsOfYear(requests, year).map((r) => [
      r.id,
      r.receivedOn,
      APPLICANT_TYPE_LABELS[r.applicantType],
      r.outcome ? outcomeLabel(r.outcome) : '',
      r.completedOn ?? '',
      r.channel ?? '',
      r.applicantName ?? '',
      r.subject ?? '',
    ]),
  );
}

export function proceedingsLedger(proceedings: readonly Proceeding[], year: number): Promise<Buffer> {
  const keys = ['id', 'kind', 'filed_on', 'result', 'decided_on', 'request_id'];
  return workbook(
    'reviews',
    keys,
    proceedingsOfYear(proceedings, year).map((p) => [
      p.id,
      KIND_LABELS[p.kind],
      p.filedOn,
      p.result ? RESULT_LABELS[p.result] : '',
      p.decidedOn ?? '',
      p.requestId ?? '',
    ]),
  );
}
