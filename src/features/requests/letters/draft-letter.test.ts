import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import type { OutcomeRow } from '../../annual-report/index.ts';
import { CaseUnderTest, d } from '../../../../test-support/case-builder.ts';
import { draft, LETTER_CONTEXT as context } from '../../../../test-support/letter-fixtures.ts';
import type { ReplyContent } from '../domain/reply-content.ts';
import { draftLetter } from './draft-letter.ts';
import { findLetter } from './letter-sources.ts';
import { renderLetterDocx, renderLetterPdf } from './render-letter.ts';
import { extractPdfLines } from '../../../platform/rendering/pdf-text.ts';

function replied(outcome: OutcomeRow, content?: ReplyContent, on = '2025-03-10', delivery = 'email') {
  const c = new CaseUnderTest({ submittedOn: '2025-03-03' });
  c.history[0] = {
    ...c.history[0]!,
    event: {
      type: 'submitted',
      channel: 'in-person',
      submittedOn: d('2025-03-03'),
      applicant: { type: 'natural', name: '张三', email: 'zhangsan@example.cn', address: '示范市幸福路8号' },
      application: {
        description: '某项目的环境影响评价批复',
        delivery: delivery as 'email' | 'paper-post' | 'pickup' | 'online',
      },
    },
  };
  c.do(
    {
      type: 'record-reply',
      on: d(on),
      outcome,
      legalBasis: `依据第三十六条（${outcome}）`,
      ...(content ? { content } : {}),
    },
    on,
  );
  return c;
}

test('予以公开 says what is provided and how, by the route the applicant chose', () => {
  const byEmail = replied('r3_1', { variant: 'provided', disclosed: '环评批复（示环审〔2024〕12号）' });
  const { text } = draft(byEmail, 'reply');
  assert.match(
    text,
    /本机关向您提供：环评批复（示环审〔2024〕12号）。本机关已通过电子邮件将上述信息发送至您提供的电子邮箱（zhangsan@example.cn）。/,
  );
  const pickup = draft(
    replied('r3_1', { variant: 'provided', disclosed: '环评批复' }, '2025-03-10', 'pickup'),
    'reply',
  );
  assert.match(
    pickup.text,
    /请您在办公时间（工作日9:00—12:00，13:30—17:00）携带本告知书和身份证件，到示范市人民路100号（示范市示范局办公室）领取/,
  );
  const already = draft(
    replied('r3_1', { variant: 'already-public', whereToObtain: '本机关门户网站“政策文件”栏目' }),
    'reply',
  );
  assert.match(already.text, /已经主动公开。.*获取该信息的方式和途径：本机关门户网站“政策文件”栏目。/);
});

test('部分公开 names the withheld part, its ground with its article, and the reasons', () => {
  const { text } = draft(
    replied('r3_2', {
      disclosed: '批复正文',
      withheld: '附件三中的工艺参数',
      withheldGround: 'r3_3_4',
      reasons: '属于企业的商业秘密',
    }),
    'reply',
  );
  assert.match(
    text,
    /不予公开的部分为：附件三中的工艺参数。该部分涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，具体理由是：属于企业的商业秘密。根据《中华人民共和国政府信息公开条例》第十五条和第三十六条第（三）项的规定，该部分不予公开。/,
  );
  assert.match(
    text,
    /如对本机关对不予公开部分的决定不服，根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，应当先向示范市人民政府申请行政复议/,
  );
});

