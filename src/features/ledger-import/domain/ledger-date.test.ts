import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLedgerDate } from './ledger-date.ts';

const cases: Array<[string, string | undefined]> = [
  ['2024-03-05', '2024-03-05'],
  ['2024/3/5', '2024-03-05'],
  ['2024年3月5日', '2024-03-05'],
  ['2024 年 3 月 5 日', '2024-03-05'],
  ['2024.3.5', '2024-03-05'],
  ['20240305', '2024-03-05'],
  ['2024-03-05 14:30:00', '2024-03-05'],
  ['２０２４－０３－０５', '2024-03-05'],
  ['2024-02-30', undefined],
  ['2024/13/1', undefined],
  ['三月五日', undefined],
  ['45356', undefined],
  ['', undefined],
];

for (const [text, expected] of cases) {
  test(`reads the ledger date "${text}" as ${expected ?? 'not a date'}`, () => {
    assert.equal(parseLedgerDate(text), expected);
  });
}
