/**
 * The reporting season over HTTP: the city's office opens it, a department files from its records, the
 * filed year is locked on every write path, a correction approved by someone else re-opens it, and the
 * city consolidates only what its departments filed. An agency without records files a published report.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { multipartFile, signedInApp, type SignedInApp } from './signed-in-app.ts';
import mammoth from 'mammoth';
import { fixture } from './run-cli.ts';

let app: FastifyInstance;
let headers: SignedInApp['headers'];
let context: SignedInApp;

before(async () => {
  context = await signedInApp({
    agencies: [
      { id: 'city', name: '某市人民政府', level: 'city' },
      { id: 'city-edu', name: '某市教育局', parentId: 'city' },
      { id: 'city-water', name: '某市水务局', parentId: 'city' },
    ],
    accounts: [
      ['office-admin', 'city', 'admin'],
      ['office-watch', 'city', 'supervisor'],
      ['city-approver', 'city', 'approver'],
      ['edu-officer', 'city-edu', 'officer'],
      ['edu-approver', 'city-edu', 'approver'],
    ],
    today: '2026-01-20',
  });
  ({ app, headers } = context);
});
after(() => context?.close());

const call = (as: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: headers[as]!, ...(payload ? { payload } : {}) });

const multipart = multipartFile;

const application = {
  channel: 'in-person',
  applicant: { type: 'natural', name: '张三', phone: '13800000000' },
  application: { description: '本市学校招生计划', delivery: 'online' },
};

test('a season is filed, locked on every write path, corrected and consolidated', async () => {
  const late = await call('office-admin', 'POST', '/api/agencies/city/seasons', {
    year: 2025,
    deadlines: { department: '2026-02-10' },
  });
  assert.equal(late.statusCode, 400);
  assert.match(late.json().error.message, /晚于条例第四十九条规定的 2026-01-31/);
  const opened = await call('office-admin', 'POST', '/api/agencies/city/seasons', {
    year: 2025,
    deadlines: { department: '2026-01-26', city: '2026-03-20' },
  });
  assert.equal(opened.statusCode, 201, opened.body);

  const received = await call('edu-officer', 'POST', '/api/agencies/city-edu/requests', {
    ...application,
    submittedOn: '2025-12-29',
  });
  assert.equal(received.statusCode, 201, received.body);
  const caseId = received.json().id as string;

  const preview = await call('edu-approver', 'GET', '/api/agencies/city-edu/filings/2025');
  assert.equal(preview.statusCode, 200, preview.body);
  assert.equal(preview.json().report.cells['t3.r1.total'], 1);
  assert.deepEqual(preview.json().blocking, []);
  const byOfficer = await call('edu-officer', 'POST', '/api/agencies/city-edu/filings/2025', {});
  assert.equal(byOfficer.statusCode, 403, 'an officer prepares, an approver files');
  assert.match(preview.json().drafted.s5, /（请填写本年度存在的主要问题及改进情况/);
  const prompts = await call('edu-approver', 'POST', '/api/agencies/city-edu/filings/2025', {
    sections: { s5: preview.json().drafted.s5 },
  });
  assert.deepEqual([prompts.statusCode, prompts.json().error.code], [422, 'sections-unfinished']);
  assert.match(prompts.json().error.message, /正文第五部分还有未填写的提示语/);
  const filed = await call('edu-approver', 'POST', '/api/agencies/city-edu/filings/2025', {
    sections: { s5: '政策解读的形式还比较单一，明年增加图解。', s6: '本年度未收取信息处理费。' },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  assert.equal(filed.json().version, 1);

  // Locked: a case dated in 2025, an action dated in 2025, the register and table 二 figures of 2025.
  const locked = [
    await call('edu-officer', 'POST', '/api/agencies/city-edu/requests', {
      ...application,
      submittedOn: '2025-12-31',
    }),
    await call('edu-officer', 'POST', `/api/agencies/city-edu/requests/${caseId}/actions`, {
      type: 'request-explanation',
      on: '2025-12-31',
    }),
    await call('edu-officer', 'POST', '/api/agencies/city-edu/normative-documents', {
      kind: 'normative_doc',
      title: '某规范性文件',
      issuedOn: '2025-06-01',
    }),
    await call('edu-officer', 'PUT', '/api/agencies/city-edu/figures/2025', {
      licensing: 1,
      penalty: 0,
      coercion: 0,
      adminFeesWan: 0,
    }),
  ];
  assert.deepEqual(
    locked.map((r) => [r.statusCode, r.json().error.code]),
    Array(4).fill([409, 'year-locked']),
  );
  assert.match(locked[0]!.json().error.message, /年度报告已报送并锁定/);
  const open2026 = await call('edu-officer', 'POST', `/api/agencies/city-edu/requests/${caseId}/actions`, {
    type: 'request-explanation',
    on: '2026-01-05',
  });
  assert.equal(open2026.statusCode, 200, 'a date in the open year is still allowed');

  // The season board: the department filed on time, the other one not yet.
  const board = await call('office-watch', 'GET', '/api/agencies/city/seasons/2025');
  assert.equal(board.statusCode, 200, board.body);
  assert.deepEqual(
    board.json().rows.map((r: { agency: { id: string }; state: string }) => [r.agency.id, r.state]),
    [
      ['city-edu', 'filed'],
      ['city-water', 'not-filed'],
    ],
  );
  const reminded = await call('office-watch', 'POST', '/api/agencies/city/seasons/2025/reminders', {});
  assert.deepEqual(reminded.json().reminded, ['city-water']);

  // The city cannot consolidate while the water bureau has not filed; it is named.
  const early = await call('city-approver', 'POST', '/api/agencies/city/filings/2025', {});
  assert.equal(early.statusCode, 422);
  assert.deepEqual(early.json().error.details.missing, [{ id: 'city-water', name: '某市水务局' }]);

  // The water bureau keeps no records here: it files its published report (2021 format).
  const text = readFileSync(fixture('reports/zhongwei-civil-affairs-2021.txt'));
  const wrongYear = multipart('report.txt', text);
  const mismatch = await app.inject({
    method: 'POST',
    url: '/api/agencies/city-water/filings/2025/import',
    headers: { ...headers['office-admin']!, 'content-type': wrongYear.contentType },
    payload: wrongYear.payload,
  });
  assert.equal(mismatch.statusCode, 422);
  assert.equal(mismatch.json().error.code, 'year-mismatch');
  const body = multipart('report.txt', Buffer.from(text.toString('utf8').replaceAll('2021', '2025')), {
    explanations: '{}',
  });
  const imported = await app.inject({
    method: 'POST',
    url: '/api/agencies/city-water/filings/2025/import',
    headers: { ...headers['office-admin']!, 'content-type': body.contentType },
    payload: body.payload,
  });
  assert.equal(imported.statusCode, 201, imported.body);
  assert.equal(imported.json().origin, 'import');

  const city = await call('city-approver', 'POST', '/api/agencies/city/filings/2025', {});
  assert.equal(city.statusCode, 201, city.body);
  assert.equal(city.json().origin, 'consolidation');
  const trace = await call('office-watch', 'GET', '/api/agencies/city/filings/2025/cells/t3.r1.total');
  assert.deepEqual(trace.json().contributions, [{ agencyId: 'city-edu', version: 1, value: 1 }]);

  // A correction: requested by the department, approved by someone else, re-filed as version 2.
  const requested = await call('edu-approver', 'POST', '/api/agencies/city-edu/filings/2025/corrections', {
    reason: '漏登记 12 月 31 日收到的一件申请，补录后重新报送',
  });
  assert.equal(requested.statusCode, 201, requested.body);
  const decisionUrl = `/api/agencies/city-edu/corrections/${requested.json().id}/decision`;
  const own = await call('edu-approver', 'POST', decisionUrl, { approve: true });
  assert.equal(own.json().error.code, 'own-correction');
  const approved = await call('city-approver', 'POST', decisionUrl, { approve: true });
  assert.equal(approved.statusCode, 200, approved.body);
  const now = await call('edu-officer', 'POST', '/api/agencies/city-edu/requests', {
    ...application,
    submittedOn: '2025-12-31',
  });
  assert.equal(now.statusCode, 201, 're-opened: the missed application can be registered');
  const refiled = await call('edu-approver', 'POST', '/api/agencies/city-edu/filings/2025', {});
  assert.equal(refiled.json().version, 2);
  const history = await call('edu-officer', 'GET', '/api/agencies/city-edu/filings/2025');
  assert.deepEqual(
    history.json().versions.map((v: { version: number; status: string }) => [v.version, v.status]),
    [
      [1, 'reopened'],
      [2, 'filed'],
    ],
  );
  assert.equal(history.json().corrections[0].refiledVersion, 2);
  const city2 = await call('city-approver', 'GET', '/api/agencies/city/filings/2025');
  assert.equal(city2.json().stale, true, "the city's consolidation summed version 1 of the department");
  const first = await call('edu-officer', 'GET', '/api/agencies/city-edu/filings/2025/versions/1');
  assert.equal(first.json().report.cells['t3.r1.total'], 1, 'the old version is kept as filed');
});

test('the filed reports are published: by year and level, with versions, corrections and open data', async () => {
  const list = await app.inject({ method: 'GET', url: '/published-reports?year=2025' });
  assert.equal(list.statusCode, 200);
  for (const name of ['某市人民政府', '某市教育局', '某市水务局']) assert.ok(list.body.includes(name), name);
  const governments = await app.inject({ method: 'GET', url: '/published-reports?year=2025&level=city' });
  assert.ok(governments.body.includes('某市人民政府') && !governments.body.includes('某市教育局'));

  const page = await app.inject({ method: 'GET', url: '/agencies/city-edu/published-reports/2025' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /第 2 版/);
  assert.match(page.body, /政策解读的形式还比较单一/, 'the re-filed version keeps the written text');
  assert.match(page.body, /漏登记 12 月 31 日收到的一件申请/);
  const first = await app.inject({
    method: 'GET',
    url: '/agencies/city-edu/published-reports/2025?version=1',
  });
  assert.match(first.body, /政策解读的形式还比较单一，明年增加图解。/, 'the written section is published');
  assert.ok(!page.body.includes('edu-approver') && !page.body.includes('city-approver'), 'no staff names');
  const old = await app.inject({ method: 'GET', url: '/agencies/city-edu/published-reports/2025?version=1' });
  assert.match(old.body, /这是第 1 版（2026-01-20 报送），已被<a[^>]*>\s*第 2 版/);
  const pdf = await app.inject({ method: 'GET', url: '/agencies/city/published-reports/2025/report.pdf' });
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
  const cell = await app.inject({
    method: 'GET',
    url: '/agencies/city/published-reports/2025/cells/t3.r1.total',
  });
  assert.match(cell.body, /某市教育局/);
  const missing = await app.inject({ method: 'GET', url: '/agencies/city/published-reports/2019' });
  assert.equal(missing.statusCode, 404);

  const csv = await app.inject({ method: 'GET', url: '/open-data/filed-reports/2025.csv' });
  const [header, ...rows] = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const column = header!.split(',').indexOf('t3.r1.total');
  assert.ok(column > 0);
  assert.deepEqual(
    rows.map((r) => [r.split(',')[0], r.split(',')[column]]).sort(),
    [
      ['city', '1'],
      ['city-edu', '2'],
      ['city-water', '0'],
    ],
    'the city consolidated version 1 of the department: it has not re-filed since the correction',
  );
  const json = await app.inject({ method: 'GET', url: '/open-data/filed-reports/2025.json' });
  assert.equal(json.json().reports.length, 3);
  const byId = Object.fromEntries(
    json.json().reports.map((r: { agencyId: string; replies?: unknown }) => [r.agencyId, r.replies]),
  );
  assert.deepEqual(byId['city-edu'], { replied: 0, repliedOnTime: 0 }, 'its cases are handled here');
  assert.equal(byId['city-water'], undefined, 'filed from a published file: replies unknown');
  assert.equal(byId.city, undefined, 'a sum with an unknown part is unknown');
});

test('peers compared in one year and one agency over the years, drawn as SVG with the numbers', async () => {
  const peers = await app.inject({ method: 'GET', url: '/published-reports/compare?year=2025' });
  assert.equal(peers.statusCode, 200);
  assert.equal((peers.body.match(/<svg /g) ?? []).length, 3);
  assert.match(peers.body, /<title id="[^"]+">2025年度新收政府信息公开申请（件）<\/title>/);
  assert.ok(peers.body.includes('某市教育局') && peers.body.includes('某市水务局'));
  if (peers.body.includes('汇总报告不与其下级并列比较'))
    assert.match(
      peers.body,
      /未列入：某市人民政府/,
      'the city consolidates its departments: not beside them',
    );
  assert.doesNotMatch(peers.body, /<td>某市人民政府<\/td>/);
  const departments = await app.inject({
    method: 'GET',
    url: '/published-reports/compare?year=2025&level=department&parent=city',
  });
  assert.ok(!departments.body.includes('>某市人民政府<'), 'the city is not a department');
  const trend = await app.inject({ method: 'GET', url: '/agencies/city-edu/published-reports/trend' });
  assert.equal(trend.statusCode, 200);
  assert.match(trend.body, /某市教育局：历年年度报告比较/);
  const none = await app.inject({ method: 'GET', url: '/agencies/nobody/published-reports/trend' });
  assert.equal(none.statusCode, 404);
});

test('the evaluator evidence: replies on time from the cases, the report filed against the season', async () => {
  const received = await call('edu-officer', 'POST', '/api/agencies/city-edu/requests', {
    ...application,
    submittedOn: '2026-01-05',
  });
  const replied = await call(
    'edu-officer',
    'POST',
    `/api/agencies/city-edu/requests/${received.json().id}/actions`,
    {
      type: 'record-reply',
      on: '2026-01-12',
      outcome: 'r3_1',
      legalBasis: '《条例》第三十六条第（一）项',
      content: { variant: 'already-public', whereToObtain: '本机关门户网站“法定主动公开内容”栏目' },
    },
  );
  assert.equal(replied.statusCode, 200, replied.body);
  const current = await call('office-watch', 'GET', '/api/agencies/city-edu/evidence/2026');
  assert.deepEqual(current.json().replies, { replied: 1, onTime: 1 });

  const evidence = await call('office-watch', 'GET', '/api/agencies/city-edu/evidence/2025');
  assert.equal(evidence.statusCode, 200, evidence.body);
  const body = evidence.json();
  assert.deepEqual(body.report, {
    deadline: '2026-01-26',
    deadlineSource: 'season',
    firstFiledOn: '2026-01-20',
    latestVersion: 2,
    corrections: 1,
  });
  assert.match(body.rows[4].value, /^按时（2026-01-20 报送，截止 2026-01-26），其后更正 1 次，现为第 2 版/);
  const docx = await call('office-watch', 'GET', '/api/agencies/city-edu/evidence/2025?format=docx');
  assert.equal(
    docx.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
  assert.match(text, /某市教育局2025年度政务公开评估佐证材料/);
  assert.match(text, /依申请公开按时答复率/);
  const pdf = await call('office-watch', 'GET', '/api/agencies/city-edu/evidence/2025?format=pdf');
  assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
});

test('a published report with a warning is filed only once the warning is explained', async () => {
  const text = readFileSync(fixture('reports/008-pingtan-2022.txt'));
  const upload = async (explanations: object) => {
    const body = multipart('pingtan-2022.txt', text, { explanations: JSON.stringify(explanations) });
    return app.inject({
      method: 'POST',
      url: '/api/agencies/city-water/filings/2022/import',
      headers: { ...headers['office-admin']!, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const unexplained = await upload({});
  assert.equal(unexplained.statusCode, 422);
  assert.equal(unexplained.json().error.code, 'warnings-unexplained');
  assert.deepEqual(
    unexplained.json().error.details.warnings.map((w: { rule: string }) => w.rule),
    ['R8.received'],
    'the text says 75 applications, the table 74',
  );
  const explained = await upload({ 'R8.received': '正文所述 75 件含 1 件重复提交的申请，表中按 74 件统计' });
  assert.equal(explained.statusCode, 201, explained.body);
  const history = await call('office-admin', 'GET', '/api/agencies/city-water/filings/2022');
  assert.deepEqual(history.json().versions[0].explanations, {
    'R8.received': '正文所述 75 件含 1 件重复提交的申请，表中按 74 件统计',
  });
});
