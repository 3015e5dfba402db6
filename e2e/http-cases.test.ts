import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from './start-server.ts';
import { HttpClient } from './http-client.ts';
import { runCli } from './run-cli.ts';

const PASSWORD = 'demo-password-for-tests';
let server: RunningServer;
let database: string;

before(async () => {
  server = await startServer({ GONGKAI_DEMO_PASSWORD: PASSWORD, GONGKAI_TODAY: '2025-03-03' });
  database = server.database;
  const env = { DATABASE_URL: database };
  await runCli(['agency', 'add', '--id', 'other', '--name', '另一个局'], env);
  await runCli(
    [
      'staff',
      'add',
      '--agency',
      'other',
      '--username',
      'stranger',
      '--name',
      '外局人员',
      '--role',
      'officer',
      '--password',
      'Xq7-vel-Tarn-48',
    ],
    env,
  );
  await runCli(
    [
      'staff',
      'add',
      '--agency',
      'demo',
      '--username',
      'watcher',
      '--name',
      '监督员',
      '--role',
      'supervisor',
      '--password',
      'Sunflower#River9',
    ],
    env,
  );
});
after(async () => {
  await server?.stop();
});

const applicant = {
  type: 'natural',
  name: '张三',
  phone: '13800000000',
  email: 'zhangsan@example.cn',
  idNumber: '110101199001011237',
};
const application = { description: '2024年本市义务教育学校招生计划', delivery: 'email' };

test('staff sign in with a password; a wrong one is refused without saying which part was wrong', async () => {
  const client = new HttpClient(server.url);
  const wrong = await client.login('officer', 'nope');
  assert.deepEqual(
    [wrong.status, wrong.body.error.code, wrong.body.error.message],
    [401, 'login-failed', '用户名或密码错误'],
  );
  const unknown = await client.login('nobody', 'nope');
  assert.equal(unknown.body.error.message, wrong.body.error.message);
  const ok = await client.login('officer', PASSWORD);
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get('set-cookie') ?? '', /gk_session=.*HttpOnly.*SameSite=Strict/i);
  assert.deepEqual(ok.body.account.roles, ['officer', 'approver']);
  const me = await client.request('GET', '/api/session');
  assert.equal(me.body.account.username, 'officer');
});

test('a citizen applies online and follows the status with the query code only', async () => {
  const citizen = new HttpClient(server.url);
  const created = await citizen.request('POST', '/api/public/agencies/demo/applications', {
    applicant,
    application,
  });
  assert.equal(created.status, 201);
  assert.match(created.body.id, /^YSQ-2025-\d{5}$/);
  const status = await citizen.request('POST', '/api/public/status', {
    agencyId: 'demo',
    id: created.body.id,
    queryCode: created.body.queryCode,
  });
  assert.deepEqual(status.body, {
    id: created.body.id,
    status: 'submitted-unconfirmed',
    submittedOn: '2025-03-03',
    statusLabel: '待确认收到',
  });
  const guessed = await citizen.request('POST', '/api/public/status', {
    agencyId: 'demo',
    id: created.body.id,
    queryCode: 'AAAAAAAAAAAA',
  });
  assert.deepEqual([guessed.status, guessed.body.error.code], [404, 'case-not-found']);
  // The agency may be left out: the number and the code find the application.
  const withoutAgency = await citizen.request('POST', '/api/public/status', {
    id: created.body.id,
    queryCode: created.body.queryCode.toLowerCase(),
  });
  assert.deepEqual(withoutAgency.body, status.body);
  for (const wrong of [
    { id: created.body.id, queryCode: 'AAAAAAAAAAAA' },
    { id: 'YSQ-2025-99999', queryCode: created.body.queryCode },
  ]) {
    const refused = await citizen.request('POST', '/api/public/status', wrong);
    assert.deepEqual([refused.status, refused.body.error.code], [404, 'case-not-found']);
  }
  // Another agency's number with this code: not found either.
  const elsewhere = await citizen.request('POST', '/api/public/status', {
    agencyId: 'demo-water',
    id: created.body.id,
    queryCode: created.body.queryCode,
  });
  assert.equal(elsewhere.status, 404);
  // The officer's list shows how long it has waited for confirmation (第三十一条), against 公开设置.
  const officer = new HttpClient(server.url);
  await officer.login('officer', PASSWORD);
  const list = await officer.request(
    'GET',
    '/api/agencies/demo/requests?open=true&status=submitted-unconfirmed',
  );
  assert.equal(list.body.confirmationAlertWorkingDays, 2);
  const mine = list.body.requests.find((r: { id: string }) => r.id === created.body.id);
  assert.deepEqual(mine.confirmation, { waitingWorkingDays: 0, overdue: false });
  assert.ok(
    list.body.requests.every((r: { confirmation?: { overdue: boolean } }) => r.confirmation !== undefined),
  );
});

