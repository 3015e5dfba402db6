/**
 * Script injected into every field that reaches a public page — agency name, document title, number,
 * category and body, the guide's contact and notes, the register, a public message and its answer, a
 * filed report's written sections and a correction's reason — comes out as text: no page, feed or
 * sitemap carries a live tag, handler or javascript: link. Document bodies keep their safe HTML.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import * as cheerio from 'cheerio';
import { agencyRepository } from '../src/features/agencies/index.ts';
import { leaveMessage, signedInApp, type SignedInApp } from './signed-in-app.ts';

const P = `<script>alert("x")</script><img src=x onerror=alert(1)>"'><svg/onload=alert(1)>`;
let context: SignedInApp;
let app: FastifyInstance;

before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'civil', name: '某市民政局', level: 'department' }],
    accounts: [
      ['drafter', 'civil', ['officer', 'admin']],
      ['reviewer', 'civil', 'approver'],
      ['head', 'civil', 'approver'],
    ],
    today: '2026-01-20',
  });
  app = context.app;
  await agencyRepository(context.handle.db).create({ id: 'evil', name: `某局${P}` }, 'now');
});
after(() => context?.close());

const call = (as: string, method: 'POST' | 'PUT', url: string, payload: object) =>
  app.inject({ method, url, headers: context.headers[as]!, payload });

/** Parsed as a browser (or a feed reader) would: no script element, no on… handler, no javascript: URL. */
function assertInert(url: string, body: string, xml = false) {
  const $ = cheerio.load(body, xml ? { xml: true } : {});
  assert.equal($('script').length, 0, `${url}: a live <script>`);
  $('*').each((_, element) => {
    for (const [name, value] of Object.entries(
      (element as { attribs?: Record<string, string> }).attribs ?? {},
    )) {
      assert.ok(
        !/^on/i.test(name),
        `${url}: an event handler ${name} on <${(element as { name: string }).name}>`,
      );
      assert.ok(!/^\s*javascript:/i.test(value), `${url}: a javascript: URL in ${name}`);
    }
  });
  // A feed's HTML content is rendered by the reader: it must be inert too.
  if (xml) $('[type="html"]').each((_, element) => assertInert(`${url} (entry content)`, $(element).text()));
}

test('every field that reaches a page is shown as text, never run', async () => {
  const settings = await call('drafter', 'PUT', '/api/agencies/civil/disclosure-settings', {
    publicationLimitDays: 20,
    interpretationWithinDays: 3,
    messageAnswerDays: 15,
    categories: [
      { name: '其他', group: 'article-20' },
      { name: '政策解读', group: 'key-area' },
      { name: `类别${P}`.slice(0, 50), group: 'agency' },
    ],
    contact: { office: `办公室${P}`, address: `地址${P}`, hours: '工作日', phone: '0000-1234567' },
    guideNotes: `说明${P}`,
  });
  assert.equal(settings.statusCode, 200, settings.body);

  const drafted = await call('drafter', 'POST', '/api/agencies/civil/documents', {
    title: `通知${P}`,
    documentNumber: `某民发${P}`.slice(0, 50),
    formedOn: '2026-01-19',
    category: '其他',
    body: `<p>正文第一段</p>${P}<a href="javascript:alert(1)">链接</a><p onclick="alert(1)">第二段</p>`,
  });
  assert.equal(drafted.statusCode, 201, drafted.body);
  const id = drafted.json().id as string;
  const step = (as: string, body: object) =>
    call(as, 'POST', `/api/agencies/civil/documents/${id}/steps`, body);
  assert.equal(
    (await step('drafter', { type: 'set-attribute', attribute: { attribute: 'proactive' } })).statusCode,
    200,
  );
  assert.equal((await step('drafter', { type: 'submit-for-review' })).statusCode, 200);
  assert.equal((await step('reviewer', { type: 'approve' })).statusCode, 200);
  assert.equal((await step('drafter', { type: 'publish' })).statusCode, 200);

  const registered = await call('drafter', 'POST', '/api/agencies/civil/normative-documents', {
    kind: 'normative_doc',
    title: `规范性文件${P}`,
    documentNumber: `文号${P}`.slice(0, 50),
    issuedOn: '2025-06-01',
  });
  assert.equal(registered.statusCode, 201, registered.body);

  const sent = await leaveMessage(app, 'civil', {
    subject: `标题${P}`.slice(0, 100),
    body: `内容${P}`,
    authorName: `某人${P}`.slice(0, 50),
    authorContact: '13800000000',
  });
  assert.equal(sent.statusCode, 201, sent.body);
  assertInert('the message receipt', sent.body);
  const messageId = /id="message-id">([^<]+)</.exec(sent.body)?.[1] ?? '';
  const answered = await call('drafter', 'POST', `/api/agencies/civil/messages/${messageId}/answer`, {
    text: `答复${P}`,
    publish: true,
  });
  assert.equal(answered.statusCode, 200, answered.body);

  const filed = await call('head', 'POST', '/api/agencies/civil/filings/2025', {
    sections: { s1: `总体情况${P}`, s5: `问题${P}`, s6: `其他${P}` },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const corrected = await call('head', 'POST', '/api/agencies/civil/filings/2025/corrections', {
    reason: `更正理由写在这里${P}`,
  });
  assert.equal(corrected.statusCode, 201, corrected.body);

  const pages = [
    '/',
    '/agencies/civil/documents',
    `/agencies/civil/documents/${id}`,
    '/agencies/civil/documents/feed.atom',
    '/agencies/civil/guide',
    '/agencies/civil/normative-documents',
    '/agencies/civil/messages',
    '/published-reports',
    '/agencies/civil/published-reports/2025',
    '/published-reports/compare',
    '/agencies/civil/published-reports/trend',
    '/sitemap.xml',
    '/agencies/civil/sitemap.xml',
    '/status',
    '/agencies/evil/guide',
    '/agencies/evil',
    '/agencies/civil',
  ];
  let escaped = 0;
  for (const url of pages) {
    const page = await app.inject({ method: 'GET', url });
    assert.equal(page.statusCode, 200, `${url}: ${page.statusCode}`);
    assertInert(url, page.body, /xml|atom/.test(String(page.headers['content-type'])));
    if (page.body.includes('&lt;script&gt;')) escaped++;
  }
  assert.ok(escaped >= 10, `the injected text is shown escaped on the pages (${escaped})`);
  const document = (await app.inject({ method: 'GET', url: `/agencies/civil/documents/${id}` })).body;
  assert.match(document, /<p>正文第一段<\/p>/, 'the body keeps its safe HTML');
  assert.match(
    document,
    /<a rel="noopener noreferrer">链接<\/a>/,
    'the link lost its javascript: URL, not its text',
  );
  assert.match(document, /<p>第二段<\/p>/, 'the paragraph lost its handler');
  const search = await app.inject({ method: 'GET', url: '/agencies/civil/documents?q=第二段' });
  assert.ok(search.body.includes(id), 'the body text is searchable without its tags');
});
