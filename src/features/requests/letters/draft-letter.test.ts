import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { CaseUnderTest, d } from '../../../../test-support/case-builder.ts';
import { draftLetter, type LetterContext } from './draft-letter.ts';
import { renderLetterDocx, renderLetterPdf } from './render-letter.ts';
import { extractPdfLines } from '../../../platform/rendering/pdf-text.ts';

const context: LetterContext = {
  agencyName: '示范市示范局',
  reconsiderationOrgan: '示范市人民政府',
  today: d('2025-03-10'),
};

function replied(outcome: Parameters<typeof draftLetter>[1]['outcome'] & string, on = '2025-03-10') {
  const c = new CaseUnderTest({ submittedOn: '2025-03-03' });
  c.do({ type: 'record-reply', on: d(on), outcome, legalBasis: `依据（${outcome}）` }, on);
  return c.state;
}

test('a 不予公开 reply since 2024 tells the applicant that reconsideration comes first (行政复议法 第二十三条)', () => {
  const letter = draftLetter('reply', replied('r3_3_4'), context);
  assert.ok(letter.ok);
  const text = letter.value.paragraphs.map((p) => p.text).join('');
  assert.match(text, /公开会对第三方合法权益造成损害/);
  assert.equal(
    letter.value.paragraphs[2]?.kind,
    'to-write',
    'the reasons to write come right after the decision',
  );
  assert.match(text, /依据（r3_3_4）/);
  assert.match(text, /应当先向示范市人民政府申请行政复议/);
  assert.match(text, /十五日内依法向人民法院提起行政诉讼/);
  assert.equal(letter.value.addressee, '张三：');
  assert.equal(letter.value.dateLine, '2025年3月10日');
});

test('other replies give the ordinary choice of reconsideration within 60 days or a suit within 6 months', () => {
  for (const outcome of ['r3_1', 'r3_4_1', 'r3_5_2'] as const) {
    const letter = draftLetter('reply', replied(outcome), context);
    assert.ok(letter.ok);
    assert.match(
      letter.value.paragraphs.at(-1)?.text ?? '',
      /六十日内向示范市人民政府申请行政复议，或者自收到本告知书之日起六个月内/,
      outcome,
    );
  }
  const partial = draftLetter('reply', replied('r3_2'), context);
  assert.ok(
    partial.ok && /应当先/.test(partial.value.paragraphs.at(-1)?.text ?? ''),
    'the withheld part of 部分公开 also goes to reconsideration first',
  );
});

test('a letter that does not apply to the case is refused with the reason', () => {
  const open = new CaseUnderTest({ submittedOn: '2025-03-03' }).state;
  assert.deepEqual(draftLetter('reply', open, context), {
    ok: false,
    error: { code: 'letter-not-applicable', kind: 'reply', reason: '该申请尚未答复' },
  });
  assert.equal(draftLetter('fee-notice', open, context).ok, false);
});

test('the 补正, extension, consultation and fee letters carry their dates and the law', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    { type: 'request-clarification', on: d('2024-11-06'), periodWorkingDays: 10, items: '请写明文件名称' },
    '2024-11-06',
  );
  const clarification = draftLetter('clarification-notice', c.state, context);
  assert.ok(clarification.ok);
  assert.match(
    clarification.value.paragraphs.map((p) => p.text).join(''),
    /请于2024年11月20日前（10个工作日内）提交补正后的申请/,
  );
  c.do({ type: 'receive-clarification', on: d('2024-11-15') }, '2024-11-15');
  c.do(
    {
      type: 'start-consultation',
      consultationId: 'c1',
      party: 'third-party',
      partyName: '某公司',
      issuedOn: d('2024-11-18'),
      deliveredOn: d('2024-11-19'),
    },
    '2024-11-19',
  );
  const consultation = draftLetter('consultation-letter', c.state, context);
  assert.ok(consultation.ok);
  assert.equal(consultation.value.addressee, '某公司：');
  assert.match(
    consultation.value.paragraphs.map((p) => p.text).join(''),
    /第三十二条.*15个工作日内（2024年12月10日前）/,
  );
  c.do(
    { type: 'record-consultation-answer', consultationId: 'c1', on: d('2024-11-25'), position: 'consents' },
    '2024-11-25',
  );
  c.do(
    {
      type: 'grant-extension',
      workingDays: 15,
      approvedBy: '李主任',
      approvedOn: d('2024-12-02'),
      noticeSentOn: d('2024-12-02'),
    },
    '2024-12-02',
  );
  assert.match(draftLetter('extension-notice', c.state, context).ok ? 'ok' : '', /ok/);
  c.do(
    {
      type: 'issue-fee-notice',
      method: 'per-page',
      amountYuan: 4700,
      pages: 250,
      issuedOn: d('2024-12-03'),
      deliveredOn: d('2024-12-04'),
    },
    '2024-12-04',
  );
  const fee = draftLetter('fee-notice', c.state, context);
  assert.ok(fee.ok);
  assert.match(
    fee.value.paragraphs.map((p) => p.text).join(''),
    /按量计收收取信息处理费，金额为人民币4700元.*2025年1月2日前/,
  );
});

test('letters render as DOCX and as PDF with selectable Chinese text', async () => {
  const letter = draftLetter('reply', replied('r3_3_6'), context);
  assert.ok(letter.ok);
  const { value: docxText } = await mammoth.extractRawText({ buffer: await renderLetterDocx(letter.value) });
  assert.match(docxText, /政府信息公开申请答复告知书/);
  assert.match(docxText, /属于讨论记录、过程稿、磋商信函、请示报告等过程性信息/);
  const pdfText = (await extractPdfLines(await renderLetterPdf(letter.value))).flat().join('');
  assert.match(pdfText.replace(/\s/g, ''), /政府信息公开申请答复告知书/);
  assert.match(pdfText.replace(/\s/g, ''), /示范市示范局/);
});
