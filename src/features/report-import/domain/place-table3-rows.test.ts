import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';
import { numbersOfLine } from './text-numbers.ts';

/**
 * A PDF's text layer as pdf.js gives it (made up in the shape of real ones): labels broken around their
 * numbers, a garbled label, a page number inside table 三, （六）其他处理 printed as one row.
 */
function pdfText(): string {
  return readFileSync(
    new URL('../../../../test-support/fixtures/reports/shapes/pdf-text-broken-rows.txt', import.meta.url),
    'utf8',
  );
}

/** A row of table 三 not read: none of its seven cells. */
const UNREAD = Array.from({ length: 7 }, () => undefined);

const row = (reading: ReturnType<typeof readReportText>, id: string) =>
  ['natural', 'org_business', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total'].map(
    (c) => reading.cells[`t3.${id}.${c}`],
  );

test('table 三 of a PDF: labels broken around their numbers, a garbled label placed by order, a page number skipped', () => {
  const text = pdfText();
  // As printed: 部分公开's label above and below its numbers; 2.其他法律行政止公开 (three characters lost);
  // “- 3 -” between two rows; 5.要求行政机关确认或重 新出具 / numbers / 已获取信息.
  assert.match(text, /（二）部分公开（区分处理的，只计这一情 形，不\n6 0 0 0 0 0 6\n计其他情形）/);
  assert.match(text, /2\. 其他法律行政止公开 2 0 0 0 0 0 2/);
  assert.match(text, /\n- 3 -\n/);
  const reading = readReportText(text);
  assert.deepEqual(row(reading, 'r3_2'), [6, 0, 0, 0, 0, 0, 6]);
  assert.deepEqual(row(reading, 'r3_3_2'), [2, 0, 0, 0, 0, 0, 2]);
  assert.deepEqual(
    row(reading, 'r3_4_2'),
    [3, 0, 0, 0, 0, 0, 3],
    '2.没有现成信息… 3 0 0 0 0 0 3, before the page number',
  );
  assert.deepEqual(row(reading, 'r3_5_5'), [0, 0, 0, 0, 0, 0, 0]);
  assert.equal(
    reading.sources['t3.r3_4_2.total']?.line,
    text.split('\n').findIndex((l) => l.startsWith('2. 没有现成信息')) + 1,
  );
  assert.deepEqual(reading.unread, []);
  assert.deepEqual(numbersOfLine('- 3 -', 1), [], 'a page number is not a row’s numbers');
});

test('（六）其他处理 printed as one row: zeros give its three sub-rows 0; any other number leaves them unread', () => {
  const text = pdfText();
  assert.match(text, /（六）其他处理 0 0 0 0 0 0 0/);
  const zeros = readReportText(text);
  for (const id of ['r3_6_1', 'r3_6_2', 'r3_6_3']) assert.deepEqual(row(zeros, id), [0, 0, 0, 0, 0, 0, 0]);
  const line = text.split('\n').findIndex((l) => l.startsWith('（六）其他处理')) + 1;
  assert.equal(zeros.sources['t3.r3_6_2.natural']?.line, line, 'the evidence: the group row');

  const two = readReportText(
    text
      .replace('（六）其他处理 0 0 0 0 0 0 0', '（六）其他处理 2 0 0 0 0 0 2')
      .replace('（七）总计 29 2 0 0 0 0 31', '（七）总计 31 2 0 0 0 0 33'),
  );
  for (const id of ['r3_6_1', 'r3_6_2', 'r3_6_3']) assert.deepEqual(row(two, id), UNREAD);
  assert.deepEqual(row(two, 'r3_7'), [31, 2, 0, 0, 0, 0, 33], 'the rows after still in place');
  assert.ok(
    two.problems.some((p) => p.includes('只印了“其他处理”一行合计')),
    two.problems.join('；'),
  );
});

