/**
 * The rest of 主动公开 as its users meet it: the administrator's settings (catalogue, stricter limit,
 * guide contact), a normative document with its interpretation linked both ways on the portal, the
 * register on a date with the compilation, and a sitemap that holds only what is published.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import type { FastifyInstance } from 'fastify';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';
import { DEFAULT_DISCLOSURE_SETTINGS } from '../src/features/proactive-disclosure/domain/disclosure-settings.ts';

let app: FastifyInstance;
let headers: Record<string, Record<string, string>>;
let context: SignedInApp;

before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'civil', name: '某市民政局' }],
    accounts: [
      ['drafter', 'civil', 'officer'],
      ['reviewer', 'civil', 'approver'],
      ['admin', 'civil', 'admin'],
    ],
    today: '2025-03-05',
  });
  ({ app, headers } = context);
});
after(() => context?.close());

const api = (as: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({
    method,
    url: `/api/agencies/civil${url}`,
    headers: headers[as],
    ...(payload ? { payload } : {}),
  });
const portal = (url: string) => app.inject({ method: 'GET', url: `/agencies/civil${url}` });

async function publish(payload: object): Promise<string> {
  const drafted = await api('drafter', 'POST', '/documents', {
    formedOn: '2025-03-03',
    attribute: { attribute: 'proactive' },
    ...payload,
  });
  assert.equal(drafted.statusCode, 201, drafted.body);
  const id = drafted.json().id as string;
  for (const [as, type] of [
    ['drafter', 'submit-for-review'],
    ['reviewer', 'approve'],
    ['drafter', 'publish'],
  ] as const)
    assert.equal((await api(as, 'POST', `/documents/${id}/steps`, { type })).statusCode, 200);
  return id;
}

test('the administrator sets a stricter limit, the catalogue and the guide contact; the law bounds them', async () => {
  const settings = {
    ...DEFAULT_DISCLOSURE_SETTINGS,
    publicationLimitDays: 10,
    categories: [...DEFAULT_DISCLOSURE_SETTINGS.categories, { name: '殡葬管理', group: 'key-area' }],
    contact: {
      office: '某市民政局办公室',
      address: '某市人民路1号',
      hours: '工作日 9:00-17:00',
      phone: '0000-1234567',
    },
  };
  const byOfficer = await api('drafter', 'PUT', '/disclosure-settings', settings);
  assert.equal(byOfficer.statusCode, 403, 'only an administrator changes the settings');
  const looser = await api('admin', 'PUT', '/disclosure-settings', { ...settings, publicationLimitDays: 21 });
  assert.equal(looser.statusCode, 400, 'a local limit longer than the statute is refused at the edge');
  const saved = await api('admin', 'PUT', '/disclosure-settings', settings);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().updatedBy, 'admin');

  const guide = (await portal('/guide')).body;
  assert.match(guide, /某市人民路1号/);
  assert.match(guide, /10个工作日内予以公开（严于《条例》第二十六条规定的20个工作日）/);
  assert.match(guide, /殡葬管理/);

  const unknown = await api('drafter', 'POST', '/documents', {
    title: '某通知',
    formedOn: '2025-03-03',
    category: '不存在的类别',
    body: '正文',
  });
  assert.deepEqual([unknown.statusCode, unknown.json().error.code], [422, 'unknown-category']);

  await publish({ title: '殡葬服务收费标准', category: '殡葬管理', body: '收费标准如下。' });
  const removeUsed = await api('admin', 'PUT', '/disclosure-settings', DEFAULT_DISCLOSURE_SETTINGS);
  assert.deepEqual(
    [removeUsed.statusCode, removeUsed.json().error.code, removeUsed.json().error.details.name],
    [422, 'category-in-use', '殡葬管理'],
  );
  const timeliness = await api('drafter', 'GET', '/documents/timeliness?year=2025');
  assert.equal(timeliness.statusCode, 200);
});

test('a normative document and its interpretation link both ways; the register shows force on any date', async () => {
  const rules = await publish({
    title: '某市最低生活保障办法',
    documentNumber: '某民规〔2025〕1号',
    category: '法规文件',
    body: '第一条 为了保障困难群众基本生活，制定本办法。',
  });
  const orphan = await api('drafter', 'POST', '/documents', {
    title: '解读',
    formedOn: '2025-03-03',
    category: '政策解读',
    body: '正文',
  });
  assert.deepEqual([orphan.statusCode, orphan.json().error.code], [422, 'interpretation-needs-document']);
  const reading = await publish({
    title: '《某市最低生活保障办法》图解',
    category: '政策解读',
    body: '一图读懂低保办法。',
    interprets: rules,
    interpretationForm: 'graphic',
  });
  const rulesPage = (await portal(`/documents/${rules}`)).body;
  assert.match(
    rulesPage,
    new RegExp(`<a href="/agencies/civil/documents/${reading}">《某市最低生活保障办法》图解</a>`),
  );
  assert.match(rulesPage, /图文解读/);
  const readingPage = (await portal(`/documents/${reading}`)).body;
  assert.match(
    readingPage,
    new RegExp(`本文是对<a href="/agencies/civil/documents/${rules}"\\s*>某市最低生活保障办法</a`),
  );

  const registered = await api('drafter', 'POST', '/normative-documents', {
    kind: 'normative_doc',
    title: '某市最低生活保障办法',
    documentNumber: '某民规〔2025〕1号',
    issuedOn: '2025-03-03',
    publicDocumentId: rules,
  });
  assert.equal(registered.statusCode, 201, registered.body);
  const id = registered.json().id as string;
  const old = await api('drafter', 'POST', '/normative-documents', {
    kind: 'normative_doc',
    title: '某市低保审批暂行规定',
    issuedOn: '2020-01-01',
  });
  const repeal = await api('drafter', 'POST', `/normative-documents/${old.json().id}/events`, {
    type: 'repeal',
    on: '2025-03-03',
  });
  assert.equal(repeal.statusCode, 200, repeal.body);
  const early = await api('drafter', 'POST', `/normative-documents/${id}/events`, {
    type: 'lapse',
    on: '2024-01-01',
  });
  assert.deepEqual([early.statusCode, early.json().error.code], [422, 'before-issue']);

  const before = (await portal('/normative-documents?on=2025-03-01')).body;
  assert.match(before, /截至2025-03-01，现行有效 1 件/);
  assert.match(before, /某市低保审批暂行规定[\s\S]*现行有效/);
  const after = (await portal('/normative-documents?on=2025-03-05')).body;
  assert.match(after, /截至2025-03-05，现行有效 1 件/);
  assert.match(after, /已于2025-03-03废止/);
  assert.match(after, new RegExp(`<a href="/agencies/civil/documents/${rules}">某市最低生活保障办法</a>`));

  const docx = await portal('/normative-documents/compilation.docx?on=2025-03-05');
  assert.equal(docx.statusCode, 200);
  const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
  assert.match(text, /为了保障困难群众基本生活/, 'the compilation carries the published text');
  assert.doesNotMatch(text, /暂行规定/);
  const pdf = await portal('/normative-documents/compilation.pdf?on=2025-03-05');
  assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
});

test('the sitemap and the dated catalogue hold published documents only', async () => {
  const drafted = await api('drafter', 'POST', '/documents', {
    title: '尚未发布的低保名单',
    formedOn: '2025-03-03',
    category: '社会救助',
    body: '草稿',
    attribute: { attribute: 'proactive' },
  });
  const draftId = drafted.json().id as string;
  const published = await publish({ title: '2025年低保资金公示', category: '社会救助', body: '公示。' });
  const sitemap = (await app.inject({ method: 'GET', url: '/agencies/civil/sitemap.xml' })).body;
  assert.match(sitemap, new RegExp(`/agencies/civil/documents/${published}</loc>`));
  assert.match(sitemap, /\/agencies\/civil<\/loc>/); // the agency's front page
  assert.doesNotMatch(sitemap, new RegExp(draftId));
  assert.match(
    (await app.inject({ method: 'GET', url: '/sitemap.xml' })).body,
    /\/agencies\/civil\/sitemap.xml/,
  );
  const dated = (
    await portal(`/documents?q=${encodeURIComponent('低保')}&from=2025-03-05&to=2025-03-05`)
  ).body.replace(/<\/?mark>/g, '');
  assert.match(dated, /2025年低保资金公示/);
  assert.doesNotMatch(dated, /尚未发布的低保名单/);
  const none = (await portal(`/documents?q=${encodeURIComponent('低保')}&to=2025-03-04`)).body;
  assert.doesNotMatch(none.replace(/<\/?mark>/g, ''), /2025年低保资金公示/);
  assert.match(none, /未找到符合条件的文件/, 'an empty result says so and what to try');
});

test('section 一 and table 二 of the generated report match the register, interpretations and messages', async () => {
  const report = await app.inject({ method: 'GET', url: '/api/agencies/civil/reports/2025' });
  assert.equal(report.statusCode, 200);
  const cells = report.json().cells as Record<string, number>;
  // Registered above: one normative document issued in 2025 and in force, one issued in 2020 repealed in 2025.
  assert.deepEqual(
    [
      cells['t2.normative_docs.made'],
      cells['t2.normative_docs.repealed'],
      cells['t2.normative_docs.in_force'],
    ],
    [1, 1, 1],
  );
  const docx = await app.inject({ method: 'GET', url: '/api/agencies/civil/reports/2025?format=docx' });
  const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
  assert.match(text, /发布政策解读1篇。/);
  assert.match(text, /本年制发的1件规章和行政规范性文件中，1件在印发后3个工作日内同步发布解读，解读率100%。/);
  assert.match(text, /本年制发规章0件、行政规范性文件1件，废止规章0件、行政规范性文件1件/);
});
