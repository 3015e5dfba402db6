import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { checkConsistency, previousYearCells } from './check-consistency.ts';
import { hasErrors } from './annual-report.ts';
import { huaian2024Cells } from '../../../../test-support/huaian-2024.ts';
import type { ReportFormatId } from './report-format.ts';

const FIXTURES = new URL('../../../../test-support/fixtures/reports/', import.meta.url);

test('淮安 2024 passes every instance of R1–R4 (annual-report-format.md §4.4)', () => {
  const checks = checkConsistency({ format: '2021', cells: huaian2024Cells() });
  const structural = checks.filter((c) => /^R[1-4]\./.test(c.rule));
  assert.equal(structural.length, 7 + 7 + 25 + 3);
  for (const check of structural) assert.equal(check.status, 'pass', `${check.rule}: ${check.message}`);
  assert.equal(hasErrors(checks), false);
  const r1 = checks.find((c) => c.rule === 'R1.total');
  assert.deepEqual([r1?.lhs, r1?.rhs, r1?.delta], [3153, 3153, 0]);
});

test('a changed cell fails the rules it takes part in, naming both sides and the delta', () => {
  const cells = { ...huaian2024Cells(), 't3.r3_3_4.total': 7 };
  const checks = checkConsistency({ format: '2021', cells });
  const failed = checks.filter((c) => c.status === 'fail').map((c) => c.rule);
  assert.deepEqual(failed.sort(), ['R2.total', 'R3.r3_3_4']);
  const r2 = checks.find((c) => c.rule === 'R2.total');
  assert.equal(r2?.severity, 'error');
  assert.deepEqual([r2?.lhs, r2?.rhs, r2?.delta], [3051, 3050, 1]);
  assert.ok(r2?.cells.includes('t3.r3_3_4.total'));
  assert.ok(hasErrors(checks));
});

test('R5 refuses negative and fractional counts but allows a decimal fee amount', () => {
  const cells = { ...huaian2024Cells(), 't4.review.upheld': -1, 't2.licensing.decisions': 1.5 };
  const checks = checkConsistency({ format: '2021', cells });
  assert.equal(checks.find((c) => c.rule === 'R5.t4')?.status, 'fail');
  assert.deepEqual(checks.find((c) => c.rule === 'R5.t2')?.cells, ['t2.licensing.decisions']);
  const fine = checkConsistency({ format: '2021', cells: huaian2024Cells() });
  assert.equal(fine.find((c) => c.rule === 'R5.t2')?.status, 'pass');
});

test('R6 and R7 compare with the previous year when it is given, and say so when it is not', () => {
  const current = huaian2024Cells();
  const without = checkConsistency({ format: '2021', cells: current });
  assert.equal(without.find((c) => c.rule === 'R6.total')?.status, 'not-applicable');
  const previous = {
    ...current,
    't3.r4.total': 34,
    't3.r4.natural': 34,
    't2.normative_docs.in_force': 84,
    't2.regulations.in_force': 10,
  };
  const withPrevious = checkConsistency(
    { format: '2021', cells: current },
    { previous: { format: '2021', cells: previous } },
  );
  assert.equal(withPrevious.find((c) => c.rule === 'R6.total')?.status, 'pass');
  assert.equal(withPrevious.find((c) => c.rule === 'R6.total')?.severity, 'warning');
  assert.equal(withPrevious.find((c) => c.rule === 'R7.normative_docs')?.status, 'pass');
  assert.equal(withPrevious.find((c) => c.rule === 'R7.regulations')?.status, 'pass');
  const broken = checkConsistency(
    { format: '2021', cells: current },
    { previous: { format: '2021', cells: { ...previous, 't3.r4.total': 40 } } },
  );
  const r6 = broken.find((c) => c.rule === 'R6.total');
  assert.deepEqual([r6?.status, r6?.lhs, r6?.rhs, r6?.delta], ['fail', 34, 40, -6]);
});

test('R8 compares the figures stated in the text with the tables (行政诉讼 = 直接起诉 + 复议后起诉)', () => {
  const checks = checkConsistency(
    { format: '2021', cells: huaian2024Cells() },
    { statedFigures: { reviews: 351, lawsuits: 46, received: 3000 } },
  );
  assert.equal(checks.find((c) => c.rule === 'R8.lawsuits')?.status, 'pass');
  assert.equal(checks.find((c) => c.rule === 'R8.reviews')?.status, 'pass');
  assert.equal(checks.find((c) => c.rule === 'R8.received')?.status, 'fail');
  assert.equal(checks.find((c) => c.rule === 'R8.completed')?.status, 'not-applicable');
});

test('R8: a text that counts last year’s carried over as received still differs from 新收, and is told so', () => {
  const cells = huaian2024Cells();
  const newAndCarried = (cells['t3.r1.total'] ?? 0) + (cells['t3.r2.total'] ?? 0);
  assert.ok((cells['t3.r2.total'] ?? 0) > 0, 'the fixture carries some over');
  const received = (said: number) =>
    checkConsistency({ format: '2021', cells }, { statedFigures: { received: said } }).find(
      (c) => c.rule === 'R8.received',
    );
  assert.equal(received(newAndCarried)?.status, 'fail');
  assert.match(received(newAndCarried)?.message ?? '', /正文的数字是本年新收 \d+ 与上年结转 \d+ 之和/);
  assert.doesNotMatch(received(newAndCarried + 1)?.message ?? '', /之和/);
  assert.equal(received(cells['t3.r1.total'] ?? 0)?.status, 'pass');
});

