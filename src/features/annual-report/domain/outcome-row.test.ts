import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOutcomeRow, OUTCOME_ROWS, outcomeLabel } from './outcome-row.ts';
import { parseApplicantType } from './applicant-type.ts';
import { FORMAT_2021 } from './report-format.ts';

test('the outcome rows are exactly the 21 result leaves of the format', () => {
  assert.deepEqual([...OUTCOME_ROWS], FORMAT_2021.resultLeafRows);
});

const outcomes: Array<[string, string]> = [
  ['r3_3_4', 'r3_3_4'],
  ['t3.r3_1', 'r3_1'],
  ['予以公开', 'r3_1'],
  ['（一）予以公开', 'r3_1'],
  ['部分公开', 'r3_2'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'r3_2'],
  ['保护第三方合法权益', 'r3_3_4'],
  ['4.保护第三方合法权益', 'r3_3_4'],
  ['4、保护第三方合法权益', 'r3_3_4'],
  ['不予公开-保护第三方合法权益', 'r3_3_4'],
  ['危及"三安全一稳定"', 'r3_3_3'],
  ['危及“三安全一稳定”', 'r3_3_3'],
  ['本机关不掌握相关政府信息', 'r3_4_1'],
  ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'r3_6_1'],
  ['申请人无正当理由逾期不补正', 'r3_6_1'],
  ['3.其他', 'r3_6_3'],
];

for (const [text, row] of outcomes) {
  test(`reads the outcome "${text}" as ${row}`, () => {
    assert.deepEqual(parseOutcomeRow(text), { ok: true, row });
  });
}

test('a group label without its ground is ambiguous, and nonsense is unknown', () => {
  const ambiguous = parseOutcomeRow('不予公开');
  assert.equal(ambiguous.ok, false);
  assert.equal(!ambiguous.ok && ambiguous.code, 'ambiguous-outcome');
  assert.deepEqual(parseOutcomeRow('已办结'), { ok: false, code: 'unknown-outcome' });
});

test('every printed label reads back as its own row', () => {
  for (const row of OUTCOME_ROWS) assert.deepEqual(parseOutcomeRow(outcomeLabel(row)), { ok: true, row });
});

test('applicant types read from ids, labels and common ledger words', () => {
  assert.equal(parseApplicantType('natural'), 'natural');
  assert.equal(parseApplicantType('自然人'), 'natural');
  assert.equal(parseApplicantType(' 法律服务机构 '), 'org_legal');
  assert.equal(parseApplicantType('法人或其他组织-科研机构'), 'org_research');
  assert.equal(parseApplicantType('社会公益组织'), 'org_nonprofit');
  assert.equal(parseApplicantType('其他'), 'org_other');
  assert.equal(parseApplicantType('外星人'), undefined);
});