test('the extension notice gives the reason entered and the new due date', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    {
      type: 'grant-extension',
      workingDays: 15,
      approvedBy: '李主任',
      approvedOn: d('2024-11-28'),
      noticeSentOn: d('2024-11-29'),
    },
    '2024-11-29',
    '所需信息分散在三个下属单位，需要逐一调取',
  );
  const { letter, text } = draft(c, 'extension-notice');
  assert.match(
    text,
    /因所需信息分散在三个下属单位，需要逐一调取，本机关需要延长答复期限。.*答复期限延长15个工作日，延长后的答复期限至2024年12月23日。/,
  );
  assert.equal(letter.dateLine, '2024年11月29日');
  assert.deepEqual(
    c.try(
      {
        type: 'grant-extension',
        workingDays: 5,
        approvedBy: 'x',
        approvedOn: d('2024-11-29'),
        noticeSentOn: d('2024-11-29'),
      },
      '2024-11-29',
      ' ',
    ),
    { code: 'extension-already-granted', approvedOn: '2024-11-28' },
  );
  const other = new CaseUnderTest({ submittedOn: '2024-11-04' });
  assert.deepEqual(
    other.try(
      {
        type: 'grant-extension',
        workingDays: 5,
        approvedBy: '李主任',
        approvedOn: d('2024-11-28'),
        noticeSentOn: d('2024-11-28'),
      },
      '2024-11-28',
      '  ',
    ),
    { code: 'extension-without-reason' },
    'an extension without a reason is refused: its notice could not say why',
  );
});

test('the 补正, consultation and fee letters carry what was asked, the information concerned and how to pay', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    { type: 'request-clarification', on: d('2024-11-06'), periodWorkingDays: 10, items: '请写明文件名称' },
    '2024-11-06',
  );
  assert.match(
    draft(c, 'clarification-notice').text,
    /需要补正的事项：请写明文件名称。\n请于2024年11月20日前（10个工作日内）提交补正后的申请/,
  );
  c.do(
    { type: 'receive-clarification', description: '2024年度本局行政许可事项目录', on: d('2024-11-15') },
    '2024-11-15',
  );
  assert.deepEqual(
    c.try(
      {
        type: 'start-consultation',
        subject: ' ',
        consultationId: 'c0',
        party: 'third-party',
        partyName: '某公司',
        issuedOn: d('2024-11-18'),
        deliveredOn: d('2024-11-19'),
      },
      '2024-11-19',
    ),
    { code: 'consultation-without-subject' },
  );
  for (const [id, name] of [
    ['c1', '某公司'],
    ['c2', '另一公司'],
  ] as const)
    c.do(
      {
        type: 'start-consultation',
        subject: `${name}报送的年度经营数据`,
        consultationId: id,
        party: 'third-party',
        partyName: name,
        issuedOn: d('2024-11-18'),
        deliveredOn: d('2024-11-19'),
      },
      '2024-11-19',
    );
  const first = draft(
    c,
    'consultation-letter',
    context,
    c.history.find((h) => h.event.type === 'consultation-started')!.seq,
  );
  assert.equal(first.letter.addressee, '某公司：');
  assert.match(
    first.text,
    /第三十二条.*\n所涉信息：某公司报送的年度经营数据。\n请于收到本征求意见书之日起15个工作日内（2024年12月10日前）/s,
  );
  assert.equal(draft(c, 'consultation-letter').letter.addressee, '另一公司：', 'the latest by default');
  assert.doesNotMatch(first.text, /张三/, 'the third party is not told who applied');
  for (const id of ['c1', 'c2'])
    c.do(
      { type: 'record-consultation-answer', consultationId: id, on: d('2024-11-25'), position: 'consents' },
      '2024-11-25',
    );
  c.do(
    {
      type: 'issue-fee-notice',
      howToPay: '通过非税收入缴款码缴纳；',
      method: 'per-page',
      amountYuan: 4700,
      pages: 250,
      issuedOn: d('2024-12-03'),
      deliveredOn: d('2024-12-04'),
    },
    '2024-12-04',
  );
  const fee = draft(c, 'fee-notice').text;
  assert.match(
    fee,
    /本机关对您的申请按量计收信息处理费。\n计费依据：共 250 页，依照《政府信息公开信息处理费管理办法》第五条规定的标准，应缴纳人民币4700元。\n缴费方式：通过非税收入缴款码缴纳。\n请自收到本通知之日起20个工作日内（2025年1月2日前）缴纳/,
  );
  assert.doesNotMatch(fee, /行政复议/, 'a fee notice cannot be challenged on its own (§8.2)');
});

