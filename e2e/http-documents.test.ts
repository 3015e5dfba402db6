import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';

let app: FastifyInstance;
let headers: Record<string, Record<string, string>>;
let context: SignedInApp;

before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'civil', name: '某市民政局' }],
    accounts: [
      ['drafter', 'civil', 'officer'],
      ['reviewer', 'civil', 'approver'],
    ],
    today: '2025-03-05',
  });
  ({ app, headers } = context);
});
after(() => context?.close());

const step = (as: string, id: string, body: object) =>
  app.inject({
    method: 'POST',
    url: `/api/agencies/civil/documents/${id}/steps`,
    headers: headers[as],
    payload: body,
  });

test('draft → review → publish → found by search on the portal and shown with its metadata', async () => {
  const drafted = await app.inject({
    method: 'POST',
    url: '/api/agencies/civil/documents',
    headers: headers.drafter,
    payload: {
      title: '关于调整城乡低保标准的通知',
      documentNumber: '某民发〔2025〕3号',
      formedOn: '2025-03-03',
      category: '社会救助',
      body: '城乡低保标准调整为每人每月1000元。',
    },
  });
  assert.equal(drafted.statusCode, 201, drafted.body);
  const id = drafted.json().id as string;
  const noAttribute = await step('drafter', id, { type: 'submit-for-review' });
  assert.deepEqual([noAttribute.statusCode, noAttribute.json().error.code], [422, 'attribute-missing']);
  assert.equal(
    (await step('drafter', id, { type: 'set-attribute', attribute: { attribute: 'proactive' } })).statusCode,
    200,
  );
  assert.equal((await step('drafter', id, { type: 'submit-for-review' })).statusCode, 200);
  const drafterApproves = await step('drafter', id, { type: 'approve' });
  assert.equal(drafterApproves.statusCode, 403, 'the drafter has no review permission');
  assert.equal(
    (await app.inject({ method: 'GET', url: '/agencies/civil/documents?q=低保' })).body.includes(id),
    false,
    'not on the portal before publication',
  );
  assert.equal((await step('reviewer', id, { type: 'approve' })).statusCode, 200);
  const published = await step('drafter', id, { type: 'publish' });
  assert.deepEqual(
    [published.statusCode, published.json().status, published.json().publishedOn],
    [200, 'published', '2025-03-05'],
  );
  const search = await app.inject({
    method: 'GET',
    url: `/agencies/civil/documents?q=${encodeURIComponent('低保')}`,
  });
  // The query's word marked in the title, and a passage of the text around it.
  assert.match(
    search.body,
    new RegExp(`href="/agencies/civil/documents/${id}"\\s*>关于调整城乡<mark>低保</mark>标准的通知`),
  );
  assert.match(search.body, /class="snippet">[^<]*城乡<mark>低保<\/mark>标准调整为每人每月1000元/);
  const pageBody = (await app.inject({ method: 'GET', url: `/agencies/civil/documents/${id}` })).body;
  assert.match(pageBody, /某民发〔2025〕3号/);
  assert.match(
    pageBody,
    new RegExp(`<th>索引号</th>\\s*<td>CIVIL/2025-${id.slice(-5)}</td>`),
    'a 索引号 by the agency rule',
  );
  assert.match(pageBody, /城乡低保标准调整为每人每月1000元/);
  const feed = await app.inject({
    method: 'GET',
    url: `/agencies/civil/documents/feed.atom?category=${encodeURIComponent('社会救助')}`,
  });
  assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
  assert.match(feed.body, new RegExp(`<id>http://localhost(:\\d+)?/agencies/civil/documents/${id}</id>`));
  assert.match(feed.body, /<title>关于调整城乡低保标准的通知<\/title>/);
  const otherCategory = await app.inject({
    method: 'GET',
    url: `/agencies/civil/documents/feed.atom?category=${encodeURIComponent('预决算')}`,
  });
  assert.ok(!otherCategory.body.includes(id));
  const catalogue = await app.inject({ method: 'GET', url: '/agencies/civil/documents' });
  assert.match(catalogue.body, /社会救助（1）/);
});

test('a withheld document never reaches the portal, its search, its page, its feed or its sitemap', async () => {
  const drafted = await app.inject({
    method: 'POST',
    url: '/api/agencies/civil/documents',
    headers: headers.drafter,
    payload: {
      title: '低保对象家庭经济状况核对记录',
      formedOn: '2025-03-03',
      category: '社会救助',
      body: '内部记录',
      attribute: { attribute: 'not-disclosed', article: 'article-15', reason: '含个人隐私' },
    },
  });
  const id = drafted.json().id as string;
  await step('drafter', id, { type: 'submit-for-review' });
  await step('reviewer', id, { type: 'approve' });
  const publish = await step('drafter', id, { type: 'publish' });
  assert.deepEqual([publish.statusCode, publish.json().error.code], [422, 'not-for-proactive-disclosure']);
  assert.equal((await app.inject({ method: 'GET', url: `/agencies/civil/documents/${id}` })).statusCode, 404);
  assert.ok(
    !(await app.inject({ method: 'GET', url: '/agencies/civil/documents?q=核对' })).body.includes(id),
  );
  // Approved but withheld: not in the feed or the sitemap either.
  for (const url of ['/agencies/civil/documents/feed.atom', '/agencies/civil/sitemap.xml'])
    assert.ok(!(await app.inject({ method: 'GET', url })).body.includes(id), url);
  const noReason = await app.inject({
    method: 'POST',
    url: '/api/agencies/civil/documents',
    headers: headers.drafter,
    payload: {
      title: '某记录',
      formedOn: '2025-03-03',
      category: '其他',
      body: 'x',
      attribute: { attribute: 'on-request', article: 'article-16' },
    },
  });
  assert.deepEqual([noReason.statusCode, noReason.json().error.code], [422, 'reason-required']);
});

