/**
 * A line lost or printed twice — as conversions and crawlers do — anywhere in a report of every made-up
 * shape: whatever is read is what the report holds, never a number in another cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';

const shapes = new URL('../../../../test-support/fixtures/reports/shapes/', import.meta.url);
const SHAPES = [
  'pdf-text-broken-rows.txt',
  'pdf-markdown-continued.txt',
  'ocr-blocks.txt',
  'web-cells-per-line.txt',
  'web-cells-blank.txt',
  'web-cells-omitted.txt',
  'web-text-pipes-blank.txt',
];
const expected = readReportText(readFileSync(new URL('pdf-text-broken-rows.txt', shapes), 'utf8')).cells;

/** The cells read differently from the report, after each line in turn is changed by `change`. */
function misread(change: (lines: readonly string[], i: number) => string[]): string[] {
  const wrong: string[] = [];
  for (const name of SHAPES) {
    const lines = readFileSync(new URL(name, shapes), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const { cells } = readReportText(change(lines, i).join('\n'));
      for (const [cell, value] of Object.entries(cells))
        if (expected[cell] !== value)
          wrong.push(`${name}, line ${i + 1} (${lines[i]}): ${cell} read ${value}, is ${expected[cell]}`);
    }
  }
  return wrong;
}

test('any one line lost: never a wrong number', () => {
  assert.deepEqual(
    misread((lines, i) => [...lines.slice(0, i), ...lines.slice(i + 1)]),
    [],
  );
});

test('any one line printed twice: never a wrong number', () => {
  assert.deepEqual(
    misread((lines, i) => [...lines.slice(0, i + 1), ...lines.slice(i)]),
    [],
  );
});