test('a reply the record cannot complete is refused, naming what is missing', () => {
  const c = new CaseUnderTest({ submittedOn: '2025-03-03' });
  const missing = (outcome: OutcomeRow, content: ReplyContent) =>
    c.try(
      { type: 'record-reply', on: d('2025-03-10'), outcome, legalBasis: '第三十六条', content },
      '2025-03-10',
    );
  assert.equal((missing('r3_1', {}) as { field: string }).field, 'variant');
  assert.equal((missing('r3_1', { variant: 'provided' }) as { field: string }).field, 'disclosed');
  assert.equal((missing('r3_1', { variant: 'already-public' }) as { field: string }).field, 'whereToObtain');
  assert.equal(
    (missing('r3_2', { disclosed: 'a', withheld: 'b', reasons: 'c' }) as { field: string }).field,
    'withheldGround',
  );
  assert.equal((missing('r3_3_6', {}) as { field: string }).field, 'reasons');
  assert.equal((missing('r3_3_8', {}) as { field: string }).field, 'whereToObtain');
  assert.equal(
    (missing('r3_4_1', { variant: 'not-competent' }) as { field: string }).field,
    'competentAgency',
  );
  assert.equal((missing('r3_5_2', {}) as { field: string }).field, 'earlierReply');
  assert.equal((missing('r3_6_3', {}) as { field: string }).field, 'reasons');
  assert.equal(
    missing('r3_4_1', { variant: 'not-held' }),
    undefined,
    'a search that found nothing needs no more',
  );
});

test('a letter is refused without the office contact or a reconsideration organ, instead of printing a blank', () => {
  const c = replied('r3_4_2');
  const source = findLetter(c.history, c.state, 'reply')!;
  const noContact = draftLetter(source, c.state, { ...context, contact: undefined });
  assert.equal(!noContact.ok && noContact.error.code, 'letter-needs-setting');
  const noOrgan = draftLetter(source, c.state, { ...context, organs: undefined });
  assert.match(!noOrgan.ok ? noOrgan.error.reason : '', /行政复议机关/);
});

test('a date on a year without the State Council notice is marked provisional on the letter', () => {
  const c = new CaseUnderTest({ submittedOn: '2026-12-04' });
  c.do(
    { type: 'request-clarification', on: d('2026-12-04'), periodWorkingDays: 20, items: '请写明文件名称' },
    '2026-12-04',
  );
  const { text } = draft(c, 'clarification-notice');
  assert.match(text, /请于2027年1月4日前/);
  assert.match(text, /注：2027年1月4日所在年度的放假安排尚未公布，该日期按法定节假日推算（暂定）/);
  const known = new CaseUnderTest({ submittedOn: '2025-03-03' });
  known.do(
    { type: 'request-clarification', on: d('2025-03-04'), periodWorkingDays: 10, items: 'x' },
    '2025-03-04',
  );
  assert.equal(draft(known, 'clarification-notice').letter.notes.length, 0);
});

test('letters render as DOCX and as PDF with selectable Chinese text, the 文号 and the seal line', async () => {
  const { letter } = draft(replied('r3_3_6', { reasons: '该文件尚在起草过程中' }), 'reply');
  const { value: docxText } = await mammoth.extractRawText({ buffer: await renderLetterDocx(letter) });
  assert.match(docxText, /政府信息公开申请答复告知书/);
  assert.match(docxText, /示范局依申请公开〔2025〕第7号/);
  assert.match(
    docxText,
    /属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息/,
  );
  assert.match(docxText, /（印章）\s*示范市示范局\s*2025年3月10日/);
  const pdfText = (await extractPdfLines(await renderLetterPdf(letter))).flat().join('').replace(/\s/g, '');
  assert.match(pdfText, /政府信息公开申请答复告知书/);
  assert.match(pdfText, /联系电话：0000-12345678/);
  assert.match(pdfText, /示范市示范局2025年3月10日/);
});
