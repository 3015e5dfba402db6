import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportFormat, type CellId } from '../../annual-report/index.ts';
import { consolidate } from './consolidate.ts';

const ids = reportFormat('2021').cellIds;
/** Cells of the 2021 format: `value(i)` for the i-th cell. */
const cellsOf = (value: (i: number) => number): Record<CellId, number> =>
  Object.fromEntries(ids.map((id, i) => [id, value(i)]));

test('each summed cell is its own value plus the filed children of the same format, and lists who gave what', () => {
  const own = { agencyId: 'county', cells: cellsOf((i) => (i % 3 === 0 ? 0 : i)) };
  const children = [
    {
      id: 'a',
      name: '甲局',
      filing: { agencyId: 'a', version: 2, format: '2021' as const, cells: cellsOf((i) => i % 2) },
    },
    {
      id: 'b',
      name: '乙局',
      filing: { agencyId: 'b', version: 1, format: '2021' as const, cells: cellsOf(() => 0.1) },
    },
    { id: 'c', name: '丙局' },
    {
      id: 'd',
      name: '丁局',
      filing: { agencyId: 'd', version: 1, format: '2019' as const, cells: cellsOf(() => 5) },
    },
  ];
  const summed = consolidate('2021', own, children);
  for (const [i, id] of ids.entries()) {
    const parts = summed.contributionsOf(id);
    const total = Math.round(parts.reduce((sum, p) => sum + p.value, 0) * 1e6) / 1e6;
    assert.equal(summed.cells[id], total, id);
    assert.equal(summed.cells[id], Math.round(((i % 3 === 0 ? 0 : i) + (i % 2) + 0.1) * 1e6) / 1e6, id);
    assert.ok(parts.every((p) => p.value !== 0));
  }
  assert.deepEqual(summed.contributionsOf('t3.r1.natural'), [
    { agencyId: 'county', value: own.cells['t3.r1.natural'] },
    ...(children[0]!.filing!.cells['t3.r1.natural'] ? [{ agencyId: 'a', version: 2, value: 1 }] : []),
    { agencyId: 'b', version: 1, value: 0.1 },
  ]);
  // The child not filed and the one filed in the other format are named, never summed.
  assert.deepEqual(summed.children, [
    { agencyId: 'a', version: 2 },
    { agencyId: 'b', version: 1 },
  ]);
  assert.deepEqual(summed.missing, [{ id: 'c', name: '丙局' }]);
  assert.deepEqual(summed.otherFormat, [{ id: 'd', name: '丁局' }]);
});
