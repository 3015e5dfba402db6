import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { carriedOverPair } from '../../../../test-support/carried-over-pair.ts';
import { err, ok } from '../../../shared/domain/result.ts';
import { auditBatch, unreadableRow, type BatchRow, type RowReader } from './audit-batch.ts';
import type { GroupReader } from './batch-groups.ts';

const reports = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rowFor = (file: string): BatchRow => ({ ...unreadableRow(file, ''), agency: `机关${file}` });

test('a batch reads several files at once and gives their rows in the files’ order', async () => {
  const files = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt'];
  let inFlight = 0;
  let most = 0;
  // The first file is the slowest: the others finish before it.
  const rowOfFile: RowReader = async (file) => {
    most = Math.max(most, ++inFlight);
    await pause(file === 'a.txt' ? 60 : 5);
    inFlight--;
    return ok({ row: rowFor(file) });
  };
  const rows: string[] = [];
  const result = await auditBatch(
    files,
    async () => new Uint8Array(),
    new Set(['c.txt']),
    (row) => void rows.push(row.file),
    { rowOfFile },
  );
  assert.deepEqual(rows, ['a.txt', 'b.txt', 'd.txt', 'e.txt', 'f.txt']);
  assert.deepEqual(result, { audited: 5, skipped: 1 });
  assert.ok(most > 1, 'files read at once');
});

test('a file refused for time or memory beside others is read again alone; other refusals stand', async () => {
  let inFlight = 0;
  const calls: Array<{ file: string; alone: boolean }> = [];
  const rowOfFile: RowReader = async (file) => {
    inFlight++;
    await pause(5);
    const alone = inFlight === 1;
    inFlight--;
    calls.push({ file, alone });
    // Too slow whenever another file is read beside it; read alone, it is read.
    if (file === 'heavy.pdf' && !alone) return err({ code: 'file-too-slow', limitMs: 20_000 });
    if (file === 'broken.pdf') return err({ code: 'file-reader-crashed', reason: '坏了' });
    return ok({ row: rowFor(file) });
  };
  const rows: BatchRow[] = [];
  await auditBatch(
    ['a.txt', 'heavy.pdf', 'broken.pdf', 'b.txt'],
    async () => new Uint8Array(),
    new Set(),
    (row) => void rows.push(row),
    { rowOfFile },
  );
  assert.deepEqual(
    rows.map((r) => r.file),
    ['a.txt', 'broken.pdf', 'b.txt', 'heavy.pdf'],
  );
  assert.equal(rows[3]!.agency, '机关heavy.pdf', 'read alone, its own row');
  assert.equal(rows[3]!.problem, '');
  assert.match(rows[1]!.problem, /文件无法读取：坏了/);
  assert.deepEqual(
    calls.filter((c) => c.file === 'heavy.pdf'),
    [
      { file: 'heavy.pdf', alone: false },
      { file: 'heavy.pdf', alone: true },
    ],
  );
  assert.equal(calls.filter((c) => c.file === 'broken.pdf').length, 1, 'a broken file is not read twice');
});

test('a group refused as a whole is read again file by file, alone, after the rest; the rows as if read alone', async () => {
  const files = Array.from({ length: 12 }, (_, i) => (i === 9 ? 'bomb.txt' : `r${i}.txt`));
  const groups: string[][] = [];
  // A group holding the bomb is refused whole (its worker ran out of memory); alone, the bomb is refused
  // for itself and every other file is read.
  const groupReader: GroupReader = async (some) => {
    groups.push(some.map((f) => f.file));
    if (some.some((f) => f.file === 'bomb.txt')) return err({ code: 'file-too-big-in-memory', limitMb: 512 });
    return ok(some.map(({ file }) => ok({ row: rowFor(file) })));
  };
  const alone: string[] = [];
  const rowOfFile: RowReader = async (file) => {
    alone.push(file);
    if (file === 'bomb.txt') return err({ code: 'file-reader-crashed', reason: '内存超限' });
    return ok({ row: rowFor(file) });
  };
  const rows: BatchRow[] = [];
  await auditBatch(
    files,
    async () => new Uint8Array(10),
    new Set(),
    (row) => void rows.push(row),
    {
      groupReader,
      rowOfFile,
    },
  );
  assert.deepEqual(groups, [files.slice(0, 8), files.slice(8)]);
  assert.deepEqual(alone, ['r8.txt', 'bomb.txt', 'r10.txt', 'r11.txt'], 'the refused group, file by file');
  assert.deepEqual(
    rows.map((r) => r.file),
    [...files.slice(0, 8), 'r8.txt', 'bomb.txt', 'r10.txt', 'r11.txt'],
  );
  assert.ok(
    rows.filter((r) => r.file !== 'bomb.txt').every((r) => r.agency === `机关${r.file}` && !r.problem),
  );
  assert.match(rows[9]!.problem, /内存超限/);
});

test('a file that cannot be read from disk is a row with the reason, the batch goes on', async () => {
  const rows: BatchRow[] = [];
  await auditBatch(
    ['gone.txt', 'here.txt'],
    async (file) => {
      if (file === 'gone.txt') throw new Error('ENOENT: no such file');
      return new Uint8Array();
    },
    new Set(),
    (row) => void rows.push(row),
    { rowOfFile: async (file) => ok({ row: rowFor(file) }) },
  );
  assert.deepEqual(
    rows.map((r) => [r.file, r.problem]),
    [
      ['gone.txt', '无法读取：ENOENT: no such file'],
      ['here.txt', ''],
    ],
  );
});