test('an officer works a case from receipt to reply, and the report counts it', async () => {
  const officer = new HttpClient(server.url);
  await officer.login('officer', PASSWORD);
  const before = await officer.request('GET', '/api/agencies/demo/reports/2025/cells/t3.r3_1.natural');
  const created = await officer.request('POST', '/api/agencies/demo/requests', {
    channel: 'in-person',
    submittedOn: '2025-03-03',
    applicant,
    application,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const path = `/api/agencies/demo/requests/${created.body.id}`;
  const viewed = await officer.request('GET', path);
  assert.deepEqual(
    [viewed.body.status, viewed.body.deadline.dueOn, viewed.body.deadline.daysLeft],
    ['received', '2025-03-31', 20],
  );
  assert.equal(viewed.body.deadline.days.filter((d: { counted: boolean }) => d.counted).length, 20);
  const clarification = await officer.request('POST', `${path}/actions`, {
    type: 'request-clarification',
    on: '2025-03-03',
    items: '请写明学段',
  });
  assert.deepEqual(
    [clarification.status, clarification.body.status, clarification.body.deadline.periodEndsOn],
    [200, 'awaiting-clarification', '2025-03-17'],
  );
  const again = await officer.request('POST', `${path}/actions`, {
    type: 'request-clarification',
    on: '2025-03-03',
    items: '再补',
  });
  assert.deepEqual([again.status, again.body.error.code], [422, 'clarification-already-requested']);
  assert.match(again.body.error.message, /一次性/);
  const corrected = await officer.request('POST', `${path}/actions`, {
    type: 'receive-clarification',
    description: '2024年度本局行政许可事项目录',
    on: '2025-03-03',
  });
  assert.equal(corrected.body.deadline.dueOn, '2025-03-31');
  const replied = await officer.request('POST', `${path}/actions`, {
    type: 'record-reply',
    on: '2025-03-03',
    outcome: 'r3_1',
    legalBasis: '《条例》第三十六条第（二）项',
    content: { variant: 'provided', disclosed: '2025年度招生计划' },
  });
  assert.deepEqual([replied.status, replied.body.status, replied.body.history.length], [200, 'replied', 5]);
  const letter = await fetch(`${server.url}${path}/letters/reply?format=docx`, {
    headers: { cookie: officer.cookieHeader },
  });
  assert.equal(letter.status, 200);
  assert.match(letter.headers.get('content-disposition') ?? '', /filename\*=UTF-8''YSQ-2025-\d+-/);
  const notYet = await officer.request('GET', `${path}/letters/fee-notice`);
  assert.deepEqual([notYet.status, notYet.body.error.code], [422, 'letter-not-applicable']);
  const after = await officer.request('GET', '/api/agencies/demo/reports/2025/cells/t3.r3_1.natural');
  assert.equal(after.body.count, before.body.count + 1);
  assert.ok(after.body.recordIds.includes(created.body.id));
  // The lineage page lists a hundred records a page: the one that holds this case.
  const lineagePage = Math.floor(after.body.recordIds.indexOf(created.body.id) / 100) + 1;
  const lineage = await (
    await fetch(`${server.url}/agencies/demo/reports/2025/cells/t3.r3_1.natural?page=${lineagePage}`)
  ).text();
  assert.ok(
    lineage.includes(`<a href="/console/requests/${created.body.id}"><code>${created.body.id}</code></a>`),
    'a case links to its console page',
  );
});

test("no one reads or changes another agency's cases, and roles limit what one may do", async () => {
  const stranger = new HttpClient(server.url);
  await stranger.login('stranger', 'Xq7-vel-Tarn-48');
  const list = await stranger.request('GET', '/api/agencies/demo/requests');
  assert.deepEqual([list.status, list.body.error.code], [403, 'forbidden']);
  const register = await stranger.request('POST', '/api/agencies/demo/requests', {
    channel: 'in-person',
    submittedOn: '2025-03-03',
    applicant,
    application,
  });
  assert.equal(register.status, 403);
  const watcher = new HttpClient(server.url);
  await watcher.login('watcher', 'Sunflower#River9');
  assert.equal((await watcher.request('GET', '/api/agencies/demo/requests')).status, 200);
  const write = await watcher.request('POST', '/api/agencies/demo/requests', {
    channel: 'in-person',
    submittedOn: '2025-03-03',
    applicant,
    application,
  });
  assert.equal(write.status, 403);
  const anonymous = new HttpClient(server.url);
  assert.equal((await anonymous.request('GET', '/api/agencies/demo/requests')).status, 401);
});

test("the fee quote follows the 办法: 按量 by pages, 按件 by the applicant's applications that month", async () => {
  const officer = new HttpClient(server.url);
  await officer.login('officer', PASSWORD);
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const created = await officer.request('POST', '/api/agencies/demo/requests', {
      channel: 'in-person',
      submittedOn: '2025-03-03',
      applicant: { type: 'org_business', name: '某频繁申请公司', email: 'office@example.cn' },
      application,
    });
    ids.push(created.body.id);
  }
  const base = '/api/agencies/demo/requests';
  const pages = await officer.request('GET', `${base}/${ids[0]}/fee-quote?method=per-page&pages=250`);
  assert.deepEqual([pages.body.amountYuan, pages.body.basis], [4700, '共 250 页']);
  const tenth = await officer.request('GET', `${base}/${ids[9]}/fee-quote?method=per-application`);
  const eleventh = await officer.request('GET', `${base}/${ids[10]}/fee-quote?method=per-application`);
  assert.deepEqual([tenth.body.amountYuan, eleventh.body.amountYuan], [0, 100]);
  assert.match(eleventh.body.basis, /2025年03月第 11 件申请/);
  const missing = await officer.request('GET', `${base}/${ids[0]}/fee-quote?method=per-page`);
  assert.equal(missing.status, 400);
  const filtered = await officer.request('GET', '/api/agencies/demo/requests?status=received');
  assert.ok(filtered.body.requests.length >= 12);
  assert.ok(filtered.body.requests.every((r: { status: string }) => r.status === 'received'));
  const badFilter = await officer.request('GET', '/api/agencies/demo/requests?status=lost');
  assert.equal(badFilter.status, 400);
});

test('a state-changing request without the CSRF token is refused', async () => {
  const officer = new HttpClient(server.url);
  await officer.login('officer', PASSWORD);
  const token = officer.csrfToken;
  officer.csrfToken = '';
  const refused = await officer.request('POST', '/api/agencies/demo/requests', {
    channel: 'in-person',
    submittedOn: '2025-03-03',
    applicant,
    application,
  });
  assert.deepEqual([refused.status, refused.body.error.code], [403, 'csrf-token-invalid']);
  officer.csrfToken = token;
});

test('bad input gets a 4xx with a clear message and the case stays as it was', async () => {
  const officer = new HttpClient(server.url);
  await officer.login('officer', PASSWORD);
  const created = await officer.request('POST', '/api/agencies/demo/requests', {
    channel: 'in-person',
    submittedOn: '2025-03-03',
    applicant,
    application,
  });
  const path = `/api/agencies/demo/requests/${created.body.id}`;
  const cases: Array<[unknown, number, string]> = [
    [{ type: 'record-payment', on: '2025-03-03', amountYuan: 100 }, 422, 'payment-before-notice'],
    [{ type: 'record-reply', on: '2025-02-30', outcome: 'r3_1', legalBasis: 'x' }, 400, 'invalid-request'],
    [{ type: 'record-reply', on: '2025-03-03', outcome: 'r9_9', legalBasis: 'x' }, 400, 'invalid-request'],
    [{ type: 'record-reply', on: '2025-03-04', outcome: 'r3_1', legalBasis: 'x' }, 422, 'date-in-future'],
    [
      { type: 'request-extension', workingDays: 30, on: '2025-03-03', reason: '量大' },
      422,
      'extension-too-long',
    ],
    // The agency separates duties (the default): no one grants an extension in one step.
    [
      { type: 'grant-extension', workingDays: 5, approvedOn: '2025-03-03', noticeSentOn: '2025-03-03' },
      422,
      'approval-required',
    ],
    [{ type: 'fly-to-the-moon' }, 400, 'invalid-request'],
  ];
  for (const [body, status, code] of cases) {
    const result = await officer.request('POST', `${path}/actions`, body);
    assert.deepEqual([result.status, result.body.error?.code], [status, code], JSON.stringify(body));
    assert.ok(result.body.error.message.length > 0);
  }
  const malformed = await officer.request('POST', `${path}/actions`, '{"type": "record-reply",');
  assert.equal(malformed.status, 400);
  const oversized = await officer.postOversized(`${path}/actions`, 6 * 1024 * 1024);
  assert.equal(oversized, 413);
  const view = await officer.request('GET', path);
  assert.deepEqual([view.body.status, view.body.history.length], ['received', 2]);
});
