/**
 * A file holding several reports (a compilation of departments' reports, a page printing last year's under
 * this year's): the first is read, as if alone, and the others are named — never a number of one report
 * in the cells of another.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportTexts } from '../../../../test-support/report-texts.ts';
import { readReportText } from './read-report-text.ts';
import { firstReport } from './several-reports.ts';

test('no real report or shape is taken for several', async () => {
  for (const report of await reportTexts())
    assert.deepEqual(firstReport(report.text).others, [], report.name);
});

test('any two reports one after the other: the first read as if alone, the second named', async () => {
  const all = await reportTexts();
  const differ: string[] = [];
  for (const first of all) {
    const alone = readReportText(first.text).cells;
    for (const second of all) {
      if (second === first) continue;
      const reading = readReportText(`${first.text}\n\n${second.text}`);
      for (const cell of new Set([...Object.keys(alone), ...Object.keys(reading.cells)]))
        if (alone[cell] !== reading.cells[cell])
          differ.push(
            `${first.name} + ${second.name}: ${cell} ${reading.cells[cell]} (alone ${alone[cell]})`,
          );
      if (!reading.problems.some((p) => p.startsWith('这份文件里不止一份年度报告：第一份之后还有 1 份')))
        differ.push(`${first.name} + ${second.name}: not said`);
    }
  }
  assert.deepEqual(differ.slice(0, 10), []);
});

test('a compilation of three reports names the two after the first by their agency and year', async () => {
  const all = await reportTexts();
  const [a, b, c] = ['zhongwei-civil-affairs-2021.txt', 'pingtan-2024.txt', 'shanghai-stc-2024.md'].map(
    (name) => all.find((r) => r.name === name)!,
  );
  const { others } = firstReport([a!.text, b!.text, c!.text].join('\n'));
  assert.equal(others.length, 2);
  assert.equal(others[0], '平潭综合实验区2024年');
  assert.match(others[1]!, /^上海市科学技术委员会2024年$|科委/);
  const reading = readReportText([a!.text, b!.text, c!.text].join('\n'));
  assert.equal(reading.agency, readReportText(a!.text).agency);
  assert.ok(reading.problems.some((p) => p.includes('第一份之后还有 2 份')));
});

test('one report printing its table 三 twice is one report', async () => {
  const report = (await reportTexts()).find((r) => r.name === 'zhongwei-civil-affairs-2021.txt')!;
  const t3 = report.text.search(/三、收到和处理政府信息公开申请情况/);
  const t4 = report.text.search(/四、政府信息公开行政复议/);
  const twice = report.text.slice(0, t4) + report.text.slice(t3, t4) + report.text.slice(t4);
  assert.deepEqual(firstReport(twice).others, []);
});

test('a compilation whose text spaces every character (a PDF’s) is parted at the same reports', async () => {
  const spaced = (t: string) => t.replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, '$1 ');
  const all = await reportTexts();
  const [a, b] = ['pingtan-2024.txt', 'shanghai-stc-2024.md'].map((n) => all.find((r) => r.name === n)!);
  const plain = firstReport(`${a!.text}\n\n${b!.text}`);
  const { text, others } = firstReport(spaced(`${a!.text}\n\n${b!.text}`));
  assert.deepEqual(others, plain.others);
  assert.deepEqual(others, ['上海市科委2024年']);
  assert.equal(text.replace(/\s/g, ''), plain.text.replace(/\s/g, ''));
});
