/**
 * The office keeps its work records in the console — one entered by hand, a sheet pasted (a wrong row
 * named, nothing added; then right) — and the report's draft states them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';
import { expectNoAxeViolations, signInToConsole } from './console-page.ts';

const PASSWORD = 'console-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

test('work records entered and imported in the console are drafted into section 一', async () => {
  const year = new Date().getFullYear();
  const page = await (await live.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signInToConsole(page, live.server.url, 'officer', PASSWORD);
  await openFromMenu(page, '年度报告', '工作记录');
  await page.getByRole('heading', { name: '政务公开工作记录' }).waitFor();
  await page.getByLabel('类别').selectOption({ label: '修订政府信息公开目录' });
  await page.getByLabel('修订次数（次）').fill('1');
  await page.getByLabel('修订内容').fill('调整“社会救助”栏目');
  await page.getByRole('button', { name: '登记' }).click();
  await page.getByRole('status').filter({ hasText: '已登记' }).waitFor();
  await page.getByRole('cell', { name: '调整“社会救助”栏目' }).waitFor();

  const sheet = `日期,类别,数量,名称\n${year}-01-05,政务新媒体发布信息,35,“示范发布”微信公众号\n${year}-01-06,热线,2,`;
  await page.getByLabel('或粘贴表格').fill(sheet);
  await page.getByRole('button', { name: '导入' }).click();
  await page.getByRole('list', { name: '表格的问题' }).getByText('第 3 行：类别“热线”不认识').waitFor();
  await page.getByLabel('或粘贴表格').fill(sheet.replace(',热线,', ',政务热线来电,'));
  await page.getByRole('button', { name: '导入' }).click();
  await page.getByRole('status').filter({ hasText: '已导入' }).waitFor();
  await page.getByRole('cell', { name: '“示范发布”微信公众号' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-work-records.png'), fullPage: true });
  await expectNoAxeViolations(page);

  await page.goto(`${live.server.url}/console/filing?year=${year}`);
  const s1 = page.getByLabel('一、总体情况');
  await s1.waitFor();
  const text = await s1.inputValue();
  assert.match(text, /（三）政府信息管理情况。本年修订政府信息公开目录1次（调整“社会救助”栏目）。/);
  assert.match(
    text,
    /（四）政府信息公开平台建设情况。本年通过政务新媒体发布信息35条（“示范发布”微信公众号35条）；政务热线接听来电2次。/,
  );
});
