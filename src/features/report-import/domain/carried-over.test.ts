import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';
import { CARRIED_NOTE } from './carried-over.ts';
import { auditReportText } from '../use-cases/audit-report.ts';
import { APPLICANT_TYPES } from '../../annual-report/index.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../../../../test-support/fixtures/reports/${path}`, import.meta.url), 'utf8');

const COLUMNS = [...APPLICANT_TYPES, 'total'];
const row = (reading: ReturnType<typeof readReportText>, id: string) =>
  COLUMNS.map((c) => reading.cells[`t3.${id}.${c}`]);
const LAST_YEAR = [11, 1, 0, 0, 0, 0, 12];

/**
 * PDF text whose rows 二 and 四 an OCR ran together ("111000012": 11|1|0, 1|11|0 or 1|1|10 before 0|0|0|12)
 * and whose rows 一 and （七） are equal, so that R1 asks only that 二 equal 四: the table alone cannot
 * tell which split.
 */
function ocrText(): string {
  const text = fixture('shapes/pdf-text-broken-rows.txt')
    .replace(
      '一、本年新收政府信息公开申请数量 28 2 0 0 0 0 30',
      '一、本年新收政府信息公开申请数量 29 2 0 0 0 0 31',
    )
    .replace('二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1', '二、上年结转政府信息公开申请数量 111000012')
    .replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理 111000012');
  assert.match(text, /上年结转政府信息公开申请数量 111000012/);
  return text;
}

/** The same two rows in a web page's text, its cells run together (平潭 2024 as published, changed so). */
function flattenedText(): string {
  const text = fixture('real/pingtan-2024.txt')
    .replace('二、上年结转政府信息公开申请数量0000000', '二、上年结转政府信息公开申请数量111000012')
    .replace('四、结转下年度继续办理0000000', '四、结转下年度继续办理111000012');
  assert.match(text, /上年结转政府信息公开申请数量111000012/);
  return text;
}

for (const [shape, text] of [
  ['PDF text with rows run together', ocrText],
  ['a web page’s text, cells run together', flattenedText],
] as const)
  test(`${shape}: last year’s 结转 decides this year’s 上年结转, and the table then decides the rest`, () => {
    const alone = readReportText(text());
    assert.deepEqual(alone.ambiguous['t3.r2.natural'], [1, 11], 'without last year, three splits');
    assert.ok(alone.unread.includes('t3.r4.natural'));

    const withLastYear = readReportText(text(), undefined, LAST_YEAR);
    assert.deepEqual(row(withLastYear, 'r2'), LAST_YEAR);
    assert.deepEqual(row(withLastYear, 'r4'), LAST_YEAR, 'R1 decides row 四 once row 二 is known');
    assert.deepEqual(
      Object.keys(withLastYear.ambiguous).filter((c) => c.startsWith('t3.')),
      [],
    );
    assert.ok(withLastYear.sources['t3.r2.natural']?.text?.includes(CARRIED_NOTE));
    assert.ok(withLastYear.problems.some((p) => p.includes(CARRIED_NOTE)));

    // Last year's numbers that are none of the splits decide nothing: the row stays as uncertain.
    const other = readReportText(text(), undefined, [5, 0, 0, 0, 0, 0, 5]);
    assert.deepEqual(other.ambiguous['t3.r2.natural'], [1, 11]);
    assert.ok(!other.problems.some((p) => p.includes(CARRIED_NOTE)));
  });

test('the audit with last year’s report: used when it is the year before, said why not when it is not', () => {
  const thisYear = ocrText().replace('2023 年政府信息公开工作年度报告', '2024 年政府信息公开工作年度报告');
  const lastYear = fixture('shapes/pdf-text-broken-rows.txt').replace(
    '四、结转下年度继续办理 0 0 0 0 0 0 0',
    '四、结转下年度继续办理 11 1 0 0 0 0 12',
  );
  const audit = auditReportText(thisYear, lastYear);
  assert.deepEqual(row(audit.reading, 'r2'), LAST_YEAR);
  const r6 = audit.checks.filter((c) => c.rule.startsWith('R6.'));
  assert.equal(r6.length, 7);
  assert.ok(r6.every((c) => c.status === 'pass'));

  // The same year twice (a file given by mistake): not used, and the audit says so.
  const sameYear = auditReportText(ocrText(), lastYear);
  assert.deepEqual(sameYear.reading.ambiguous['t3.r2.natural'], [1, 11]);
  assert.ok(
    sameYear.reading.problems.includes('上年报告是 2023 年度的，不是 2022 年度，未用它的结转数拆分上年结转'),
    sameYear.reading.problems.join('；'),
  );
});