test('in the sandbox, the rows of real reports read together in groups are those read one by one', async () => {
  const folder = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
  const names = [
    '008-pingtan-2022.txt',
    'variants/zhongwei-civil-affairs-2021.html',
    'real/pingtan-2023.txt',
    '014-shanghai-gov-office-2025.txt',
    'real/shuyang-county-2025.txt',
  ];
  const read = async (name: string) => readFileSync(new URL(name, folder));
  const run = async (options: { window?: number; groupFiles?: number }) => {
    const rows: BatchRow[] = [];
    await auditBatch(names, read, new Set(), (row) => void rows.push(row), options);
    return rows;
  };
  // Together: the five in one worker's group; one by one: each file alone, one at a time.
  const together = await run({});
  assert.deepEqual(together, await run({ window: 1, groupFiles: 1 }));
  assert.deepEqual(together, await run({ window: 4, groupFiles: 2 }));
  assert.deepEqual(
    together.map((r) => [r.agency, r.year, r.cells_read]),
    [
      ['平潭综合实验区', '2022', '200'],
      ['中卫市民政局', '2021', '200'],
      ['平潭综合实验区', '2023', '197'],
      ['上海市人民政府办公厅', '2025', '198'],
      ['沐阳县人民政府', '2025', '200'], // as the OCR misread its title
    ],
  );
});

test('last year’s report in the batch splits this year’s 上年结转 printed run together, as --previous does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-carried-'));
  const pair = carriedOverPair();
  // This year first in the folder: its row waits for last year's report.
  const files = [join(dir, 'a-2024.txt'), join(dir, 'b-2023.txt'), join(dir, 'c-other.txt')];
  writeFileSync(files[0]!, pair.thisYear);
  writeFileSync(files[1]!, pair.lastYear);
  writeFileSync(files[2]!, readFileSync(new URL('008-pingtan-2022.txt', reports)));
  const rows: BatchRow[] = [];
  await auditBatch(
    files,
    async (file) => readFileSync(file),
    new Set(),
    (row) => void rows.push(row),
  );
  assert.deepEqual(
    rows.map((r) => [r.file, r.year, r.cells_ambiguous, r.carried_in]),
    [
      [files[1], '2023', '0', '1'],
      [files[2], '2022', '0', '1'],
      // Alone, its 上年结转 splits two ways (1/11 …); last year's 结转下年度 11 1 0 0 0 0 12 decides it.
      [files[0], '2024', '0', '12'],
    ],
  );
  // Without last year's report the row is given as it was read: uncertain, not guessed.
  const alone: BatchRow[] = [];
  await auditBatch(
    [files[0]!],
    async (file) => readFileSync(file),
    new Set(),
    (row) => void alone.push(row),
  );
  assert.notEqual(alone[0]!.cells_ambiguous, '0');
});

test('a file holding several reports is a row for each (file#1/3, file#2/3…); a batch stopped among them resumes without repeating one, one done is not read again', async () => {
  const folder = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
  const text = (name: string) => readFileSync(new URL(name, folder), 'utf8');
  const compilation = [
    text('zhongwei-civil-affairs-2021.txt'),
    text('real/pingtan-junshan-2022.txt'),
    text('real/pingtan-2024.txt'),
  ].join('\n');
  const files: Record<string, Uint8Array> = {
    '汇编.txt': Buffer.from(compilation),
    'real/pingtan-2023.txt': readFileSync(new URL('real/pingtan-2023.txt', folder)),
  };
  const read = async (name: string) => files[name]!;
  const run = async (done: ReadonlySet<string>) => {
    const rows: BatchRow[] = [];
    await auditBatch(Object.keys(files), read, done, (row) => void rows.push(row));
    return rows;
  };
  const rows = await run(new Set());
  assert.deepEqual(
    rows.map((r) => [r.file, r.agency, r.year, r.cells_read]),
    [
      ['汇编.txt#1/3', '中卫市民政局', '2021', '200'],
      ['汇编.txt#2/3', '平潭综合实验区君山片区管理局', '2022', '200'],
      ['汇编.txt#3/3', '平潭综合实验区', '2024', '197'],
      ['real/pingtan-2023.txt', '平潭综合实验区', '2023', '197'],
    ],
  );
  // Each report's row as the report's alone.
  const aloneRows: BatchRow[] = [];
  await auditBatch(
    ['real/pingtan-junshan-2022.txt'],
    async (name) => readFileSync(new URL(name, folder)),
    new Set(),
    (row) => void aloneRows.push(row),
  );
  assert.deepEqual({ ...rows[1]!, file: '' }, { ...aloneRows[0]!, file: '' });
  // An output where the file was one row (written before compilations were parted): the file is done.
  assert.deepEqual(
    (await run(new Set(['汇编.txt']))).map((r) => r.file),
    ['real/pingtan-2023.txt'],
  );
  // Stopped after the compilation's second row: the third comes, the first two not again.
  const resumed = await run(new Set(['汇编.txt#1/3', '汇编.txt#2/3']));
  assert.deepEqual(
    resumed.map((r) => r.file),
    ['汇编.txt#3/3', 'real/pingtan-2023.txt'],
  );
  assert.deepEqual(resumed[0], rows[2]);
  // All three written: the file is done, not read again.
  const finished = await run(new Set(['汇编.txt#1/3', '汇编.txt#2/3', '汇编.txt#3/3']));
  assert.deepEqual(
    finished.map((r) => r.file),
    ['real/pingtan-2023.txt'],
  );
});
