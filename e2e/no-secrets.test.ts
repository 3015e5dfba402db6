/**
 * No secret in the repository, none in the logs: the tracked files carry no private key, access key or
 * database password; a server logging every request writes no password, session cookie, CSRF token,
 * query code or applicant's phone — whatever a citizen and an officer did.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';
import { startServer } from './start-server.ts';

const SECRET_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['an AWS access key', /AKIA[0-9A-Z]{16}/],
  ['a database URL with a password', /postgres(ql)?:\/\/[^:/\s@'"`]+:[^@\s'"`]+@/],
  ['a hard-coded credential', /(?:secret|api[_-]?key|token)\s*[:=]\s*['"][A-Za-z0-9+/=_-]{24,}['"]/i],
];

test('no tracked file holds a private key, an access key or a database password', () => {
  const files = execFileSync('git', ['-c', 'core.quotePath=false', 'ls-files', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(
      (f) =>
        f && !/\.(pdf|docx|xlsx|png|jpg|ttf|woff2?|db)$/.test(f) && !f.startsWith('test-support/fixtures/'),
    );
  assert.ok(files.length > 100, `only ${files.length} files`);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [what, pattern] of SECRET_PATTERNS) if (pattern.test(text)) found.push(`${file}: ${what}`);
  }
  assert.deepEqual(found, []);
});

test(
  'a server logging every request writes no password, cookie, token, query code or phone',
  { timeout: 120_000 },
  async () => {
    const password = 'log-test-Secret-9f3a';
    const server = await startServer({ LOG_LEVEL: 'info', GONGKAI_DEMO_PASSWORD: password });
    const secrets: string[] = [password];
    try {
      const login = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer', password }),
      });
      assert.equal(login.status, 200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      secrets.push(cookie.split('=')[1]!, csrfToken);
      const wrong = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer', password: 'wrong-Secret-1234' }),
      });
      assert.equal(wrong.status, 401);
      secrets.push('wrong-Secret-1234');
      const applied = await fetch(`${server.url}/api/public/agencies/demo/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          applicant: {
            type: 'natural',
            name: '日志测试',
            phone: '13612345678',
            idNumber: '110101199003074514',
          },
          application: { description: '日志测试的申请', delivery: 'online' },
        }),
      });
      const { id, queryCode } = (await applied.json()) as { id: string; queryCode: string };
      secrets.push(queryCode, '13612345678', '110101199003074514');
      const status = await fetch(`${server.url}/api/public/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agencyId: 'demo', id, queryCode }),
      });
      assert.equal(status.status, 200);
      const viewed = await fetch(`${server.url}/api/agencies/demo/requests/${id}`, {
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      assert.equal(viewed.status, 200);
    } finally {
      await server.stop();
    }
    const log = server.output();
    assert.match(log, /"url":"\/api\/public\/status"/, 'requests are logged');
    for (const secret of secrets)
      assert.ok(!log.includes(secret), `the log holds a secret (${secret.slice(0, 4)}…)`);
  },
);
