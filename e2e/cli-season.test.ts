/** The reporting season from the command line: open, file, the lock on ledger imports, correct, re-open. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { fixture, runCli } from './run-cli.ts';

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'gongkai-season-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const ledger = [
  '--requests',
  fixture('ledger-2024/requests.csv'),
  '--reviews',
  fixture('ledger-2024/reviews.csv'),
];

test('season open and status, filing submit, the locked year refuses a ledger, a correction re-opens it', async () => {
  const env = { DATABASE_URL: join(tmp, 'season.db'), GONGKAI_TODAY: '2025-01-20' };
  const cli = (...args: string[]) => runCli(args, env);
  assert.equal(
    (await cli('agency', 'add', '--id', 'city', '--name', '某市人民政府', '--level', 'city')).code,
    0,
  );
  assert.equal(
    (await cli('agency', 'add', '--id', 'edu', '--name', '某市教育局', '--parent', 'city')).code,
    0,
  );
  const badLevel = await cli('agency', 'add', '--id', 'x', '--name', '某', '--level', 'village');
  assert.equal(badLevel.code, 2);
  assert.match(badLevel.stderr, /层级“village”无效/);
  assert.equal((await cli('ledger', 'import', '--agency', 'edu', '--year', '2024', ...ledger)).code, 0);

  const late = await cli(
    'season',
    'open',
    '--agency',
    'city',
    '--year',
    '2024',
    '--deadline',
    'department=2025-02-10',
  );
  assert.equal(late.code, 1);
  assert.match(late.stderr, /晚于条例第四十九条规定的 2025-01-31/);
  const opened = await cli(
    'season',
    'open',
    '--agency',
    'city',
    '--year',
    '2024',
    '--deadline',
    'department=2025-01-26',
  );
  assert.equal(opened.code, 0, opened.stderr);
  const before = await cli('season', 'status', '--agency', 'city', '--year', '2024');
  assert.match(before.stdout, /^edu\t某市教育局\t2025-01-26\t未报送$/m);

  const filed = await cli('filing', 'submit', '--agency', 'edu', '--year', '2024', '--actor', 'approver-a');
  assert.equal(filed.code, 0, filed.stderr);
  assert.match(filed.stderr, /已报送 某市教育局 2024 年度报告第 1 版；该年度已锁定/);
  const after = await cli('season', 'status', '--agency', 'city', '--year', '2024');
  assert.match(after.stdout, /^edu\t某市教育局\t2025-01-26\t已按时报送\t第 1 版 2025-01-20$/m);

  const locked = await cli('ledger', 'import', '--agency', 'edu', '--year', '2024', ...ledger);
  assert.equal(locked.code, 2);
  assert.match(locked.stderr, /2024 年度报告已报送并锁定/);

  const correction = await cli(
    'filing',
    'correct',
    '--agency',
    'edu',
    '--year',
    '2024',
    '--actor',
    'approver-a',
    '--reason',
    '台账中有 3 件申请的办结日期录错，需更正后重新报送',
  );
  assert.equal(correction.code, 0, correction.stderr);
  const id = correction.stdout.trim();
  const self = await cli('filing', 'approve', id, '--agency', 'edu', '--actor', 'approver-a');
  assert.equal(self.code, 1);
  assert.match(self.stderr, /不能审批自己提出的更正申请/);
  const approved = await cli('filing', 'approve', id, '--agency', 'edu', '--actor', 'office-head');
  assert.equal(approved.code, 0, approved.stderr);
  const reimported = await cli('ledger', 'import', '--agency', 'edu', '--year', '2024', ...ledger);
  assert.equal(reimported.code, 0, reimported.stderr);
  const refiled = await cli('filing', 'submit', '--agency', 'edu', '--year', '2024');
  assert.match(refiled.stderr, /第 2 版/);
});

test('audit-log verify: the chain of what the season recorded, and a change made behind its back', async () => {
  const database = join(tmp, 'season.db');
  const env = { DATABASE_URL: database };
  const verified = await runCli(['audit-log', 'verify'], env);
  assert.equal(verified.code, 0, verified.stderr);
  const head = verified.stdout.trim();
  assert.match(head, /^[0-9a-f]{64}$/);
  assert.match(verified.stderr, /审计日志完整：共 \d+ 条/);
  const again = await runCli(['audit-log', 'verify', '--expect-head', head], env);
  assert.match(again.stderr, /含以前记下的末条/);

  // Someone edits an entry directly in the file, around the triggers.
  const raw = new SQLite(database);
  raw.exec('drop trigger audit_log_no_update');
  raw.prepare("update audit_log set actor = 'nobody' where seq = (select min(seq) from audit_log)").run();
  raw.close();
  const broken = await runCli(['audit-log', 'verify'], env);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /审计日志在第 \d+ 条处断开：该条内容与其哈希不符/);
});

test('backup while the data is there, restore to another file: the same report and an intact audit log', async () => {
  const database = join(tmp, 'season.db');
  const copy = join(tmp, 'season.backup');
  const backup = await runCli(['backup', copy], { DATABASE_URL: database });
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stderr, /已备份到/);
  const again = await runCli(['backup', copy], { DATABASE_URL: database });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /已存在：不会覆盖/);
  const restoredDb = join(tmp, 'restored.db');
  const restored = await runCli(['restore', copy], { DATABASE_URL: restoredDb });
  // The audit log of season.db was edited behind its back in the test before: the restore says so.
  assert.equal(restored.code, 2);
  assert.match(restored.stderr, /已恢复，但审计日志在第 \d+ 条处断开/);
  const report = (url: string) =>
    runCli(['report', 'build', '--year', '2024', '--agency', 'edu'], { DATABASE_URL: url });
  assert.equal((await report(restoredDb)).stdout, (await report(database)).stdout);
  const junk = join(tmp, 'junk.txt');
  writeFileSync(junk, 'hello');
  const bad = await runCli(['restore', junk, '--force'], { DATABASE_URL: join(tmp, 'other.db') });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /不是 gongkai 的 SQLite 备份/);
});
