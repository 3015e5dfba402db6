/**
 * A line lost or printed twice — as conversions and crawlers do — anywhere in a report of every made-up
 * shape: whatever is read is what the report holds, never a number in another cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';
import { extractReportText } from '../extract/extract-report-text.ts';
import { misreadCells, reportTexts } from '../../../../test-support/report-texts.ts';

const fixtures = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const shapes = new URL('shapes/', fixtures);
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

test('the real reports (and the seed ones), any one line lost or printed twice: never a number their map does not hold', async () => {
  const wrong: string[] = [];
  for (const real of [new URL('real/', fixtures), fixtures])
    for (const name of readdirSync(real).filter((n) => /\.(txt|md|html)$/.test(n) && n !== 'README.md')) {
      const map = JSON.parse(
        readFileSync(new URL(name.replace(/\.\w+$/, '.expected.json'), real), 'utf8'),
      ) as {
        cells: Record<string, number>;
      };
      const extracted = await extractReportText(name, readFileSync(new URL(name, real)));
      assert.ok(extracted.ok, name);
      const lines = extracted.value.text.split('\n');
      for (let i = 0; i < lines.length; i++)
        for (const changed of [
          [...lines.slice(0, i), ...lines.slice(i + 1)],
          [...lines.slice(0, i + 1), ...lines.slice(i)],
        ]) {
          const { cells } = readReportText(changed.join('\n'));
          for (const [cell, value] of Object.entries(cells))
            if (map.cells[cell] !== undefined && map.cells[cell] !== value)
              wrong.push(`${name}, line ${i + 1}: ${cell} read ${value}, is ${map.cells[cell]}`);
        }
    }
  assert.deepEqual(wrong, []);
});

test('a page break — its number, bare or between dashes, and the running title — between any two lines: never a wrong number', async () => {
  const breaks = [['— 4 —'], ['12'], ['', '- 5 -', '', '某市某局 2024 年政府信息公开工作年度报告', '']];
  const wrong: string[] = [];
  for (const report of await reportTexts()) {
    const lines = report.text.split('\n');
    for (let i = 1; i < lines.length; i++)
      // Between lines of words only, a page break changes no table.
      for (const page of /\d/.test(lines[i - 1]! + lines[i]!) ? breaks : [])
        wrong.push(
          ...misreadCells(
            report,
            [...lines.slice(0, i), ...page, ...lines.slice(i)].join('\n'),
            `before line ${i + 1}`,
          ),
        );
  }
  assert.deepEqual(wrong, []);
});
