/**
 * A report's text wrapped at a width — saved with hard line breaks, as a narrow page, a mail or a text
 * editor gives it — breaks its lines anywhere, numbers too (“予以公开2” / “70020130”, “| 13 | 0 | 5” /
 * “5 |”): never a wrong number, and a page flattened into running text reads as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { misreadCells, reportTexts } from '../../../../test-support/report-texts.ts';
import { readReportText } from './read-report-text.ts';
import { rejoinWrappedRows } from './piped-rows.ts';

const wrap = (text: string, width: number) =>
  text
    .split('\n')
    .flatMap((line) =>
      line.length <= width
        ? [line]
        : Array.from({ length: Math.ceil(line.length / width) }, (_, k) =>
            line.slice(k * width, (k + 1) * width),
          ),
    )
    .join('\n');

const WIDTHS = Array.from({ length: 41 }, (_, k) => 20 + 3 * k); // 20 … 140 characters

test('every real report and shape wrapped at any width from 20 to 140 characters: never a wrong number', async () => {
  const wrong: string[] = [];
  for (const report of await reportTexts())
    for (const width of WIDTHS)
      wrong.push(...misreadCells(report, wrap(report.text, width), `wrapped at ${width}`));
  assert.deepEqual(wrong, []);
});

test('a page flattened into running text, wrapped at any width, still reads every cell it printed', async () => {
  const flattened = (await reportTexts()).filter((r) => /^(pingtan|00[38]-)/.test(r.name));
  assert.ok(flattened.length >= 11, flattened.map((r) => r.name).join());
  const short: string[] = [];
  for (const report of flattened)
    for (const width of WIDTHS) {
      const { cells } = readReportText(wrap(report.text, width));
      const missed = Object.keys(report.cells).filter((cell) => cells[cell] === undefined);
      if (missed.length > 0) short.push(`${report.name} at ${width}: ${missed.length} unread (${missed[0]})`);
    }
  assert.deepEqual(short, []);
});

test('a digit broken from its number by a line break is not taken for a cell of its own', async () => {
  // 平潭 2021: （一）予以公开 270020130 — 27|0|0|2|0|1|30, where 2|7|0|0|20|1|30 adds up as well and the
  // columns decide; a break after its first digit decides nothing.
  const report = (await reportTexts()).find((r) => r.name === 'pingtan-2021.txt')!;
  assert.ok(report.text.includes('予以公开270020130'));
  for (const text of [report.text, report.text.replace('予以公开2', '予以公开2\n')]) {
    const { cells } = readReportText(text);
    assert.deepEqual(
      ['natural', 'org_business', 'org_nonprofit', 'org_legal', 'total'].map((c) => cells[`t3.r3_1.${c}`]),
      [27, 0, 2, 0, 30],
    );
  }
});

test('a piped row wrapped over lines is put back on its first line; a row without a closing bar is left', () => {
  assert.deepEqual(rejoinWrappedRows(['| 规章 | 0 | 0 | 0 |', '| 规范性文件 | 13 | 0 | 5', '5 |', '']), [
    '| 规章 | 0 | 0 | 0 |',
    '| 规范性文件 | 13 | 0 | 55 |',
    '',
    '',
  ]);
  // A label broken over three lines, then its cells.
  assert.deepEqual(rejoinWrappedRows(['| 1.本机关不掌握相关', '政府信息 | 3 | 0 | 0', ' | 3 |']), [
    '| 1.本机关不掌握相关政府信息 | 3 | 0 | 0 | 3 |',
    '',
    '',
  ]);
  // Rows printed without their closing bar: the next row opens its own line, nothing is joined.
  const open = ['| 规章 | 0 | 0 | 0', '| 规范性文件 | 13 | 0 | 55', '二、收到和处理政府信息公开申请情况'];
  assert.deepEqual(rejoinWrappedRows(open), open);
});
