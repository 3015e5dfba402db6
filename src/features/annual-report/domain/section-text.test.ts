import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writtenParagraphs } from './section-text.ts';
import { readReportText } from '../../report-import/domain/read-report-text.ts';
import { renderReportHtml } from '../export/report-html.ts';
import { checkConsistency } from './check-consistency.ts';

test('a written section loses the markup a conversion left, and keeps its words', () => {
  assert.deepEqual(writtenParagraphs('一是**严格落实**机制。**二是强化。**\n\n## 三、其他\n__注__：5*3 件'), [
    '一是严格落实机制。二是强化。',
    '三、其他',
    '注：5*3 件',
  ]);
});

test('a report read from a Markdown conversion keeps its text without the asterisks, and prints none', () => {
  const text = readFileSync(
    new URL('../../../../test-support/fixtures/reports/zhongwei-civil-affairs-2021.txt', import.meta.url),
    'utf8',
  );
  assert.match(text, /\*\*严格落实公文公开属性源头认定机制\*\*/, 'the fixture has the markup');
  const reading = readReportText(text);
  assert.match(reading.sections?.s1 ?? '', /一是严格落实公文公开属性源头认定机制。/);
  assert.doesNotMatch(reading.sections?.s1 ?? '', /\*\*/);
  const report = {
    format: reading.format!,
    year: 2021,
    agency: { name: '中卫市民政局' },
    cells: reading.cells,
    sections: { s1: '一是**加强**解读。' },
    checks: checkConsistency({ format: reading.format!, cells: reading.cells }),
  };
  const html = renderReportHtml(report);
  assert.match(html, /<p>一是加强解读。<\/p>/);
  // The summary accounts for every check: the ones that do not apply are counted too.
  const counts = /共 (\d+) 项：通过 (\d+) 项，未通过或数据不全 (\d+) 项，不适用 (\d+) 项/.exec(html);
  assert.ok(counts, 'the summary line');
  const [total, passed, failing, na] = counts.slice(1).map(Number) as [number, number, number, number];
  assert.equal(passed + failing + na, total);
  assert.ok(na > 0);
});
