import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, fixture } from './run-cli.ts';

const report = (name: string) => fixture(`reports/${name}.txt`);

test('audit reads a published report, says what it read and checks the rules', async () => {
  const run = await runCli(['audit', report('014-shanghai-gov-office-2025')]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /机关：上海市人民政府办公厅\s+年度：2025\s+格式：2021/);
  assert.match(run.stdout, /读出 198\/200 个单元格/);
  assert.match(run.stdout, /未能读出：t2\.regulations\.repealed、t2\.normative_docs\.repealed/);
});

test('audit --json prints the cells with the line each was read from, and the checks', async () => {
  const run = await runCli(['audit', '--json', report('zhongwei-civil-affairs-2021')]);
  assert.equal(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout);
  assert.equal(json.cells['t2.normative_docs.in_force'], 4);
  assert.ok(json.sources['t2.normative_docs.in_force'].line > 0);
  assert.ok(
    json.checks.some((c: { rule: string; status: string }) => c.rule.startsWith('R1') && c.status === 'pass'),
  );
});

test('audit refuses what it cannot read, naming the file and the reason', async () => {
  const pdf = await runCli(['audit', 'report.pdf']);
  assert.equal(pdf.code, 2);
  assert.match(pdf.stderr, /report\.pdf：暂时只能读取纯文本（\.txt）的年度报告，\.pdf 格式尚不支持/);
  const flattened = await runCli(['audit', report('008-pingtan-2022')]);
  assert.equal(flattened.code, 2);
  assert.match(flattened.stdout, /读出 0\/200 个单元格/);
});
