import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perApplicationFee, perApplicationTotal, perPageFee } from './processing-fee.ts';

test('按件计收: the first ten applications of a month are free, 11–30 cost 100 元, then +100 every ten (第四条)', () => {
  assert.deepEqual(
    [1, 10, 11, 30, 31, 40, 41, 50, 51].map(perApplicationFee),
    [0, 0, 100, 100, 200, 200, 300, 300, 400],
  );
});

test('按件计收: 35 applications in a month cost 3 000 元 (lifecycle §8.1 worked number)', () => {
  assert.equal(perApplicationTotal(35), 3000);
  assert.equal(perApplicationTotal(14), 400);
});

test('按量计收: 30 pages are free, 31 cost 10 元, 250 cost 4 700 元 (第五条)', () => {
  assert.deepEqual(
    [0, 30, 31, 100, 101, 200, 201, 250].map(perPageFee),
    [0, 0, 10, 700, 720, 2700, 2740, 4700],
  );
});

test('fees refuse impossible inputs', () => {
  assert.throws(() => perApplicationFee(0), RangeError);
  assert.throws(() => perPageFee(-1), RangeError);
  assert.throws(() => perPageFee(2.5), RangeError);
});
