import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';

const live = liveDemo({ GONGKAI_TODAY: '2025-03-03' });

test('a citizen applies on a phone without JavaScript, then checks the status with the number and query code', async () => {
  const context = await live.browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto(`${live.server.url}/`);
  // On a phone the index shows agencies and reports; the agency's page has the rest.
  await page.getByRole('link', { name: '示范市示范局' }).click();
  await page.getByRole('link', { name: '在线提交申请' }).click();
  await page.getByRole('button', { name: '提交申请' }).click();
  assert.match((await page.locator('main').textContent()) ?? '', /申请未提交/);
  assert.match((await page.locator('#name-error').textContent()) ?? '', /请填写申请人姓名或名称/);
  await page.screenshot({ path: join(SCREENSHOTS, 'apply-errors.png'), fullPage: true });
  await page.getByLabel('姓名或名称').fill('张三');
  await page.getByLabel('联系电话').fill('13800000000');
  await page.getByLabel('电子邮箱').fill('zhangsan@example.cn');
  await page
    .getByLabel('所需政府信息的名称、文号或便于查询的其他特征')
    .fill('2024年本市义务教育学校招生计划');
  await page.getByRole('button', { name: '提交申请' }).click();
  const id = (await page.locator('#case-id').textContent()) ?? '';
  const code = (await page.locator('#query-code').textContent()) ?? '';
  assert.match(id, /^YSQ-2025-\d{5}$/);
  assert.match(code, /^[A-Z2-9]{12}$/);
  await page.screenshot({ path: join(SCREENSHOTS, 'apply-done.png'), fullPage: true });
  // Reloading the receipt files nothing and shows the same number and code.
  await page.reload();
  assert.equal(await page.locator('#case-id').textContent(), id);
  assert.equal(await page.locator('#query-code').textContent(), code);
  assert.match((await page.locator('main').textContent()) ?? '', /2024年本市义务教育学校招生计划/);
  await page.getByRole('link', { name: '查询办理进度' }).click();
  await page.getByLabel('申请编号').fill(id);
  await page.getByLabel('查询码').fill('WRONGWRONG22');
  await page.getByRole('button', { name: '查询' }).click();
  assert.match((await page.locator('main').textContent()) ?? '', /没有找到该申请，或查询码不正确/);
  await page.getByLabel('申请编号').fill(id);
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  const text = (await page.locator('main').textContent()) ?? '';
  assert.match(text, /待确认收到/);
  assert.ok(!text.includes('张三') && !text.includes('13800000000'), 'no personal data on the status page');
  // Coming back another day from the front page: the number and the code are all it takes.
  await page.goto(`${live.server.url}/`);
  await page.getByRole('link', { name: '查询申请办理进度' }).click();
  await page.getByLabel('申请编号').fill(id.toLowerCase());
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  assert.match((await page.locator('main').textContent()) ?? '', /待确认收到/);
  await context.close();
});

test('the application form and its error page have no serious accessibility violations; errors take the focus', async () => {
  const context = await live.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${live.server.url}/agencies/demo/apply`);
  const serious = async () =>
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
  assert.deepEqual(await serious(), []);
  await page.getByLabel('姓名或名称').fill('张三');
  await page.getByLabel('证件号码').fill('110105194912310021');
  await page.getByLabel('所需政府信息的名称、文号或便于查询的其他特征').fill('本市学校布局调整方案');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
  await page.getByRole('link', { name: /证件号码：身份证号码的校验位不正确/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'idNumber');
  assert.deepEqual(await serious(), []);
  await context.close();
});
