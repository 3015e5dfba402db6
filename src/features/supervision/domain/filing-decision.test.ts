import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConsistency, FORMAT_2021 } from '../../annual-report/index.ts';
import { decideFiling } from './filing-decision.ts';

/** Cells that pass every rule: 3 applications by natural persons, all disclosed. */
function consistent(): Record<string, number> {
  const cells: Record<string, number> = Object.fromEntries(FORMAT_2021.cellIds.map((c) => [c, 0]));
  for (const row of ['r1', 'r3_1', 'r3_7']) {
    cells[`t3.${row}.natural`] = 3;
    cells[`t3.${row}.total`] = 3;
  }
  return cells;
}

const BREAKS: ReadonlyArray<[string, (cells: Record<string, number>) => void]> = [
  ['R1', (c) => ((c['t3.r1.natural'] = 4), (c['t3.r1.total'] = 4))],
  ['R2', (c) => ((c['t3.r3_1.natural'] = 2), (c['t3.r3_1.total'] = 2))],
  ['R3', (c) => (c['t3.r3_1.total'] = 4)],
  ['R4', (c) => (c['t4.review.total'] = 1)],
  ['R5', (c) => (c['t2.licensing.decisions'] = -1)],
];

test('filing is refused on each error rule, naming it and its cells', () => {
  assert.ok(decideFiling(checkConsistency({ format: '2021', cells: consistent() }), {}).ok);
  for (const [rule, breakIt] of BREAKS) {
    const cells = consistent();
    breakIt(cells);
    const decided = decideFiling(checkConsistency({ format: '2021', cells }), {});
    assert.ok(!decided.ok && decided.error.code === 'report-has-errors', rule);
    assert.ok(
      decided.error.failures.some((f) => f.rule.startsWith(`${rule}.`) && f.cells.length > 0),
      `${rule}: ${decided.error.failures.map((f) => f.rule).join(', ')}`,
    );
  }
});

test('R6 against last year blocks; a failing warning needs an explanation of at least a few words', () => {
  const previous = {
    format: '2021' as const,
    cells: { ...consistent(), 't3.r4.natural': 1, 't3.r4.total': 1 },
  };
  const carried = decideFiling(checkConsistency({ format: '2021', cells: consistent() }, { previous }), {});
  assert.ok(!carried.ok && carried.error.code === 'report-has-errors');
  assert.ok(carried.error.failures.every((f) => f.rule.startsWith('R6.')));

  const stated = checkConsistency(
    { format: '2021', cells: consistent() },
    { statedFigures: { received: 4 } },
  );
  const unexplained = decideFiling(stated, { 'R8.received': '好' });
  assert.ok(!unexplained.ok && unexplained.error.code === 'warnings-unexplained');
  assert.deepEqual(
    unexplained.error.warnings.map((w) => w.rule),
    ['R8.received'],
  );
  const explained = decideFiling(stated, {
    'R8.received': '正文的 4 件含 1 件重复提交，表中按 1 件统计',
    'R1.total': '不是未通过的规则，不保留',
  });
  assert.ok(explained.ok);
  assert.deepEqual(Object.keys(explained.value), ['R8.received']);
});
