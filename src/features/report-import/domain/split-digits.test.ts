import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isTable3Row, isTable4Row, splitDigits, splitSumBlocks, splitSumRow } from './split-digits.ts';

const sorted = (rows: number[][]) => rows.map((r) => r.join(',')).sort();

/** Every cut of a run into seven numbers without leading zeros whose six add up to the seventh. */
function everyReading(run: string): number[][] {
  const found: number[][] = [];
  const cut = (rest: string, prefix: number[]) => {
    if (prefix.length === 6) {
      if (/^(0|[1-9]\d*)$/.test(rest) && prefix.reduce((a, b) => a + b, 0) === Number(rest))
        found.push([...prefix, Number(rest)]);
      return;
    }
    for (let end = 1; end < rest.length; end++)
      if (/^(0|[1-9]\d*)$/.test(rest.slice(0, end)))
        cut(rest.slice(end), [...prefix, Number(rest.slice(0, end))]);
  };
  cut(run, []);
  return found;
}

test('a table 三 row split with its 总计 first gives exactly the readings of every cut checked', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 6, maxLength: 6 }),
      fc.integer({ min: -1, max: 30 }),
      (six, garble) => {
        let run = [...six, six.reduce((a, b) => a + b, 0)].join('');
        // Sometimes a digit changed, so that no reading (or another one) fits.
        if (garble >= 0 && garble < run.length)
          run = `${run.slice(0, garble)}${(Number(run[garble]) + 1) % 10}${run.slice(garble + 1)}`;
        assert.deepEqual(sorted(splitSumRow(run, 7)), sorted(everyReading(run)), run);
      },
    ),
    { numRuns: 2000 },
  );
  assert.deepEqual(splitSumRow('713000074', 7), [[71, 3, 0, 0, 0, 0, 74]]);
  assert.deepEqual(sorted(splitSumRow('713000074', 7)), sorted(splitDigits('713000074', 7, isTable3Row)));
  assert.deepEqual(splitSumRow('12a4', 7), [], 'not digits: no reading');
  assert.deepEqual(splitSumRow('9'.repeat(200), 7), [], 'too long to search: left unread');
});

test('table 四 split block by block gives the readings of every cut checked', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }), (twelve) => {
      const blocks = [0, 4, 8].map((b) => twelve.slice(b, b + 4));
      const run = blocks.map((four) => [...four, four.reduce((a, c) => a + c, 0)].join('')).join('');
      assert.deepEqual(sorted(splitSumBlocks(run, 3, 5)), sorted(splitDigits(run, 15, isTable4Row)), run);
    }),
    { numRuns: 300 },
  );
  assert.deepEqual(splitSumBlocks('25380363300630003', 3, 5), [
    [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3],
  ]);
});
