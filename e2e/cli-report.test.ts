import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, fixture } from './run-cli.ts';

const expected = JSON.parse(readFileSync(fixture('ledger-2024/expected.json'), 'utf8')) as {
  cells: Record<string, number>;
};
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));

const zhLedger = [
  '--requests',
  fixture('ledger-2024-zh/依申请公开台账.xlsx'),
  '--reviews',
  fixture('ledger-2024-zh/复议诉讼台账.xlsx'),
  '--documents',
  fixture('ledger-2024-zh/规范性文件目录.xlsx'),
  '--figures',
  fixture('ledger-2024-zh/数据.json'),
];

test('report build turns a Chinese XLSX ledger into the expected report JSON on stdout', async () => {
  const run = await runCli(['report', 'build', '--year', '2024', '--agency', '某某市某某局', ...zhLedger]);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    cells: Record<string, number>;
    agency: { name: string };
    checks: Array<{ status: string; severity: string }>;
  };
  assert.deepEqual(report.cells, expected.cells);
  assert.equal(report.agency.name, '某某市某某局');
  assert.ok(!report.checks.some((c) => c.status === 'fail'));
  assert.match(run.stderr, /勾稽关系检查 \d+ 项/);
});

test('report build writes each export format to --out', async () => {
  for (const format of ['html', 'xlsx', 'docx', 'pdf']) {
    const out = join(tmp, `report.${format}`);
    const run = await runCli([
      'report',
      'build',
      '--year',
      '2024',
      '--agency',
      '某某市某某局',
      ...zhLedger,
      '--format',
      format,
      '--out',
      out,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(readFileSync(out).length > 1000, format);
  }
  const run = await runCli([
    'report',
    'build',
    '--year',
    '2024',
    '--agency',
    'x',
    ...zhLedger,
    '--format',
    'docx',
  ]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /请用 --out 指定输出文件/);
});

test('report check exits 0 on a consistent report and 1 when a rule fails, naming it', async () => {
  const good = join(tmp, 'good.json');
  const run = await runCli([
    'report',
    'build',
    '--year',
    '2024',
    '--agency',
    '某某市某某局',
    ...zhLedger,
    '--out',
    good,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const ok = await runCli(['report', 'check', good]);
  assert.equal(ok.code, 0, ok.stdout);
  const report = JSON.parse(readFileSync(good, 'utf8'));
  report.cells['t3.r1.natural'] += 1;
  const bad = join(tmp, 'bad.json');
  writeFileSync(bad, JSON.stringify(report));
  const failed = await runCli(['report', 'check', bad]);
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /✗ R1\.natural/);
  assert.match(failed.stdout, /✗ R3\.r1/);
  const json = await runCli(['report', 'check', bad, '--json']);
  const checks = JSON.parse(json.stdout) as Array<{ rule: string; status: string; delta: number }>;
  assert.deepEqual(checks.find((c) => c.rule === 'R1.natural')?.delta, 1);
});

test('report check uses the previous year for R6', async () => {
  const current = join(tmp, 'current.json');
  await runCli(['report', 'build', '--year', '2024', '--agency', 'x', ...zhLedger, '--out', current]);
  const previous = join(tmp, 'previous.json');
  const report = JSON.parse(readFileSync(current, 'utf8'));
  writeFileSync(
    previous,
    JSON.stringify({ ...report, year: 2023, cells: { ...report.cells, 't3.r4.total': 100 } }),
  );
  const run = await runCli(['report', 'check', current, '--previous', previous]);
  assert.equal(run.code, 0, 'R6 is a warning, not an error');
  assert.match(run.stdout, /✗ R6\.total .*警告/);
});

test('report check refuses a file that is not a report, saying why', async () => {
  const junk = join(tmp, 'junk.json');
  writeFileSync(junk, JSON.stringify({ format: '2030', cells: { 't3.r1.total': 'many' } }));
  const run = await runCli(['report', 'check', junk]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /不是有效的年度报告 JSON/);
  assert.match(run.stderr, /format/);
});

test('report explain prints the request ids behind a cell, one per line', async () => {
  const run = await runCli([
    'report',
    'explain',
    '--cell',
    't3.r3_3_4.org_business',
    '--year',
    '2024',
    '--requests',
    fixture('ledger-2024/requests.csv'),
  ]);
  assert.equal(run.code, 0, run.stderr);
  const ids = run.stdout.trim().split('\n');
  assert.equal(ids.length, expected.cells['t3.r3_3_4.org_business']);
  assert.ok(ids.every((id) => /^YSQ-\d{4}-\d{5}$/.test(id)));
});

test('a bad ledger is refused with every problem and nothing is written', async () => {
  const out = join(tmp, 'never.json');
  const run = await runCli([
    'report',
    'build',
    '--year',
    '2024',
    '--agency',
    'x',
    '--requests',
    fixture('bad-ledgers/requests-bad.csv'),
    '--out',
    out,
  ]);
  assert.equal(run.code, 2);
  assert.equal(run.stderr.match(/^错误 requests-bad\.csv 第\d+行/gm)?.length, 9);
  assert.equal(existsSync(out), false);
});

test('the stored ledger: agency add, ledger import, report build and explain from the database', async () => {
  const database = join(tmp, 'cli.db');
  const env = { DATABASE_URL: database };
  assert.equal(
    (await runCli(['agency', 'add', '--id', 'civil-affairs', '--name', '某某市某某局'], env)).code,
    0,
  );
  const imported = await runCli(
    ['ledger', 'import', '--agency', '某某市某某局', '--year', '2024', ...zhLedger],
    env,
  );
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stderr, /申请 2500 件，复议诉讼 48 件，规范性文件 10 件/);
  const built = await runCli(['report', 'build', '--year', '2024', '--agency', 'civil-affairs'], env);
  assert.equal(built.code, 0, built.stderr);
  assert.deepEqual(JSON.parse(built.stdout).cells, expected.cells);
  const explained = await runCli(
    ['report', 'explain', '--year', '2024', '--agency', 'civil-affairs', '--cell', 't4.review.total'],
    env,
  );
  assert.equal(explained.stdout.trim().split('\n').length, expected.cells['t4.review.total']);
  const refused = await runCli(
    [
      'ledger',
      'import',
      '--agency',
      'civil-affairs',
      '--year',
      '2024',
      '--requests',
      fixture('bad-ledgers/requests-bad.csv'),
    ],
    env,
  );
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /数据库未作任何改动/);
  const list = await runCli(['agency', 'list'], env);
  assert.match(list.stdout, /civil-affairs\t某某市某某局/);
});
