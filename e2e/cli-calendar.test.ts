import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, fixture } from './run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gongkai-calendar-'));
const env = { DATABASE_URL: join(tmp, 'calendar.db') };

test('calendar add-workdays prints the due date first, then with --explain the days counted and skipped', async () => {
  const run = await runCli(['calendar', 'add-workdays', '2025-09-26', '20', '--explain'], env);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines[0], '2025-10-30');
  assert.match(run.stdout, /2025-09-28 周日 {2}调休上班日（国庆节） {2}第 1 个工作日/);
  assert.match(run.stdout, /2025-10-01 周三 {2}法定节假日（国庆节） {2}不计/);
  assert.match(run.stdout, /2025-10-30 周四 {2}工作日 {2}第 20 个工作日/);
});

test('a period into a year without a notice follows the statutory holidays, provisionally, with a clear warning', async () => {
  const run = await runCli(['calendar', 'add-workdays', '2026-12-04', '20'], env);
  assert.equal(run.code, 0);
  assert.equal(run.stdout, '2027-01-04\n', '1 January 2027 is 元旦 even before the notice');
  assert.match(run.stderr, /警告：日历中没有 2027 年的放假通知.*法定节假日.*仅为暂定/);
});

test("importing a year's notice makes it count, and a bad notice changes nothing", async () => {
  // Before the notice: 春节 from 除夕 (5 February) with two days given back for its weekend (9, 10).
  const before = await runCli(['calendar', 'add-workdays', '2027-02-04', '1'], env);
  assert.equal(before.stdout.trim(), '2027-02-11');
  const imported = await runCli(
    [
      'calendar',
      'import',
      fixture('calendar/test-notice-2027.txt'),
      '--year',
      '2027',
      '--source',
      '测试通知',
    ],
    env,
  );
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stderr, /放假 11 天，调休上班 1 天/);
  // The notice's own arrangement: off until 12 February, Saturday 13 February worked.
  const after = await runCli(['calendar', 'add-workdays', '2027-02-04', '1'], env);
  assert.equal(after.stdout.trim(), '2027-02-13');
  assert.equal(after.stderr, '');
  const show = await runCli(['calendar', 'show', '2027'], env);
  assert.match(show.stdout, /2027-02-13 周六 上班 春节/);
  const bad = join(tmp, 'bad.txt');
  writeFileSync(bad, '一、元旦：1月1日（周四）至3日（周六）放假，共3天。');
  const refused = await runCli(['calendar', 'import', bad, '--year', '2027'], env);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /2027-01-01 是周五，通知写的是周四/);
  assert.equal(
    (await runCli(['calendar', 'add-workdays', '2027-02-04', '1'], env)).stdout.trim(),
    '2027-02-13',
  );
});

test('bad arguments are refused with the reason', async () => {
  const run = await runCli(['calendar', 'add-workdays', '2025-02-30', '3'], env);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /“2025-02-30”不是 YYYY-MM-DD 格式的有效日期/);
  const days = await runCli(['calendar', 'add-workdays', '2025-02-03', '-1'], env);
  assert.equal(days.code, 2);
});
