/**
 * The applicant's journey on a phone without JavaScript, against the real server with a real SMTP
 * server beside it: apply → reload the receipt (still one case) → the 补正 notice arrives by e-mail →
 * the corrected application is sent from the status page → the reply arrives by e-mail with its letter
 * → the disclosed file is downloaded, and the case records the delivery.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../start-server.ts';
import { HttpClient } from '../http-client.ts';
import { smtpServer, until } from '../smtp-server.ts';
import { launchBrowser, SCREENSHOTS } from './launch-browser.ts';

const PASSWORD = 'journey-demo-password';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let smtp: Awaited<ReturnType<typeof smtpServer>>;
let server: RunningServer;
let browser: Browser;

before(async () => {
  smtp = await smtpServer();
  server = await startServer({
    GONGKAI_DEMO_PASSWORD: PASSWORD,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    GONGKAI_MAIL_INTERVAL_SECONDS: '0.2',
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

test('apply on a phone, correct by the status page, get the reply by e-mail and download the files', async () => {
  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await page.goto(`${server.url}/agencies/demo/apply`);
  await page.getByLabel('姓名或名称').fill('王小明');
  await page.getByLabel('电子邮箱').fill('wangxm@example.cn');
  await page.getByLabel('所需政府信息的名称、文号或便于查询的其他特征').fill('本局的行政许可目录');
  await page.getByRole('button', { name: '提交申请' }).click();
  const id = (await page.locator('#case-id').textContent()) ?? '';
  const code = (await page.locator('#query-code').textContent()) ?? '';
  await page.reload();
  assert.equal(await page.locator('#case-id').textContent(), id, 'a reload files nothing new');

  const officer = new HttpClient(server.url);
  await officer.login('officer', PASSWORD);
  const today = (await officer.request('GET', '/api/session')).body.today as string;
  const base = `/api/agencies/demo/requests/${id}`;
  const act = async (body: object) => {
    const answer = await officer.request('POST', `${base}/actions`, body);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  };
  const list = await officer.request('GET', '/api/agencies/demo/requests?status=submitted-unconfirmed');
  assert.equal(list.body.requests.filter((r: { id: string }) => r.id === id).length, 1);
  await act({ type: 'confirm-receipt', receivedOn: today });
  await act({ type: 'request-clarification', on: today, items: '请写明所需目录的年份' });
  await until('the 补正 e-mail', () => smtp.received.some((m) => /需要补正/.test(m.subject ?? '')), 20_000);
  const notice = smtp.received.find((m) => /需要补正/.test(m.subject ?? ''))!;
  assert.match(notice.text ?? '', /请写明所需目录的年份/);
  assert.equal(notice.attachments[0]?.contentType, 'application/pdf');

  // The applicant answers from the status page.
  await page.goto(`${server.url}/status`);
  await page.getByLabel('申请编号').fill(id);
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByLabel(/提交补正后的申请/).fill('本局2026年的行政许可事项目录');
  await page.getByRole('button', { name: '提交补正' }).click();
  await page.getByText('补正后的申请已提交').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'status-corrected-phone.png'), fullPage: true });

  // The officer attaches the file and replies; the reply arrives by e-mail.
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), '行政许可事项目录.pdf');
  const uploaded = await fetch(`${server.url}${base}/files`, {
    method: 'POST',
    headers: { cookie: officer.cookieHeader, 'x-csrf-token': officer.csrfToken },
    body: form,
  });
  assert.equal(uploaded.status, 201);
  await act({
    type: 'record-reply',
    on: today,
    outcome: 'r3_1',
    legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
    content: { variant: 'provided', disclosed: '本局2026年行政许可事项目录' },
  });
  await until('the reply e-mail', () => smtp.received.some((m) => /已答复/.test(m.subject ?? '')), 20_000);
  const reply = smtp.received.find((m) => /已答复/.test(m.subject ?? ''))!;
  assert.equal(reply.attachments[0]?.filename, `${id}-政府信息公开申请答复告知书.pdf`);

  // The applicant downloads the file: the case records the delivery.
  await page.goto(`${server.url}/status`);
  await page.getByLabel('申请编号').fill(id);
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('公开的信息（电子送达）').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'status-replied-phone.png'), fullPage: true });
  const download = page.waitForEvent('download');
  await page.locator('form[action="/status/file"]').getByRole('button', { name: '下载' }).click();
  const file = await download;
  assert.deepEqual(await readFile((await file.path())!), PDF);
  const history = (await officer.request('GET', base)).body.history as Array<{ type: string }>;
  assert.ok(
    history.some((h) => h.type === 'delivered'),
    'the delivery is on the case',
  );
  await phone.close();
});
