import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithChildren } from './compare-with-children.ts';
import { FORMAT_2021 } from '../../annual-report/index.ts';

const zeros = Object.fromEntries(FORMAT_2021.cellIds.map((c) => [c, 0]));

test('children exceeding their parent do not add up; a missing department is named', () => {
  const parent = {
    format: '2021' as const,
    cells: { ...zeros, 't3.r1.natural': 10, 't3.r1.total': 10, 't4.review.total': 1 },
  };
  const children = [
    {
      name: '某市教育局',
      format: '2021' as const,
      cells: { ...zeros, 't3.r1.natural': 6, 't3.r1.total': 6 },
    },
    {
      name: '某市民政局',
      format: '2021' as const,
      cells: { ...zeros, 't3.r1.natural': 3, 't3.r1.total': 3, 't4.review.total': 2 },
    },
  ];
  const result = compareWithChildren(parent, children, ['某市教育局', '某市民政局', '某市卫生健康委员会']);
  assert.deepEqual(result.exceeded, [{ cell: 't4.review.total', parent: 1, children: 2 }]);
  assert.deepEqual(
    result.parentLarger.map((d) => d.cell),
    ['t3.r1.natural', 't3.r1.total'],
  );
  assert.deepEqual(result.missing, ['某市卫生健康委员会']);
  assert.deepEqual(result.incomplete, []);
});
