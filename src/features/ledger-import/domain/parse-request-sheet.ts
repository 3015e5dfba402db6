/** The requests ledger (依申请公开台账): one row per application. */
import {
  parseApplicantType,
  parseOutcomeRow,
  outcomeLabel,
  APPLICANT_TYPE_LABELS,
  type OutcomeRow,
} from '../../annual-report/index.ts';
import type { DisclosureRequest } from '../../requests/index.ts';
import { readSheet, type LedgerSheet, type RowReader, type SheetParse } from './ledger-sheet.ts';

function readOutcome(row: RowReader): OutcomeRow | undefined {
  const text = row.text('outcome');
  if (!text) return undefined;
  const parsed = parseOutcomeRow(text);
  if (parsed.ok) return parsed.row;
  if (parsed.code === 'ambiguous-outcome') {
    const options = parsed.candidates.map((r) => `${r} ${outcomeLabel(r)}`).join('；');
    row.fail('outcome', 'ambiguous-outcome', `“${text}”没有说明具体情形，请写明其中之一：${options}`);
  } else {
    row.fail(
      'outcome',
      'unknown-outcome',
      `不认识的办理结果“${text}”：应为表三的结果行编号（如 r3_3_4）或其名称（如 保护第三方合法权益）`,
    );
  }
  return undefined;
}

function readRequest(row: RowReader): DisclosureRequest | undefined {
  const id = row.required('id');
  const receivedOn = row.date('received_on', { required: true });
  const typeText = row.required('applicant_type');
  const applicantType = typeText ? parseApplicantType(typeText) : undefined;
  if (typeText && !applicantType) {
    const options = Object.entries(APPLICANT_TYPE_LABELS)
      .map(([k, v]) => `${v}（${k}）`)
      .join('、');
    row.fail('applicant_type', 'unknown-applicant-type', `不认识的申请人类型“${typeText}”：应为 ${options}`);
  }
  const outcome = readOutcome(row);
  const completedOn = row.date('completed_on', { required: false });
  if (row.text('outcome') && !row.text('completed_on'))
    row.fail('completed_on', 'outcome-without-completion', '已填写办理结果，但没有办结日期');
  if (!row.text('outcome') && row.text('completed_on'))
    row.fail('outcome', 'completion-without-outcome', '已填写办结日期，但没有办理结果');
  if (receivedOn && completedOn && completedOn < receivedOn) {
    row.fail(
      'completed_on',
      'completed-before-received',
      `办结日期 ${completedOn} 早于收到申请日期 ${receivedOn}`,
    );
  }
  if (!id || !receivedOn || !applicantType) return undefined;
  return {
    id,
    receivedOn,
    applicantType,
    ...(outcome && completedOn ? { outcome, completedOn } : {}),
    ...optionalText(row, ['channel', 'applicantName', 'subject']),
  };
}

function optionalText(
  row: RowReader,
  fields: Array<'channel' | 'applicantName' | 'subject'>,
): Partial<DisclosureRequest> {
  const keys = { channel: 'channel', applicantName: 'applicant_name', subject: 'subject' } as const;
  const result: Record<string, string> = {};
  for (const field of fields) {
    const value = row.optional(keys[field]);
    if (value) result[field] = value;
  }
  return result;
}

export function parseRequestSheet(sheet: LedgerSheet): SheetParse<DisclosureRequest> {
  return readSheet(sheet, 'requests', readRequest);
}
