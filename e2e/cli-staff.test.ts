/**
 * `gongkai staff …` as the first administrator and a helpdesk would use it: add with a one-time
 * password or a chosen one under the policy, list, reset, disable, enable, sessions — all audited.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';

let tmp: string;
let env: Record<string, string>;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'gongkai-staff-'));
  env = { DATABASE_URL: join(tmp, 'staff.db') };
  assert.equal((await runCli(['agency', 'add', '--id', 'city', '--name', '某市政府办公室'], env)).code, 0);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('staff add, list, reset-password, disable, enable, sessions and end-sessions', async () => {
  const added = await runCli(
    ['staff', 'add', '--agency', 'city', '--username', 'li', '--name', '李四', '--role', 'officer'],
    env,
  );
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout.trim(), /^[A-Za-z2-9]{16}$/);
  assert.match(added.stderr, /首次登录须修改/);
  for (const [password, reason] of [
    ['            ', /三种/],
    ['Password1234!', /太常见/],
    ['short', /至少 12 个字符/],
  ] as const) {
    const weak = await runCli(
      ['staff', 'add', '--agency', 'city', '--username', 'wang', '--name', '王五', '--password', password],
      env,
    );
    assert.notEqual(weak.code, 0, password);
    assert.match(weak.stderr, reason);
  }
  const chosen = await runCli(
    [
      'staff',
      'add',
      '--agency',
      'city',
      '--username',
      'wang',
      '--name',
      '王五',
      '--role',
      'admin',
      '--password',
      'Xq7-vel-Tarn-48',
    ],
    env,
  );
  assert.equal(chosen.code, 0, chosen.stderr);
  const listed = await runCli(['staff', 'list', '--agency', 'city'], env);
  assert.deepEqual(listed.stdout.trim().split('\n'), [
    'li\t李四\tofficer\t待修改密码',
    'wang\t王五\tadmin\t正常',
  ]);
  const reset = await runCli(['staff', 'reset-password', '--username', 'wang'], env);
  assert.equal(reset.code, 0, reset.stderr);
  assert.match(reset.stdout.trim(), /^[A-Za-z2-9]{16}$/);
  assert.equal((await runCli(['staff', 'disable', '--username', 'li'], env)).code, 0);
  assert.match(
    (await runCli(['staff', 'list', '--agency', 'city'], env)).stdout,
    /li\t李四\tofficer\t已停用/,
  );
  assert.equal((await runCli(['staff', 'enable', '--username', 'li'], env)).code, 0);
  const sessions = await runCli(['staff', 'sessions', '--username', 'li'], env);
  assert.deepEqual([sessions.code, sessions.stdout], [0, '']);
  const ended = await runCli(['staff', 'end-sessions', '--username', 'li'], env);
  assert.match(ended.stderr, /已结束 li 的 0 个登录会话/);
  const unknown = await runCli(['staff', 'disable', '--username', 'nobody'], env);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /没有用户名为“nobody”的账号/);
  const verified = await runCli(['audit-log', 'verify'], env);
  assert.equal(verified.code, 0, verified.stderr);
});
