import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLedger } from './load-ledger.ts';
import { lyingZip } from '../../../../test-support/hostile-files.ts';

const dir = new URL('../../../../test-support/fixtures/bad-ledgers/', import.meta.url);
const path = (name: string) => fileURLToPath(new URL(name, dir));

test('a bad requests ledger reports every bad row at once, with line, column and reason', async () => {
  const load = await loadLedger({ requests: path('requests-bad.csv') }, 2024);
  assert.equal(load.ok, false);
  if (load.ok) return;
  const found = load.problems.map((p) => [p.line, p.column, p.code]);
  assert.deepEqual(found, [
    [3, '收到申请日期', 'invalid-date'],
    [4, '申请人类型', 'unknown-applicant-type'],
    [5, '办理结果', 'unknown-outcome'],
    [6, '办结日期', 'outcome-without-completion'],
    [7, '办结日期', 'completed-before-received'],
    [8, '申请编号', 'duplicate-id'],
    [9, '办理结果', 'ambiguous-outcome'],
    [10, '收到申请日期', 'invalid-date'],
    [11, '办理结果', 'completion-without-outcome'],
  ]);
  assert.match(load.problems[0]?.message ?? '', /2024-13-05.*不是有效日期/);
  assert.match(load.problems[5]?.message ?? '', /第2行已使用/);
  assert.match(load.problems[6]?.message ?? '', /r3_3_4 4\.保护第三方合法权益/);
  assert.ok(load.problems.every((p) => p.file === 'requests-bad.csv'));
});

test('wrong headers name the missing columns and the headers found', async () => {
  const load = await loadLedger({ requests: path('requests-wrong-headers.csv') }, 2024);
  assert.equal(load.ok, false);
  if (load.ok) return;
  const missing = load.problems.filter((p) => p.code === 'missing-column').map((p) => p.message);
  assert.equal(missing.length, 4);
  assert.match(missing[0] ?? '', /收到申请日期（received_on）.*表头为：编号、日期、类型、结果/);
  assert.ok(
    load.problems.some((p) => p.code === 'unknown-column' && p.column === '日期' && p.severity === 'warning'),
  );
});

test('bad review and document rows are reported too, all in one pass', async () => {
  const load = await loadLedger(
    { reviews: path('reviews-bad.csv'), documents: path('documents-bad.csv') },
    2024,
  );
  assert.equal(load.ok, false);
  if (load.ok) return;
  assert.deepEqual(
    load.problems.map((p) => [p.file, p.line, p.code]),
    [
      ['reviews-bad.csv', 3, 'unknown-proceeding-kind'],
      ['reviews-bad.csv', 4, 'decided-before-filed'],
      ['reviews-bad.csv', 5, 'unknown-proceeding-result'],
      ['documents-bad.csv', 3, 'unknown-document-kind'],
      ['documents-bad.csv', 4, 'repealed-before-issued'],
    ],
  );
});

test('files that cannot be read and figures that are not numbers are clear errors', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gongkai-'));
  writeFileSync(
    join(tmp, 'figures.json'),
    JSON.stringify({ year: 2023, licensing: -1, penalty: 1.5, coercion: '3', admin_fees_wan: 'abc' }),
  );
  writeFileSync(join(tmp, 'requests.xlsx'), 'this is not a zip file');
  const load = await loadLedger(
    {
      requests: join(tmp, 'requests.xlsx'),
      documents: join(tmp, 'missing.csv'),
      reviews: join(tmp, 'reviews.pdf'),
      figures: join(tmp, 'figures.json'),
    },
    2024,
  );
  assert.equal(load.ok, false);
  if (load.ok) return;
  const codes = load.problems.map((p) => `${p.file}:${p.code}:${p.column ?? ''}`);
  assert.deepEqual(codes, [
    'requests.xlsx:unreadable-file:',
    'reviews.pdf:unreadable-file:',
    'missing.csv:unreadable-file:',
    'figures.json:figures-year-mismatch:year',
    'figures.json:invalid-figure:licensing',
    'figures.json:invalid-figure:penalty',
    'figures.json:invalid-figure:admin_fees_wan',
  ]);
  assert.match(load.problems[0]?.message ?? '', /不是有效的 XLSX 文件/);
  assert.match(load.problems[1]?.message ?? '', /不支持的文件类型“\.pdf”/);
  assert.match(load.problems[2]?.message ?? '', /文件不存在/);
});

test('an XLSX ledger that inflates past the limit is refused with the reason, without being unpacked', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'gongkai-ledger-'));
  const bomb = join(folder, 'requests.xlsx');
  writeFileSync(bomb, lyingZip('xlsx', 1024));
  const before = process.memoryUsage.rss();
  const load = await loadLedger({ requests: bomb }, 2024);
  assert.equal(load.ok, false);
  if (load.ok) return;
  assert.match(load.problems[0]?.message ?? '', /疑似压缩炸弹/);
  assert.ok(process.memoryUsage.rss() - before < 700 * 1024 * 1024);
});
