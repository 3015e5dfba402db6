/**
 * A line lost or printed twice, or a page break put between two lines — as conversions and crawlers do —
 * anywhere in a real report or a made-up shape: whatever is read is what the report holds, never a number
 * in another cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { misreadCells, reportTexts } from '../../../../test-support/report-texts.ts';

/** Every report with each of its lines in turn changed by `change`: the cells read that its map does not hold. */
async function misread(change: (lines: readonly string[], i: number) => string[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const report of await reportTexts()) {
    const lines = report.text.split('\n');
    for (let i = 0; i < lines.length; i++)
      wrong.push(
        ...misreadCells(report, change(lines, i).join('\n'), `line ${i + 1} (${lines[i]!.slice(0, 60)})`),
      );
  }
  return wrong;
}

test('any one line lost, in every real report and shape: never a wrong number', async () => {
  assert.deepEqual(await misread((lines, i) => [...lines.slice(0, i), ...lines.slice(i + 1)]), []);
});

test('any one line printed twice, in every real report and shape: never a wrong number', async () => {
  assert.deepEqual(await misread((lines, i) => [...lines.slice(0, i + 1), ...lines.slice(i)]), []);
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

test('two lines lost near each other (a sample in every report, and a block of labels that lost its first line with the row above it): never a wrong number', async () => {
  let seed = 7;
  const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const wrong: string[] = [];
  for (const report of await reportTexts()) {
    const lines = report.text.split('\n');
    for (let k = 0; k < 100; k++) {
      const a = Math.floor(next() * lines.length);
      const b = Math.min(lines.length - 1, a + 1 + Math.floor(next() * 6));
      const kept = lines.filter((_, i) => i !== a && i !== b).join('\n');
      wrong.push(...misreadCells(report, kept, `lines ${a + 1} and ${b + 1} lost`));
    }
    if (report.name !== 'shanghai-stc-2024.md') continue;
    // The row of （四）1. and the first line of the labels block under it: the block's remaining label
    // (3.补正后…) named the first row under it, though two rows stand there.
    const row = lines.indexOf('| 4 | 0 | 0 | 0 | 0 | 0 | 4 |');
    const block = lines.indexOf('（四）无2.没有现成信息需要另');
    assert.ok(row > 0 && block > row);
    wrong.push(
      ...misreadCells(report, lines.filter((_, i) => i !== row && i !== block).join('\n'), 'the block'),
    );
  }
  assert.deepEqual(wrong, []);
});
