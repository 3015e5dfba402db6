/** The letters that end a case or go to others: closing notices, the 第三十二条 notice, 第三十五条's letters. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseUnderTest, d } from '../../../../test-support/case-builder.ts';
import { draft, LETTER_CONTEXT as context } from '../../../../test-support/letter-fixtures.ts';
import { draftLetter } from './draft-letter.ts';
import { findLetter } from './letter-sources.ts';

test('closing notices: the 补正 not made, the fee not paid, the application withdrawn', () => {
  const lapsed = new CaseUnderTest({ submittedOn: '2024-11-04' });
  lapsed.do(
    { type: 'request-clarification', on: d('2024-11-06'), periodWorkingDays: 10, items: '请写明文件名称' },
    '2024-11-06',
  );
  lapsed.do({ type: 'close-lapsed-clarification' }, '2024-11-22');
  const clarification = draft(lapsed, 'closing-notice');
  assert.equal(clarification.letter.title, '政府信息公开申请终止处理告知书');
  assert.match(
    clarification.text,
    /补正期限至2024年11月20日。补正期限届满，本机关未收到您补正后的申请。\n根据《中华人民共和国政府信息公开条例》第三十条的规定，视为您放弃申请/,
  );
  assert.match(
    clarification.text,
    /如对本机关不再处理您的申请不服，可以自知道该行政行为之日起六十日内向示范市人民政府申请行政复议/,
  );

  const unpaid = new CaseUnderTest({ submittedOn: '2024-11-04' });
  unpaid.do(
    {
      type: 'issue-fee-notice',
      howToPay: '缴款码',
      method: 'per-application',
      amountYuan: 100,
      issuedOn: d('2024-11-08'),
      deliveredOn: d('2024-11-08'),
    },
    '2024-11-08',
  );
  unpaid.do({ type: 'close-lapsed-fee' }, '2024-12-10');
  assert.match(
    draft(unpaid, 'closing-notice').text,
    /请您于2024年12月6日前缴纳信息处理费人民币100元。缴费期限届满.*《政府信息公开信息处理费管理办法》的规定，视为您放弃申请/s,
  );

  const withdrawn = new CaseUnderTest({ submittedOn: '2024-11-04' });
  withdrawn.do({ type: 'withdraw', on: d('2024-11-12') }, '2024-11-12', '申请人来电表示已从其他途径获得。');
  const withdrawal = draft(withdrawn, 'closing-notice').text;
  assert.match(
    withdrawal,
    /您于2024年11月12日向本机关撤回上述政府信息公开申请（申请人来电表示已从其他途径获得）。本机关终止处理该申请。/,
  );
  assert.doesNotMatch(withdrawal, /行政复议/, "the applicant's own withdrawal is no act to challenge");
});

test('disclosing over a third party objection needs the public-interest reason and issues the 第三十二条 notice', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    {
      type: 'start-consultation',
      subject: '项目投资估算',
      consultationId: 'c1',
      party: 'third-party',
      partyName: '某某置业有限公司',
      issuedOn: d('2024-11-06'),
      deliveredOn: d('2024-11-07'),
    },
    '2024-11-07',
  );
  c.do(
    { type: 'record-consultation-answer', consultationId: 'c1', on: d('2024-11-14'), position: 'objects' },
    '2024-11-14',
  );
  const provided = { variant: 'provided' as const, disclosed: '项目投资估算表' };
  assert.deepEqual(
    c.try(
      {
        type: 'record-reply',
        on: d('2024-11-20'),
        outcome: 'r3_1',
        legalBasis: '第三十六条第（二）项',
        content: provided,
      },
      '2024-11-20',
    ),
    {
      code: 'reply-content-missing',
      field: 'overObjectionReason',
      label: '不公开可能对公共利益造成重大影响的理由',
    },
  );
  c.do(
    {
      type: 'record-reply',
      on: d('2024-11-20'),
      outcome: 'r3_1',
      legalBasis: '《条例》第三十六条第（二）项',
      content: { ...provided, overObjectionReason: '该项目使用财政资金，关系公共利益' },
    },
    '2024-11-20',
  );
  assert.match(
    draft(c, 'reply').text,
    /第三方不同意公开。本机关认为不公开可能对公共利益造成重大影响：该项目使用财政资金，关系公共利益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，本机关决定予以公开/,
  );
  const notice = draft(c, 'third-party-disclosure-notice');
  assert.equal(notice.letter.addressee, '某某置业有限公司：');
  assert.match(notice.text, /贵方于2024年11月14日答复不同意公开。.*决定公开的内容：项目投资估算表。/s);
  assert.doesNotMatch(notice.text, /张三/);
});

test('第三十五条: the request for reasons and the reasonable later date are each a letter', () => {
  const c = new CaseUnderTest({ submittedOn: '2025-03-03' });
  c.do({ type: 'request-explanation', on: d('2025-03-05') }, '2025-03-05');
  const asked = draft(c, 'explanation-request');
  assert.equal(asked.letter.title, '政府信息公开申请说明理由告知书');
  assert.match(
    asked.text,
    /数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您说明理由。/,
  );
  c.do(
    { type: 'set-later-date', on: d('2025-03-12'), laterDate: d('2025-05-30') },
    '2025-03-12',
    '申请涉及十年来的全部审批档案，需逐卷调阅',
  );
  const later = draft(c, 'later-date-notice').text;
  assert.match(
    later,
    /理由是：申请涉及十年来的全部审批档案，需逐卷调阅。根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关确定的答复期限为2025年5月30日/,
  );
});

test('a reply recorded before its content was asked for is refused, not printed with blanks', () => {
  const c = new CaseUnderTest({ submittedOn: '2025-03-03' });
  // As an earlier version recorded it: the outcome and its basis, nothing of what the letter states.
  c.history.push({
    seq: c.history.length + 1,
    at: '2025-03-10T08:00:00Z',
    actor: 'officer',
    event: { type: 'replied', on: d('2025-03-10'), outcome: 'r3_2', legalBasis: '《条例》第三十七条' },
  });
  const letter = draftLetter(findLetter(c.history, c.state, 'reply')!, c.state, context);
  assert.deepEqual(!letter.ok && [letter.error.code, letter.error.reason], [
    'letter-not-applicable',
    '该答复的记录缺少“公开（提供）的信息”，无法出具完整的答复告知书',
  ]);
});