test('R9 flags blank cells and R10 wants fees reported in section 六', () => {
  const checks = checkConsistency(
    { format: '2021', cells: huaian2024Cells(), sections: { s6: '本年度未收取费用。' } },
    {
      blankCells: ['t3.r3_5_3.total'],
      processingFees: { collectedCount: 3, collectedYuan: 3940, noticesIssued: 0 },
    },
  );
  assert.equal(checks.find((c) => c.rule === 'R9')?.status, 'fail');
  assert.equal(checks.find((c) => c.rule === 'R10.reported')?.status, 'fail');
  assert.equal(checks.find((c) => c.rule === 'R10.fee_notices')?.status, 'fail');
  const reported = checkConsistency(
    { format: '2021', cells: huaian2024Cells(), sections: { s6: '全年收取政府信息公开信息处理费3940元。' } },
    { processingFees: { collectedCount: 3, collectedYuan: 3940, noticesIssued: 9 } },
  );
  assert.equal(reported.find((c) => c.rule === 'R10.reported')?.status, 'pass');
  assert.equal(reported.find((c) => c.rule === 'R10.fee_notices')?.status, 'pass');
});

test('a missing cell makes its rules incomplete, never a silent pass', () => {
  const cells: Record<string, number> = huaian2024Cells();
  delete cells['t3.r2.natural'];
  const checks = checkConsistency({ format: '2021', cells });
  assert.equal(checks.find((c) => c.rule === 'R1.natural')?.status, 'incomplete');
  assert.equal(checks.find((c) => c.rule === 'R3.r2')?.status, 'incomplete');
});

for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.expected.json'))) {
  const fixture = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as {
    format: ReportFormatId;
    consistent?: boolean;
    cells: Record<string, number>;
  };
  if (fixture.consistent === undefined) continue;
  test(`the rules agree with the fixture's verdict: ${file} is ${fixture.consistent ? '' : 'in'}consistent`, () => {
    const checks = checkConsistency({ format: fixture.format, cells: fixture.cells });
    const failed = checks.filter((c) => c.severity === 'error' && c.status === 'fail');
    assert.equal(failed.length === 0, fixture.consistent, failed.map((c) => c.message).join('\n'));
  });
}

test('the 2019 trial format checks R2 over its 19 leaves with （六） as one row', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('003-pingtan-market-regulation-2019.expected.json', FIXTURES), 'utf8'),
  );
  const checks = checkConsistency({ format: '2019', cells: fixture.cells });
  const r2 = checks.find((c) => c.rule === 'R2.total');
  assert.equal(r2?.status, 'pass');
  assert.equal(r2?.cells.length, 20);
  assert.ok(r2?.cells.includes('t3.r3_6.total'));
  assert.ok(checks.some((c) => c.rule === 'R3.r3_6'));
  assert.ok(!checks.some((c) => c.rule.startsWith('R7')));
});

test('R7 does not apply against a previous report in the 2019 format; R6 still does', () => {
  const cells = { 't3.r2.total': 3, 't2.normative_docs.in_force': 5 };
  const checks = checkConsistency(
    { format: '2021', cells },
    { previous: { format: '2019', cells: { 't3.r4.total': 3 } } },
  );
  assert.equal(checks.find((c) => c.rule === 'R7.normative_docs')?.status, 'not-applicable');
  assert.equal(checks.find((c) => c.rule === 'R6.total')?.status, 'pass');
});

test('R9 says how its blanks were read: as 0, or — a 总计 printed empty — as the sum of its row', () => {
  const cells: Record<string, number> = { ...huaian2024Cells(), 't3.r4.natural': 0 };
  const r9 = (blankCells: string[]) =>
    checkConsistency({ format: '2021', cells }, { blankCells }).find((c) => c.rule === 'R9');
  assert.equal(
    r9(['t3.r4.natural'])?.message,
    '表格每一格填写数字（无则填0）：1 格为空白或“-”“/”，按 0 读取',
  );
  assert.ok((cells['t3.r4.total'] ?? 0) > 0);
  assert.equal(
    r9(['t3.r4.natural', 't3.r4.total'])?.message,
    '表格每一格填写数字（无则填0）：1 格为空白或“-”“/”，按 0 读取；1 格总计为空白，按其行各格之和读取',
  );
  assert.equal(r9([])?.status, 'pass');
});

test('last year’s cells the rules compare with are all the checks need of last year’s report', () => {
  const cells = huaian2024Cells();
  const previous: Record<string, number> = { ...cells, 't3.r4.total': 40, 't2.regulations.in_force': 1 };
  const only = Object.fromEntries(previousYearCells().map((c) => [c, previous[c]!]));
  assert.ok(previousYearCells().includes('t3.r4.total') && previousYearCells().length < 20);
  assert.deepEqual(
    checkConsistency({ format: '2021', cells }, { previous: { format: '2021', cells: only } }),
    checkConsistency({ format: '2021', cells }, { previous: { format: '2021', cells: previous } }),
  );
});
