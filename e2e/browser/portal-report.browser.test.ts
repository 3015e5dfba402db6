import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';

const live = liveDemo();

test('a reader goes from the agency list to the 2024 report and to the requests behind a number', async () => {
  const context = await live.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${live.server.url}/`);
  await page.getByRole('link', { name: '2024年度' }).click();
  await page.waitForURL(/\/agencies\/demo\/reports\/2024$/);
  assert.equal(await page.locator('h1').textContent(), '示范市示范局2024年政府信息公开工作年度报告');
  assert.equal(await page.locator('table#t3 td[data-cell="t3.r1.total"]').textContent(), '1290');
  await page.screenshot({ path: join(SCREENSHOTS, 'report-2024.png'), fullPage: true });
  await page.locator('td[data-cell="t3.r3_3_4.total"] a').click();
  await page.waitForURL(/\/cells\/t3\.r3_3_4\.total$/);
  assert.match((await page.locator('main').textContent()) ?? '', /共 10 条记录/);
  assert.equal(await page.locator('main ol li').count(), 10);
  await page.screenshot({ path: join(SCREENSHOTS, 'cell-lineage.png') });
  await context.close();
});

test('the report page lays out table 三 as printed: the vertical cell spans 22 rows', async () => {
  const context = await live.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${live.server.url}/agencies/demo/reports/2024`);
  const vertical = page.locator('table#t3 td', { hasText: '三、本年度办理结果' });
  assert.equal(await vertical.getAttribute('rowspan'), '22');
  const box = await vertical.boundingBox();
  const rowBox = await page.locator('table#t3 td[data-cell="t3.r3_1.total"]').boundingBox();
  assert.ok(box && rowBox && box.height > rowBox.height * 20, 'the merged cell is as tall as the 22 rows');
  await context.close();
});

test('the report page has no serious accessibility violations and reads on a phone', async () => {
  const context = await live.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${live.server.url}/agencies/demo/reports/2024`);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.help}`),
    [],
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'report-phone.png') });
  await context.close();
});
