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

test('filing submit --with-below files a city and every agency below, leaves first, and names what it cannot file', async () => {
  const database = join(tmp, 'tree.db');
  const env = { DATABASE_URL: database, GONGKAI_TODAY: '2025-01-20' };
  const cli = (...args: string[]) => runCli(args, env);
  for (const agency of [
    ['--id', 'city', '--name', '某市人民政府', '--level', 'city'],
    ['--id', 'edu', '--name', '某市教育局', '--parent', 'city'],
    ['--id', 'tr', '--name', '某市交通运输局', '--parent', 'city'],
    ['--id', 'k', '--name', '某县人民政府', '--parent', 'city', '--level', 'county'],
    ['--id', 'kd', '--name', '某县水务局', '--parent', 'k'],
  ])
    assert.equal((await cli('agency', 'add', ...agency)).code, 0);
  assert.equal((await cli('ledger', 'import', '--agency', 'edu', '--year', '2024', ...ledger)).code, 0);
  assert.equal((await cli('ledger', 'import', '--agency', 'kd', '--year', '2024', ...ledger)).code, 0);
  // The transport bureau's 2023 report, filed from its published file, carried 5 cases into 2024 that
  // its records here do not hold: R6 stops its 2024 report, and with it the city's.
  const raw = new SQLite(database);
  raw
    .prepare(
      `insert into filed_reports (agency_id, year, version, status, origin, format, report, explanations,
         children, source_file, filed_by, filed_at, filed_on, reopened_at, indicators)
       values ('tr', 2023, 1, 'filed', 'import', '2021', ?, '{}', '[]', 'tr-2023.pdf', 'office',
         '2024-01-20T02:00:00.000Z', '2024-01-20', null, null)`,
    )
    .run(
      JSON.stringify({
        format: '2021',
        year: 2023,
        agency: { name: '某市交通运输局' },
        cells: { 't3.r4.natural': 5, 't3.r4.total': 5 },
        checks: [],
        sections: {},
      }),
    );
  raw.close();

  const first = await cli('filing', 'submit', '--agency', 'city', '--year', '2024', '--with-below');
  assert.equal(first.code, 1, first.stderr);
  assert.match(first.stdout, /^tr\t某市交通运输局\t未报送\t.+$/m);
  assert.match(first.stdout, /^city\t某市人民政府\t未报送\t.*某市交通运输局/m);
  assert.match(
    first.stderr,
    /某市人民政府及其下级：本次报送 3 个机关的 2024 年度报告（其中汇总 1 个），此前已报送 0 个，未能报送 2 个/,
  );
  const status = await cli('filing', 'submit', '--agency', 'edu', '--year', '2024');
  assert.equal(status.code, 1);
  assert.match(status.stderr, /已报送/, 'the bureau below was filed by the run');

  const again = await cli('filing', 'submit', '--agency', 'city', '--year', '2024', '--with-below');
  assert.match(again.stderr, /本次报送 0 个机关.*此前已报送 3 个，未能报送 2 个/);
  const unknown = await cli('filing', 'submit', '--agency', 'nowhere', '--year', '2024', '--with-below');
  assert.equal(unknown.code, 2);
});
