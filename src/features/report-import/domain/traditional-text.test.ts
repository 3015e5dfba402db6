import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js';
import { readReportText } from './read-report-text.ts';
import { isTraditional } from './traditional-text.ts';

const fixtures = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
/** As a Taiwan mirror republishes a report: OpenCC with Taiwan's phrases (信息 → 資訊, 文件 → 檔案). */
const asTaiwanMirror = Converter({ from: 'cn', to: 'twp' });

test('a real report republished in traditional characters (a Taiwan mirror’s, 資訊 and 檔案 included) reads as the original', () => {
  for (const name of [
    'real/shanghai-gov-office-2019.html',
    '008-pingtan-2022.txt',
    'real/shanghai-stc-2024.md',
    'real/pingtan-2023.txt',
  ]) {
    const original = fixture(name);
    const mirrored = asTaiwanMirror(original);
    assert.match(mirrored, /政府資訊公開/, name);
    assert.equal(isTraditional(original), false, name);
    assert.equal(isTraditional(mirrored), true, name);
    const expected = readReportText(original);
    const reading = readReportText(mirrored);
    assert.deepEqual(reading.cells, expected.cells, name);
    assert.deepEqual(reading.ambiguous, expected.ambiguous, name);
    assert.equal(reading.format, expected.format, name);
    assert.equal(reading.year, expected.year, name);
    assert.equal(reading.agency, expected.agency, name);
    assert.ok(reading.problems.includes('这份报告是繁体字，按简体读取（所列证据是转换后的文字）'), name);
    assert.ok(!expected.problems.some((p) => p.includes('繁体')), name);
  }
});

test('a simplified report that quotes a few traditional words is read as printed', () => {
  const text = fixture('008-pingtan-2022.txt');
  const quoting = `${text}\n附：台湾地区“政府資訊公開法”相关条文（開、請、處、況、報）。`;
  assert.equal(isTraditional(quoting), false);
  assert.ok(!readReportText(quoting).problems.some((p) => p.includes('繁体')));
});
