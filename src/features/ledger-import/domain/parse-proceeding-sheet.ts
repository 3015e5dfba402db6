/** The reconsideration and litigation ledger (行政复议、行政诉讼台账). */
import { normalizeLabel, type ProceedingKind, type ProceedingResult } from '../../annual-report/index.ts';
import type { Proceeding } from '../../reviews/index.ts';
import { readSheet, type LedgerSheet, type RowReader, type SheetParse } from './ledger-sheet.ts';

const KINDS: Readonly<Record<string, ProceedingKind>> = {
  review: 'review',
  lit_direct: 'lit_direct',
  lit_after_review: 'lit_after_review',
  行政复议: 'review',
  复议: 'review',
  未经复议直接起诉: 'lit_direct',
  直接起诉: 'lit_direct',
  复议后起诉: 'lit_after_review',
  经复议后起诉: 'lit_after_review',
};

const RESULTS: Readonly<Record<string, ProceedingResult | 'pending'>> = {
  upheld: 'upheld',
  corrected: 'corrected',
  other: 'other',
  pending: 'pending',
  维持: 'upheld',
  结果维持: 'upheld',
  纠正: 'corrected',
  结果纠正: 'corrected',
  其他: 'other',
  其他结果: 'other',
  尚未审结: 'pending',
  未审结: 'pending',
};

function lookup<T>(table: Readonly<Record<string, T>>, text: string): T | undefined {
  return table[text] ?? table[normalizeLabel(text)];
}

function readProceeding(row: RowReader): Proceeding | undefined {
  const id = row.required('id');
  const kindText = row.required('kind');
  const kind = kindText ? lookup(KINDS, kindText) : undefined;
  if (kindText && !kind) {
    row.fail(
      'kind',
      'unknown-proceeding-kind',
      `不认识的类型“${kindText}”：应为 行政复议（review）、未经复议直接起诉（lit_direct）或 复议后起诉（lit_after_review）`,
    );
  }
  const filedOn = row.date('filed_on', { required: true });
  const resultText = row.text('result');
  const result = resultText ? lookup(RESULTS, resultText) : 'pending';
  if (!result)
    row.fail(
      'result',
      'unknown-proceeding-result',
      `不认识的结果“${resultText}”：应为 结果维持、结果纠正、其他结果，或留空表示尚未审结`,
    );
  const decidedOn = row.date('decided_on', { required: false });
  if (result && result !== 'pending' && !row.text('decided_on'))
    row.fail('decided_on', 'result-without-decision', '已填写结果，但没有决定（审结）日期');
  if (result === 'pending' && row.text('decided_on'))
    row.fail('result', 'decision-without-result', '已填写决定（审结）日期，但没有结果');
  if (filedOn && decidedOn && decidedOn < filedOn)
    row.fail('decided_on', 'decided-before-filed', `决定日期 ${decidedOn} 早于立案日期 ${filedOn}`);
  if (!id || !kind || !filedOn || !result) return undefined;
  const requestId = row.optional('request_id');
  return {
    id,
    kind,
    filedOn,
    ...(result !== 'pending' && decidedOn ? { result, decidedOn } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function parseProceedingSheet(sheet: LedgerSheet): SheetParse<Proceeding> {
  return readSheet(sheet, 'reviews', readProceeding);
}
