import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { auditReportText } from './audit-report.ts';
import { batchRow } from './batch-row.ts';
import { carriedOverPair } from '../../../../test-support/carried-over-pair.ts';

test('a cell left uncertain in a page’s run-together text is shown with its row as the table prints it', () => {
  const text = readFileSync(
    new URL('../../../../test-support/fixtures/reports/real/pingtan-2023.txt', import.meta.url),
    'utf8',
  );
  const audit = auditReportText(text);
  // 行政规范性文件77132470: three numbers run together more than one way.
  assert.deepEqual(Object.keys(audit.reading.ambiguous).sort(), [
    't2.normative_docs.in_force',
    't2.normative_docs.made',
    't2.normative_docs.repealed',
  ]);
  for (const cell of Object.keys(audit.reading.ambiguous))
    assert.match(
      audit.unreadContext[cell]!,
      /^行政规范性文件77132470第二十条/,
      'the table’s row, not the prose',
    );
  assert.ok(audit.unreadContext['t2.normative_docs.made']!.length <= 400);
  // Where the opening sentence names the tables' words and section 一 names the row's (行政规范性文件62件):
  // still the table's row.
  for (const year of [2021, 2024, 2025]) {
    const other = auditReportText(
      readFileSync(
        new URL(`../../../../test-support/fixtures/reports/real/pingtan-${year}.txt`, import.meta.url),
        'utf8',
      ),
    );
    assert.match(other.unreadContext['t2.normative_docs.made']!, /^行政规范性文件\d+第二十条/, String(year));
  }
});

test('last year’s 结转 on record splits a run-together 上年结转 only in a report of the year it carries into', () => {
  const { thisYear } = carriedOverPair(); // a 2024 report; 上年结转 printed 111000012
  const columns = [11, 1, 0, 0, 0, 0, 12];
  const split = auditReportText(thisYear, undefined, undefined, { into: 2024, columns });
  assert.deepEqual(
    ['natural', 'org_business', 'total'].map((c) => split.reading.cells[`t3.r2.${c}`]),
    [11, 1, 12],
  );
  const otherYear = auditReportText(thisYear, undefined, undefined, { into: 2025, columns });
  assert.deepEqual(otherYear.reading.ambiguous['t3.r2.natural'], [1, 11]);
  // A split the record does not match leaves the row as uncertain as without it.
  const unmatched = auditReportText(thisYear, undefined, undefined, {
    into: 2024,
    columns: [5, 0, 0, 0, 0, 0, 5],
  });
  assert.deepEqual(unmatched.reading.ambiguous['t3.r2.natural'], [1, 11]);
});

test('a report printed in the format of other years is named: the 2019 trial format for 2019 and 2020, 2021’s after', () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../../../../test-support/fixtures/reports/${name}`, import.meta.url), 'utf8');
  const wrongFormat = (text: string) =>
    auditReportText(text).reading.problems.filter((p) => p.includes('应使用'));
  const of2019 = fixture('real/pingtan-2019.txt');
  assert.deepEqual(wrongFormat(of2019), []);
  const reused = auditReportText(of2019.replaceAll('2019年', '2023年'));
  assert.equal(reused.reading.format, '2019', 'read in the format it is printed in');
  assert.deepEqual(
    reused.reading.problems.filter((p) => p.includes('应使用')),
    [
      '2023 年度报告应使用国办公开办函〔2021〕30号的格式，这份报告的表格用的是国办公开办函〔2019〕60号的试行格式',
    ],
  );
  assert.equal(
    batchRow('reused.txt', reused).format_note,
    reused.reading.problems.find((p) => p.includes('应使用')),
    'a batch row says so in its own column',
  );
  assert.equal(batchRow('of2019.txt', auditReportText(of2019)).format_note, '');
  const of2022 = fixture('008-pingtan-2022.txt');
  assert.deepEqual(wrongFormat(of2022), []);
  assert.deepEqual(wrongFormat(of2022.replaceAll('2022年', '2020年')), [
    '2020 年度报告应使用国办公开办函〔2019〕60号的试行格式，这份报告的表格用的是国办公开办函〔2021〕30号的格式',
  ]);
});

test('a file holding several reports: the first audited as if alone, its prose and checks its own, the others named', () => {
  const real = (name: string) =>
    readFileSync(new URL(`../../../../test-support/fixtures/reports/real/${name}`, import.meta.url), 'utf8');
  // 平潭 2024 states no figures in its prose; 平潭 2025 states 申请 154 件 (R8 would compare them).
  const first = real('pingtan-2024.txt');
  const compilation = [first, real('pingtan-junshan-2022.txt'), real('pingtan-2025.txt')].join('\n');
  const alone = auditReportText(first);
  const audit = auditReportText(compilation);
  assert.deepEqual(audit.reading.cells, alone.reading.cells);
  assert.deepEqual(audit.stated, alone.stated, 'the figures its own text states, not the next report’s');
  assert.deepEqual(
    audit.checks.map((c) => [c.rule, c.status]),
    alone.checks.map((c) => [c.rule, c.status]),
  );
  assert.ok(
    audit.reading.problems.includes(
      '这份文件里不止一份年度报告：第一份之后还有 2 份（“平潭综合实验区君山片区管理局2022年”、“平潭综合实验区2025年”），只读了第一份；批量核查会逐份读出',
    ),
    audit.reading.problems.join('\n'),
  );
});
