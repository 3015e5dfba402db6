import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { HttpClient } from '../http-client.ts';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';

const PASSWORD = 'documents-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

test('a published document is found by a two-character search, listed in its category, and readable; axe finds nothing serious', async () => {
  const officer = new HttpClient(live.server.url);
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

  const context = await live.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${live.server.url}/agencies/demo/documents`);
  await page.getByLabel('全文检索').fill('低保');
  await page.getByRole('button', { name: '检索' }).click();
  const text = (await page.locator('main').textContent()) ?? '';
  assert.doesNotMatch(text, /关于调整城乡低保标准的通知/, 'not published, so not found');
  assert.match(text, /低保对象名单公示/, 'the demo agency’s published documents are found');
  await context.close();

  const admin = new HttpClient(live.server.url);
  await admin.login('admin', PASSWORD);
  assert.equal(
    (await admin.request('POST', `/api/agencies/demo/documents/${id}/steps`, { type: 'approve' })).status,
    403,
    'an administrator does not review',
  );
  const reviewer = new HttpClient(live.server.url);
  await reviewer.login('reviewer', PASSWORD);
  assert.equal(
    (await reviewer.request('POST', `/api/agencies/demo/documents/${id}/steps`, { type: 'approve' })).status,
    200,
  );
  assert.equal(
    (await officer.request('POST', `/api/agencies/demo/documents/${id}/steps`, { type: 'publish' })).status,
    200,
  );

  const reader = await live.browser.newContext({ javaScriptEnabled: false });
  const portal = await reader.newPage();
  await portal.goto(`${live.server.url}/`);
  await portal
    .getByRole('row', { name: /示范市示范局/ })
    .getByRole('link', { name: '主动公开目录' })
    .click();
  await portal.getByLabel('全文检索').fill('低保');
  await portal.getByRole('button', { name: '检索' }).click();
  await portal.getByRole('link', { name: '关于调整城乡低保标准的通知' }).click();
  const article = (await portal.locator('main').textContent()) ?? '';
  assert.match(article, /示民发〔2026〕3号/);
  assert.match(article, /本通知自发布之日起施行/);
  await portal.screenshot({ path: join(SCREENSHOTS, 'document-page.png'), fullPage: true });
  await portal.getByRole('link', { name: '主动公开目录' }).click();
  await portal.getByRole('link', { name: /^社会救助（\d+）$/ }).click();
  assert.match((await portal.locator('main').textContent()) ?? '', /关于调整城乡低保标准的通知/);
  await reader.close();
});

test('the index, the agency front page and the catalogue read well and pass axe on a phone', async () => {
  const context = await live.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  for (const [path, shot] of [
    ['/', 'index-phone.png'],
    ['/agencies/demo', 'agency-phone.png'],
    ['/agencies/demo/documents', 'catalogue-phone.png'],
  ] as const) {
    await page.goto(`${live.server.url}${path}`);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    assert.deepEqual(
      results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${path} ${v.id}: ${v.help}`),
      [],
    );
    await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true });
  }
  // From the front page to a document in two clicks.
  await page.getByRole('link', { name: '示范市示范局' }).first().click();
  await page.getByRole('table').getByRole('link').first().click();
  assert.match(await page.title(), /.+/);
  assert.match(page.url(), /\/agencies\/demo\/documents\/DOC-\d{4}-\d{5}$/);
  await context.close();
});

test('in the console: draft → submit → another person approves → publish → the portal search finds it', async () => {
  const signIn = async (username: string, password: string) => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${live.server.url}/console/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await openFromMenu(page, '主动公开', '公开文件');
    await page.getByRole('heading', { name: '主动公开' }).waitFor();
    return { context, page };
  };
  const drafter = await signIn('officer', PASSWORD);
  await drafter.page.getByLabel('标题').fill('2026年养老服务补贴发放办法');
  await drafter.page.getByLabel('公开目录类别').selectOption('养老服务');
  await drafter.page.getByLabel('正文').fill('养老服务补贴按月发放。');
  await drafter.page.getByLabel('联合发文机关（用顿号分隔，可不填）').fill('示范市财政局');
  await drafter.page.getByRole('button', { name: '起草' }).click();
  await drafter.page.getByLabel(/上传附件/).setInputFiles({
    name: '补贴标准.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await drafter.page.getByRole('button', { name: '上传', exact: true }).click();
  await drafter.page.getByRole('link', { name: '补贴标准.pdf' }).waitFor();
  await drafter.page.getByLabel(/上传附件/).setInputFiles({
    name: '脚本.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<script>alert(1)</script>'),
  });
  await drafter.page.getByRole('button', { name: '上传', exact: true }).click();
  await drafter.page.getByRole('alert').filter({ hasText: '不接受“.html”类型的附件' }).waitFor();
  await drafter.page.getByRole('button', { name: '提交审查' }).click();
  await drafter.page.getByText('待审查').first().waitFor();
  const documentUrl = drafter.page.url();

  const reviewer = await signIn('reviewer', PASSWORD);
  await reviewer.page.goto(documentUrl);
  await reviewer.page.getByRole('button', { name: '退回修改' }).click();
  await reviewer.page.getByRole('alert').filter({ hasText: '请填写意见' }).waitFor();
  await reviewer.page.getByRole('button', { name: '审查通过' }).click();
  await reviewer.page.getByText('审查通过').first().waitFor();
  await reviewer.context.close();

  await drafter.page.reload();
  await drafter.page.getByRole('button', { name: '发布' }).click();
  await drafter.page.getByText('已发布').first().waitFor();
  await drafter.page.screenshot({ path: join(SCREENSHOTS, 'console-document.png'), fullPage: true });
  const steps = await drafter.page.locator('ol.timeline li strong').allTextContents();
  assert.deepEqual(steps, ['起草', '提交审查', '审查通过', '发布']);
  await drafter.context.close();

  const reader = await live.browser.newContext({ javaScriptEnabled: false });
  const portal = await reader.newPage();
  await portal.goto(`${live.server.url}/agencies/demo/documents?q=${encodeURIComponent('养老')}`);
  assert.match((await portal.locator('main').textContent()) ?? '', /2026年养老服务补贴发放办法/);
  await portal.getByRole('link', { name: '2026年养老服务补贴发放办法' }).click();
  const documentPage = portal.url();
  const text = (await portal.locator('main').textContent()) ?? '';
  assert.match(text, /示范市财政局/);
  const href = (await portal.getByRole('link', { name: '补贴标准.pdf' }).getAttribute('href')) ?? '';
  const download = await portal.request.get(`${live.server.url}${href}`);
  assert.equal(download.headers()['content-type'], 'application/pdf');
  const feed = await portal.request.get(
    `${live.server.url}/agencies/demo/documents/feed.atom?category=${encodeURIComponent('养老服务')}`,
  );
  assert.match(await feed.text(), /<title>2026年养老服务补贴发放办法<\/title>/);
  await reader.close();

  const axe = await live.browser.newContext();
  const checked = await axe.newPage();
  await checked.goto(documentPage);
  const results = await new AxeBuilder({ page: checked }).withTags(['wcag2a', 'wcag2aa']).analyze();
  assert.deepEqual(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    [],
  );
  await axe.close();
});
