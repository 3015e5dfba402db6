import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupedWrites } from './grouped-writes.ts';

test('what arrives while a group is written goes together in the next; each caller gets its own result', async () => {
  const groups: number[][] = [];
  const write = groupedWrites(
    async (items: readonly number[]) => {
      groups.push([...items]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return items.map((n) => n * 10);
    },
    { limit: 3 },
  );
  const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => write(n)));
  assert.deepEqual(results, [10, 20, 30, 40, 50, 60, 70]);
  assert.deepEqual(groups, [[1], [2, 3, 4], [5, 6, 7]], 'the first alone, then groups of at most 3');
  assert.equal(await write(8), 80, 'alone again when nothing waits');
});

test('a group that fails is written again item by item: one item’s problem is never another’s', async () => {
  const write = groupedWrites(
    async (items: readonly number[]) => {
      if (items.includes(13)) throw new Error('unlucky group');
      return items.map(String);
    },
    {
      limit: 10,
      alone: async (n) => {
        if (n === 13) throw new Error('13 refused');
        return `${n} alone`;
      },
    },
  );
  const outcomes = await Promise.allSettled([1, 12, 13, 14].map((n) => write(n)));
  assert.deepEqual(
    outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)),
    ['1', '12 alone', '13 refused', '14 alone'],
  );
});

test('without a way to write alone, every caller of a failed group gets its error', async () => {
  const write = groupedWrites(
    async (): Promise<string[]> => {
      throw new Error('database gone');
    },
    { limit: 10 },
  );
  const outcomes = await Promise.allSettled([write(1), write(2)]);
  assert.ok(outcomes.every((o) => o.status === 'rejected' && /database gone/.test(String(o.reason))));
});