test('a row missing between two labelled rows leaves that stretch unread, never shifted', () => {
  const text = pdfText();
  // The 4. 保护第三方合法权益 row lost: seven format rows between 1.属于国家秘密 and the next anchor…
  const lost = text.replace(/4\. 保护第三方合法权益 1 0 0 0 0 0 1\n/, '');
  assert.notEqual(lost, text);
  const reading = readReportText(lost);
  // …the labelled rows around it keep their places; no row is pushed into another's place.
  assert.deepEqual(row(reading, 'r3_3_6'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row(reading, 'r3_3_7'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row(reading, 'r3_3_4'), UNREAD);
  assert.equal(reading.cells['t3.r3_3_3.total'], 0);
  // The garbled 2. row sits between anchors that still fit: placed. (If the gap does not fit, it is named.)
  const twoLost = lost.replace(/3\. 危及“三安全一稳定” 0 0 0 0 0 0 0\n/, '');
  const named = readReportText(twoLost);
  assert.ok(
    named.problems.some((p) => p.includes('“1.属于国家秘密”之后') && p.includes('无法对应')),
    named.problems.join('；'),
  );
  assert.equal(
    named.cells['t3.r3_3_2.total'],
    undefined,
    'an unlabelled row is not placed when the count does not fit',
  );
});

test('a label that names a row out of order is not believed', () => {
  const text = pdfText();
  // “3.其他” printed where 8.属于行政查询事项 belongs (a conversion that lost the words).
  const misnamed = text.replace('8. 属于行政查询事项 0 0 0 0 0 0 0', '3.其他 0 0 0 0 0 0 0');
  assert.notEqual(misnamed, text);
  const reading = readReportText(misnamed);
  assert.deepEqual(row(reading, 'r3_3_8'), [0, 0, 0, 0, 0, 0, 0], 'placed by order between its neighbours');
  assert.deepEqual(row(reading, 'r3_6_3'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row(reading, 'r3_4_1'), [5, 1, 0, 0, 0, 0, 6]);
});

test('OCR text: a row’s seven numbers run together on its line are split by its arithmetic, or named', () => {
  const text = pdfText()
    .replace('1. 属于国家秘密 1 0 0 0 0 0 1', '1. 属于国家秘密 1000001')
    .replace('3. 危及“三安全一稳定” 0 0 0 0 0 0 0', '3. 危及“三安全一稳定” 0000000')
    .replace('（一）予以公开 9 1 0 0 0 0 10', '（一）予以公开 91000010');
  const reading = readReportText(text);
  assert.deepEqual(row(reading, 'r3_3_1'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row(reading, 'r3_3_3'), [0, 0, 0, 0, 0, 0, 0]);
  // 91000010: only 9|1|0|0|0|0|10 has six numbers adding up to the last.
  assert.deepEqual(row(reading, 'r3_1'), [9, 1, 0, 0, 0, 0, 10]);
  // Digits that split three ways (11|1|0, 1|11|0 or 1|1|10 before 0|0|0|12): the row keeps its place, the
  // cells every split agrees on are read, the others reported with their candidates; the rows after
  // still placed.
  const twoWays = readReportText(
    pdfText().replace('6. 属于四类过程性信息 1 0 0 0 0 0 1', '6. 属于四类过程性信息 111000012'),
  );
  assert.deepEqual(row(twoWays, 'r3_3_6'), [undefined, undefined, undefined, 0, 0, 0, 12]);
  assert.deepEqual(twoWays.ambiguous['t3.r3_3_6.natural'], [1, 11]);
  assert.deepEqual(twoWays.ambiguous['t3.r3_3_6.org_business'], [1, 11]);
  assert.deepEqual(twoWays.ambiguous['t3.r3_3_6.org_research'], [0, 10]);
  assert.ok(twoWays.unread.includes('t3.r3_3_6.natural'));
  assert.ok(
    twoWays.problems.some((p) => p.includes('（111000012），可以拆成 3 种')),
    twoWays.problems.join('；'),
  );
  assert.deepEqual(row(twoWays, 'r3_3_7'), [0, 0, 0, 0, 0, 0, 0]);
});

test('a run-together row’s splits narrowed by the table’s columns: the one that makes them add up is read', () => {
  // 11|1|0|0|0|0|12 at 6.属于四类过程性信息, the totals printed to match it.
  const text = pdfText()
    .replace('6. 属于四类过程性信息 1 0 0 0 0 0 1', '6. 属于四类过程性信息 111000012')
    .replace('（七）总计 29 2 0 0 0 0 31', '（七）总计 39 3 0 0 0 0 42')
    .replace(
      '一、本年新收政府信息公开申请数量 28 2 0 0 0 0 30',
      '一、本年新收政府信息公开申请数量 38 3 0 0 0 0 41',
    );
  const reading = readReportText(text);
  // 1|11|0 and 1|1|10 leave the 自然人 column at 29 beside a 总计 of 39: only 11|1|0 fits.
  assert.deepEqual(row(reading, 'r3_3_6'), [11, 1, 0, 0, 0, 0, 12]);
  assert.deepEqual(reading.ambiguous, {});
});

test('the same report as PDF text, as PDF-to-markdown continued over a page break, and as OCR blocks: the same cells', () => {
  const shape = (name: string) =>
    readFileSync(
      new URL(`../../../../test-support/fixtures/reports/shapes/${name}`, import.meta.url),
      'utf8',
    );
  const fromPdf = readReportText(pdfText());
  assert.deepEqual(fromPdf.unread, []);
  for (const name of ['pdf-markdown-continued.txt', 'ocr-blocks.txt']) {
    const reading = readReportText(shape(name));
    assert.deepEqual(reading.cells, fromPdf.cells, name);
    assert.deepEqual(reading.unread, [], name);
    assert.deepEqual(
      reading.extraRows,
      [],
      `${name}: no header fragment or repeated heading taken for a row`,
    );
  }
});

test('a converter’s block of labels printed above its rows (a real PDF-to-markdown): placed by order, and with a row lost left unread, never by the words just above', () => {
  const text = readFileSync(
    new URL('../../../../test-support/fixtures/reports/real/shanghai-stc-2024.md', import.meta.url),
    'utf8',
  );
  // As printed: the labels of 2. and 3. of （四）无法提供 above both rows, 3.'s words just above the first.
  const block = '3.补正后申请内容仍不\n明确\n| 6 | 0 | 0 | 0 | 0 | 0 | 6 |\n|---|---|---|---|---|---|---|\n';
  assert.ok(
    text.includes(`（四）无2.没有现成信息需要另\n法提供行制作\n${block}| 0 | 0 | 0 | 0 | 0 | 0 | 0 |`),
  );
  const reading = readReportText(text);
  assert.deepEqual(row(reading, 'r3_4_1'), [4, 0, 0, 0, 0, 0, 4]);
  assert.deepEqual(row(reading, 'r3_4_2'), [6, 0, 0, 0, 0, 0, 6]);
  assert.deepEqual(row(reading, 'r3_4_3'), [0, 0, 0, 0, 0, 0, 0]);
  const lost = readReportText(text.replace(`${block}| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n`, block));
  for (const id of ['r3_4_1', 'r3_4_2', 'r3_4_3']) assert.deepEqual(row(lost, id), UNREAD, id);
  assert.deepEqual(row(lost, 'r3_5_1'), [0, 0, 0, 0, 0, 0, 0], 'the rows after still in place');
  assert.ok(
    lost.problems.some((p) => p.includes('格式在此有 3 行，无法对应')),
    lost.problems.join('；'),
  );
});

test('a row that lost a number never borrows the next row’s: it is left unread, the next row read as printed', () => {
  const text = pdfText();
  const lost = text.replace('4. 保护第三方合法权益 1 0 0 0 0 0 1', '4. 保护第三方合法权益 1 0 0 0 0 0');
  assert.notEqual(lost, text);
  const reading = readReportText(lost);
  assert.deepEqual(row(reading, 'r3_3_4'), UNREAD);
  assert.deepEqual(row(reading, 'r3_3_5'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row(reading, 'r3_3_6'), [1, 0, 0, 0, 0, 0, 1]);
});

test('in markdown, a row that lost its 总计 above a row whose label was lost: neither takes the other’s numbers', () => {
  const markdown = readFileSync(
    new URL('../../../../test-support/fixtures/reports/shapes/pdf-markdown-continued.txt', import.meta.url),
    'utf8',
  );
  const lost = markdown.replace(
    '| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 |',
  );
  assert.notEqual(lost, markdown);
  assert.match(lost, /\n\| \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|\n\| 6\.属于四类过程性信息/);
  const reading = readReportText(lost);
  assert.deepEqual(row(reading, 'r3_3_4'), UNREAD);
  assert.deepEqual(row(reading, 'r3_3_5'), UNREAD);
  assert.deepEqual(row(reading, 'r3_3_6'), [1, 0, 0, 0, 0, 0, 1]);
});
