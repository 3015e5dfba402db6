/**
 * The same report as different tools write its characters: line ends (CRLF, a bare CR), spaces (no-break,
 * ideographic, doubled, trailing), characters that show nothing (zero-width spaces anywhere, even between
 * the digits of a number; a byte-order mark), full-width digits and bars, thousands separators (2,293 and
 * 2，293), either kind of parentheses, and a PDF's text that spaces a label's characters (申 请 人 无 正 当):
 * every real report and shape reads the same cells as printed plainly, and never a wrong number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { misreadCells, reportTexts } from '../../../../test-support/report-texts.ts';
import { readReportText } from './read-report-text.ts';
import { plainText } from './plain-text.ts';

const thousands = (separator: string) => (text: string) =>
  text.replace(/(?<![\d.])(\d{1,3})(\d{3})(?![\d.])/g, `$1${separator}$2`);

/** Written another way, nothing lost: the same cells are read. */
const SAME: Record<string, (text: string) => string> = {
  'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
  'bare CR line ends': (t) => t.replace(/\n/g, '\r'),
  'full-width digits': (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  'no-break spaces': (t) => t.replace(/ /g, '\u00a0'),
  'ideographic spaces': (t) => t.replace(/ /g, '\u3000'),
  'doubled spaces': (t) => t.replace(/ /g, '  '),
  'trailing spaces': (t) => t.replace(/\n/g, '   \n'),
  'zero-width spaces every few characters': (t) =>
    t.replace(/(.)(?=.)/gsu, (c, _c, at: number) => (at % 5 === 0 ? `${c}\u200b` : c)),
  'zero-width spaces between digits': (t) => t.replace(/(\d)(?=\d)/g, '$1\u200b'),
  'a byte-order mark': (t) => `\ufeff${t}`,
  'full-width bars': (t) => t.replace(/\|/g, '｜'),
  'thousands separators': thousands(','),
  'full-width thousands separators': thousands('，'),
  'full-width parentheses': (t) => t.replace(/\(/g, '（').replace(/\)/g, '）'),
  'ASCII parentheses': (t) => t.replace(/（/g, '(').replace(/）/g, ')'),
};

test('the same report with its characters written another way reads the same cells', async () => {
  const differ: string[] = [];
  for (const report of await reportTexts()) {
    const plain = readReportText(report.text).cells;
    for (const [name, write] of Object.entries(SAME)) {
      const { cells } = readReportText(write(report.text));
      for (const cell of new Set([...Object.keys(plain), ...Object.keys(cells)]))
        if (plain[cell] !== cells[cell])
          differ.push(`${report.name}, ${name}: ${cell} ${cells[cell]} (plainly ${plain[cell]})`);
    }
  }
  assert.deepEqual(differ.slice(0, 20), []);
});

test('a label printed a character at a time (PDF text) never reads a wrong number, 无 among its words no cell', async () => {
  const spaced = (t: string) => t.replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, '$1 ');
  const wrong: string[] = [];
  let read = 0;
  let printed = 0;
  for (const report of await reportTexts()) {
    const { cells } = readReportText(spaced(report.text));
    wrong.push(...misreadCells(report, spaced(report.text), 'characters spaced'));
    read += Object.keys(report.cells).filter((c) => cells[c] !== undefined).length;
    printed += Object.keys(report.cells).length;
  }
  assert.deepEqual(wrong, []);
  assert.ok(read > printed * 0.97, `${read} of ${printed}`);
  // 1.申 请 人 无 正 当 理 由 逾 期 不 补 正…: the row is read, its 无 no cell of it.
  const shape = (await reportTexts()).find((r) => r.name === 'web-text-pipes-blank.txt')!;
  const row = readReportText(spaced(shape.text)).cells;
  assert.deepEqual(
    ['natural', 'total'].map((c) => row[`t3.r3_6_1.${c}`]),
    [shape.cells['t3.r3_6_1.natural'], shape.cells['t3.r3_6_1.total']],
  );
});

test('plainText takes out what shows nothing and writes digits, bars and line ends one way, nothing else', () => {
  assert.equal(
    plainText('行政许可2\u200b293\r\n｜ ２０ ｜\r（一）予以公开\u00ad'),
    '行政许可2293\n| 20 |\n（一）予以公开',
  );
  const plain = '一、本年新收政府信息公开申请数量 | 28 | 2 |';
  assert.equal(plainText(plain), plain);
});