test('timeliness (Art. 26): the share published on time, and those overdue or about to be', async () => {
  const draft = async (title: string, formedOn: string) => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/agencies/civil/documents',
      headers: headers.drafter,
      payload: { title, formedOn, category: '其他', body: '正文', attribute: { attribute: 'proactive' } },
    });
    return created.json().id as string;
  };
  const late = await draft('很早形成的文件', '2025-01-02');
  await step('drafter', late, { type: 'submit-for-review' });
  await step('reviewer', late, { type: 'approve' });
  await step('drafter', late, { type: 'publish' });
  const overdue = await draft('尚未发布且已逾期', '2025-01-20');
  const dueSoon = await draft('即将到期', '2025-02-06');
  const report = await app.inject({
    method: 'GET',
    url: '/api/agencies/civil/documents/timeliness?year=2025',
    headers: headers.drafter,
  });
  const body = report.json();
  assert.deepEqual(
    body.publishedLate.map((d: { id: string }) => d.id),
    [late],
  );
  assert.deepEqual(
    body.overdue.map((d: { id: string }) => d.id),
    [overdue],
  );
  assert.deepEqual(
    body.dueSoon.map((d: { id: string }) => d.id),
    [dueSoon],
  );
  assert.ok(body.onTimeShare > 0 && body.onTimeShare < 1, 'one on time (the 3-5 publication), one late');
});

test('table 二 figures are entered per year with who entered them, and the report shows them', async () => {
  const bad = await app.inject({
    method: 'PUT',
    url: '/api/agencies/civil/figures/2025',
    headers: headers.drafter,
    payload: { licensing: -1, penalty: 1.5, coercion: 0, adminFeesWan: 3 },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /不能为负数/);
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/agencies/civil/figures/2025',
    headers: headers.drafter,
    payload: { licensing: 1467, penalty: 214, coercion: 44, adminFeesWan: 146.39 },
  });
  assert.equal(saved.statusCode, 200);
  const read = await app.inject({
    method: 'GET',
    url: '/api/agencies/civil/figures/2025',
    headers: headers.reviewer,
  });
  assert.deepEqual(
    [read.json().licensing, read.json().adminFeesWan, read.json().enteredBy],
    [1467, 146.39, 'drafter'],
  );
  const report = await app.inject({ method: 'GET', url: '/api/agencies/civil/reports/2025' });
  assert.deepEqual(
    [report.json().cells['t2.licensing.decisions'], report.json().cells['t2.admin_fees.amount_wan']],
    [1467, 146.39],
  );
});

test('第四十四条: information applicants asked for becomes a proactive document draft in one step from the case', async () => {
  const created = await app.inject({
    method: 'POST',
    url: '/api/agencies/civil/requests',
    headers: headers.drafter,
    payload: {
      channel: 'in-person',
      submittedOn: '2025-03-05',
      applicant: { type: 'natural', name: '甲' },
      application: { description: '2025年养老服务补贴发放标准', delivery: 'online' },
    },
  });
  const caseId = created.json().id as string;
  const converted = await app.inject({
    method: 'POST',
    url: `/api/agencies/civil/requests/${caseId}/to-proactive`,
    headers: headers.drafter,
    payload: { title: '2025年养老服务补贴发放标准', category: '养老服务' },
  });
  assert.equal(converted.statusCode, 201, converted.body);
  const document = await app.inject({
    method: 'GET',
    url: `/api/agencies/civil/documents/${converted.json().documentId}`,
    headers: headers.drafter,
  });
  assert.deepEqual([document.json().status, document.json().attribute.attribute], ['draft', 'proactive']);
  assert.match(document.json().history[0].comment, new RegExp(`第四十四条.*${caseId}`));
  assert.equal(document.json().body, '2025年养老服务补贴发放标准');
});

test("section 一 of the year's report states what was published, by category, from the register", async () => {
  const html = (await app.inject({ method: 'GET', url: '/api/agencies/civil/reports/2025?format=html' }))
    .body;
  assert.match(
    html,
    /本年通过政府信息公开平台主动公开政府信息2条，其中(社会救助1条、其他1条|其他1条、社会救助1条)。/,
  );
});
