/**
 * The reporting season in Chromium: the city's office sees who has filed and reminds the others; the
 * demo agency's officer files from the console; the filed reports appear on the public portal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';

const PASSWORD = 'season-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

async function signIn(username: string): Promise<Page> {
  const page = await (await live.browser.newContext()).newPage();
  await page.goto(`${live.server.url}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

async function noSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    what,
  );
}

test('the office follows the season, a department files, the portal publishes it', async () => {
  const office = await signIn('office');
  // The office lands on its work, the season's progress.
  await office.waitForURL(/\/console\/season$/);
  await office.waitForFunction(() => document.title === '报送进度 - gongkai 工作台');
  const board = office.locator('table.season-board');
  await board.waitFor();
  assert.match((await board.textContent()) ?? '', /示范市水务局.*已按时报送/s);
  assert.match((await board.textContent()) ?? '', /示范市示范局.*已逾期未报送/s);
  await noSeriousViolations(office, 'season board');
  await office.screenshot({ path: join(SCREENSHOTS, 'console-season-board.png'), fullPage: true });
  await office.getByRole('button', { name: '提醒所有未报送的机关' }).click();
  await office.getByRole('status').filter({ hasText: '已提醒 2 个机关' }).waitFor();

  const officer = await signIn('officer');
  await openFromMenu(officer, '年度报告', '年报报送');
  await officer.getByText('尚未报送。').waitFor();
  assert.match((await officer.locator('main').textContent()) ?? '', /收到的提醒/);
  await noSeriousViolations(officer, 'filing page');
  await officer.screenshot({ path: join(SCREENSHOTS, 'console-filing.png'), fullPage: true });
  // Filing locks the year: the button does nothing until the officer confirms having checked the report.
  await officer.getByRole('button', { name: /^报送 \d{4} 年度报告$/ }).click();
  assert.equal(await officer.getByRole('status').count(), 0, 'not sent without the confirmation');
  await officer.getByLabel(/我已核对上面的报告/).check();
  // The drafted text still holds the template's prompts: filing is refused until they are written.
  await officer.getByRole('button', { name: /^报送 \d{4} 年度报告$/ }).click();
  await officer.getByRole('status').filter({ hasText: '还有未填写的提示语' }).waitFor();
  await officer
    .getByLabel('一、总体情况')
    .fill('本年度，本局坚持以公开为常态、不公开为例外，主动公开政府信息。');
  await officer
    .getByLabel('五、存在的主要问题及改进情况')
    .fill('政策解读形式较单一。下一年度将增加图解和视频解读。');
  await officer.getByLabel('六、其他需要报告的事项').fill('本年度未收取信息处理费。');
  await officer.getByRole('button', { name: /^报送 \d{4} 年度报告$/ }).click();
  await officer.getByRole('status').filter({ hasText: '已报送第 1 版，该年度已锁定' }).waitFor();

  // The city cannot consolidate while the transport bureau has not filed.
  await openFromMenu(office, '年度报告', '年报报送');
  await office.getByLabel(/我已核对上面的报告/).check();
  await office.getByRole('button', { name: /^报送 \d{4} 年度报告$/ }).click();
  await office.getByRole('status').filter({ hasText: '下级机关尚未报送：示范市交通运输局' }).waitFor();

  const portal = await (await live.browser.newContext()).newPage();
  await portal.goto(`${live.server.url}/published-reports`);
  const list = (await portal.locator('main').textContent()) ?? '';
  assert.match(list, /示范市示范局/);
  assert.match(list, /示范市水务局/);
  await noSeriousViolations(portal, 'published reports');
  await portal.getByRole('link', { name: '示范市示范局' }).click();
  await portal.getByText('第 1 版', { exact: false }).first().waitFor();
  assert.match((await portal.locator('body').textContent()) ?? '', /下一年度将增加图解和视频解读/);
  assert.match((await portal.title()) ?? '', /示范市示范局\d{4}年政府信息公开工作年度报告/);
  await noSeriousViolations(portal, 'published report');
  await portal.screenshot({ path: join(SCREENSHOTS, 'portal-published-report.png'), fullPage: true });
  await portal.goto(`${live.server.url}/published-reports/compare`);
  assert.equal(await portal.locator('svg[role="img"]').count(), 3);
  await noSeriousViolations(portal, 'comparison');
  await portal.screenshot({ path: join(SCREENSHOTS, 'portal-comparison.png'), fullPage: true });
});
