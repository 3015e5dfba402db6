/**
 * Administration in the console, as the city government's office does it: add a department below the
 * city with its level and reconsideration organ, give it a staff account and change that account's
 * roles; paste the State Council's notice, review what it reads and what it moves, import it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';
import { expectNoAxeViolations, signInToConsole } from './console-page.ts';
import { fixture } from '../run-cli.ts';

const PASSWORD = 'console-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

async function signIn(page: Page, username: string) {
  await signInToConsole(page, live.server.url, username, PASSWORD);
}

test('the office adds a department, gives it an account and changes its roles', async () => {
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, 'office');
  await openFromMenu(page, '管理', '机关与日历');
  await page.getByRole('heading', { name: '机关与日历' }).waitFor();
  await page.locator('tr[data-agency="demo"]').waitFor();
  await page
    .getByLabel('机关代码（小写字母、数字、连字符，如 city-edu；创建后不能更改）')
    .fill('demo-health');
  const form = page.locator('form', { hasText: '新增下级机关' });
  await form.getByLabel('机关名称').fill('示范市卫生健康委员会');
  await form.getByLabel('层级').selectOption({ label: '工作部门' });
  await form.getByLabel(/复议机关/).fill('示范市人民政府');
  await form.getByRole('button', { name: '新增' }).click();
  await page.getByRole('status').filter({ hasText: '已新增“示范市卫生健康委员会”' }).waitFor();
  const row = page.locator('tr[data-agency="demo-health"]');
  assert.match((await row.textContent()) ?? '', /示范市卫生健康委员会demo-health工作部门CN示范市人民政府/);
  // The same code again is refused with the reason, nothing added.
  await page
    .getByLabel('机关代码（小写字母、数字、连字符，如 city-edu；创建后不能更改）')
    .fill('demo-health');
  await form.getByLabel('机关名称').fill('重复的机关');
  await form.getByRole('button', { name: '新增' }).click();
  await page.getByRole('alert').filter({ hasText: '机关代码“demo-health”已被使用' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-administration.png'), fullPage: true });
  await expectNoAxeViolations(page);

  await openFromMenu(page, '管理', '工作人员');
  await page.getByLabel('机关').selectOption({ label: '示范市卫生健康委员会' });
  await page.getByLabel('用户名').fill('health-officer');
  await page.getByLabel('姓名').fill('孙经办');
  await page.getByRole('button', { name: '新建并生成一次性密码' }).click();
  await page.locator('code.secret').waitFor();
  await page.getByRole('button', { name: '已记下，关闭' }).click();
  const account = page.getByRole('row', { name: /health-officer/ });
  await account.getByRole('cell', { name: '经办人', exact: true }).waitFor();
  await account.getByRole('button', { name: '修改角色' }).click();
  await account.getByLabel('审批人').check();
  await account.getByRole('button', { name: '保存角色' }).click();
  await account.getByRole('cell', { name: '经办人、审批人' }).waitFor();
  await expectNoAxeViolations(page);
  await context.close();
});

test('the office pastes the notice, reviews what it reads and moves, and imports it', async () => {
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'office');
  await page.goto(`${live.server.url}/console/administration`);
  await page.getByLabel('通知的年度').fill('2027');
  await page.getByLabel('来源（如 国办发明电〔2026〕X号）').fill('测试通知');
  await page.getByLabel('或粘贴通知正文').fill('一、元旦：1月1日（周四）至3日（周六）放假，共3天。');
  await page.getByRole('button', { name: '解析并预览' }).click();
  await page.getByRole('alert').filter({ hasText: '2027-01-01 是周五，通知写的是周四' }).waitFor();
  await page
    .getByLabel('或粘贴通知正文')
    .fill(readFileSync(fixture('calendar/test-notice-2027.txt'), 'utf8'));
  await page.getByRole('button', { name: '解析并预览' }).click();
  const reading = page.getByRole('region', { name: '解析结果' });
  await reading.getByText('2027 年解析结果（尚未导入）').waitFor();
  await reading.getByText(/调休上班 1 天：2027-02-13（周六）春节/).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-calendar-preview.png'), fullPage: true });
  await expectNoAxeViolations(page);
  await reading.getByRole('button', { name: '确认导入' }).click();
  await reading.getByText('已导入 2027 年').waitFor();
  await page.getByRole('cell', { name: '测试通知' }).waitFor();
  // An administrator of a department sees why the calendar is not theirs.
  const other = await (await live.browser.newContext()).newPage();
  await signIn(other, 'admin');
  await other.goto(`${live.server.url}/console/administration`);
  await other.getByText('工作日日历适用于全部机关，由最上级机关的管理员导入').waitFor();
  await context.close();
});
