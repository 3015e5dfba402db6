import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer, type RunningServer } from '../start-server.ts';
import { HttpClient } from '../http-client.ts';
import { launchBrowser, SCREENSHOTS } from './launch-browser.ts';
import { runCli } from '../run-cli.ts';

const PASSWORD = 'documents-demo-password';
let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ GONGKAI_DEMO_PASSWORD: PASSWORD });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a published document is found by a two-character search, listed in its category, and readable; axe finds nothing serious', async () => {
  const officer = new HttpClient(server.url);
  await officer.login('officer', PASSWORD);
  const drafted = await officer.request('POST', '/api/agencies/demo/documents', {
    title: '关于调整城乡低保标准的通知',
    documentNumber: '示民发〔2026〕3号',
    formedOn: (await officer.request('GET', '/api/session')).body.today,
    category: '社会救助',
    body: '经市政府同意，城乡低保标准调整为每人每月1000元。\n本通知自发布之日起施行。',
    attribute: { attribute: 'proactive' },
  });
  assert.equal(drafted.status, 201, JSON.stringify(drafted.body));
  const id = drafted.body.id as string;
  await officer.request('POST', `/api/agencies/demo/documents/${id}/steps`, { type: 'submit-for-review' });
  // The demo officer is also an approver, but review must be by someone other than the drafter.
  const selfReview = await officer.request('POST', `/api/agencies/demo/documents/${id}/steps`, {
    type: 'approve',
  });
  assert.equal(selfReview.body.error.code, 'reviewer-is-drafter');

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/agencies/demo/documents`);
  await page.getByLabel('全文检索').fill('低保');
  await page.getByRole('button', { name: '检索' }).click();
  const text = (await page.locator('main').textContent()) ?? '';
  assert.match(text, /共\s*0\s*件/, `not published, so not found: ${text}`);
  await context.close();

  const admin = new HttpClient(server.url);
  await admin.login('admin', PASSWORD);
  assert.equal(
    (await admin.request('POST', `/api/agencies/demo/documents/${id}/steps`, { type: 'approve' })).status,
    403,
    'an administrator does not review',
  );
  await runCli(
    [
      'staff',
      'add',
      '--agency',
      'demo',
      '--username',
      'reviewer',
      '--name',
      '审查人',
      '--role',
      'approver',
      '--password',
      'reviewer-password',
    ],
    { DATABASE_URL: server.database },
  );
  const reviewer = new HttpClient(server.url);
  await reviewer.login('reviewer', 'reviewer-password');
  assert.equal(
    (await reviewer.request('POST', `/api/agencies/demo/documents/${id}/steps`, { type: 'approve' })).status,
    200,
  );
  assert.equal(
    (await officer.request('POST', `/api/agencies/demo/documents/${id}/steps`, { type: 'publish' })).status,
    200,
  );

  const reader = await browser.newContext({ javaScriptEnabled: false });
  const portal = await reader.newPage();
  await portal.goto(`${server.url}/`);
  await portal.getByRole('link', { name: '主动公开目录' }).click();
  await portal.getByLabel('全文检索').fill('低保');
  await portal.getByRole('button', { name: '检索' }).click();
  await portal.getByRole('link', { name: '关于调整城乡低保标准的通知' }).click();
  const article = (await portal.locator('main').textContent()) ?? '';
  assert.match(article, /示民发〔2026〕3号/);
  assert.match(article, /本通知自发布之日起施行/);
  await portal.screenshot({ path: join(SCREENSHOTS, 'document-page.png'), fullPage: true });
  await portal.getByRole('link', { name: '示范市示范局主动公开目录' }).click();
  await portal.getByRole('link', { name: '社会救助（1）' }).click();
  assert.match((await portal.locator('main').textContent()) ?? '', /关于调整城乡低保标准的通知/);
  await reader.close();
});

test('the catalogue pages read well and pass axe on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/agencies/demo/documents`);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  assert.deepEqual(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
    [],
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'catalogue-phone.png'), fullPage: true });
  await context.close();
});
