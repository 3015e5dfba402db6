/**
 * The guide, public messages and the normative-document register as their users meet them: a citizen on a
 * phone without JavaScript, the officer in the console; axe on every portal page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';

const PASSWORD = 'disclosure-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

/** Axe needs JavaScript in the page, so it reads the page's URL in a context of its own, on a phone. */
async function seriousViolations(url: string): Promise<string[]> {
  const context = await live.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(url);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  await context.close();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

async function signIn(username: string): Promise<Page> {
  const page = await (await live.browser.newContext()).newPage();
  await page.goto(`${live.server.url}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '依申请公开办理' }).waitFor();
  return page;
}

test('a citizen leaves a message on a phone, the officer answers it in the console, the answer is published', async () => {
  const context = await live.browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const citizen = await context.newPage();
  await citizen.goto(`${live.server.url}/`);
  await citizen.getByRole('link', { name: '示范市示范局' }).click();
  await citizen.getByRole('link', { name: '公众留言和答复' }).click();
  await citizen.getByRole('button', { name: '提交留言' }).click();
  assert.match((await citizen.locator('#subject-error').textContent()) ?? '', /请填写标题/);
  await citizen.getByLabel('标题').fill('残疾人补贴何时发放');
  await citizen
    .getByLabel('留言内容')
    .fill('请问今年第四季度的残疾人两项补贴什么时候发放？我的电话是13912345678。');
  await citizen.getByLabel('姓名').fill('陈某');
  await citizen.getByLabel('电话或电子邮箱').fill('13912345678');
  await citizen.getByRole('button', { name: '提交留言' }).click();
  const id = (await citizen.locator('#message-id').textContent()) ?? '';
  const code = (await citizen.locator('#query-code').textContent()) ?? '';
  assert.match(id, /^LY-\d{4}-\d{5}$/);

  const officer = await signIn('officer');
  await openFromMenu(officer, '主动公开', '公众留言');
  const card = officer.locator('article', { hasText: id });
  await card.getByLabel('答复内容').fill('第四季度补贴将于12月20日前发放到账。');
  await card.getByRole('button', { name: '答复' }).click();
  await card.getByRole('button', { name: '撤回公开' }).waitFor();
  await officer.screenshot({ path: join(SCREENSHOTS, 'console-messages.png'), fullPage: true });
  await officer.context().close();

  await citizen.goto(`${live.server.url}/agencies/demo/messages`);
  const published = (await citizen.locator('main').textContent()) ?? '';
  assert.match(published, /残疾人补贴何时发放/);
  assert.match(published, /第四季度补贴将于12月20日前发放到账/);
  assert.doesNotMatch(published, /13912345678|陈某/);
  assert.deepEqual(await seriousViolations(citizen.url()), []);
  await citizen.screenshot({ path: join(SCREENSHOTS, 'messages-phone.png'), fullPage: true });
  await citizen.getByLabel('留言编号').fill(id);
  await citizen.getByLabel('查询码').fill(code);
  await citizen.getByRole('button', { name: '查看' }).click();
  assert.match((await citizen.locator('main').textContent()) ?? '', /第四季度补贴将于12月20日前发放到账/);
  await context.close();
});

test('the officer registers and repeals a normative document; the portal register and guide read well', async () => {
  const officer = await signIn('officer');
  await openFromMenu(officer, '主动公开', '规范性文件');
  await officer.getByLabel('标题').fill('示范市困难群众临时救助实施细则');
  await officer.getByLabel('文号').fill('示民规〔2026〕9号');
  await officer.getByLabel('制发日期').fill('2026-01-15');
  await officer.getByRole('button', { name: '登记' }).click();
  const row = officer.locator('tr', { hasText: '示范市困难群众临时救助实施细则' });
  await row.waitFor();
  await row.getByLabel(/事项/).selectOption('repeal');
  await row.getByLabel(/日期/).fill('2026-06-30');
  await row.getByRole('button', { name: '记录' }).click();
  await row.getByText('2026-06-30 废止').waitFor();
  await officer.screenshot({ path: join(SCREENSHOTS, 'console-register.png'), fullPage: true });
  await officer.context().close();

  const context = await live.browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const reader = await context.newPage();
  await reader.goto(`${live.server.url}/agencies/demo/normative-documents?on=2026-03-01`);
  assert.match(
    (await reader.locator('tr', { hasText: '示范市困难群众临时救助实施细则' }).textContent()) ?? '',
    /现行有效/,
  );
  await reader.getByLabel('查看哪一天的效力状态').fill('2026-07-01');
  await reader.getByRole('button', { name: '查看' }).click();
  assert.match(
    (await reader.locator('tr', { hasText: '示范市困难群众临时救助实施细则' }).textContent()) ?? '',
    /已于2026-06-30废止/,
  );
  assert.deepEqual(await seriousViolations(reader.url()), []);
  await reader.getByRole('link', { name: '公开指南' }).click();
  assert.match((await reader.locator('main').textContent()) ?? '', /示范市人民路100号/);
  assert.deepEqual(await seriousViolations(reader.url()), []);
  await reader.screenshot({ path: join(SCREENSHOTS, 'guide-phone.png'), fullPage: true });
  await context.close();
});
