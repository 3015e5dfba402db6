/**
 * Filing on a department's behalf from its published report, as the city's office does it: the file is
 * read and previewed, the row it could not read is shown with its text, the office types the values,
 * confirms, and the year is filed and locked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';
import { expectNoAxeViolations, signInToConsole } from './console-page.ts';
import { fixture } from '../run-cli.ts';

const PASSWORD = 'console-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

test('the office previews a department’s report file, types the unread row, and files it', async () => {
  const year = new Date().getFullYear() - 1;
  const file = join(mkdtempSync(join(tmpdir(), 'gongkai-filing-')), '示范市交通运输局年度报告.txt');
  writeFileSync(
    file,
    readFileSync(fixture('reports/zhongwei-civil-affairs-2021.txt'), 'utf8')
      .replaceAll('中卫市民政局', '示范市交通运输局')
      .replace('行政规范性文件\t1\t1\t4', '行政规范性文件\t1\t一\t4')
      .replaceAll('2021', String(year)),
  );
  const page = await (await live.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signInToConsole(page, live.server.url, 'office', PASSWORD);
  await page.goto(`${live.server.url}/console/filing?agency=demo-transport&year=${year}`);
  await page.getByRole('heading', { name: '年报报送：示范市交通运输局' }).waitFor();
  await page.getByLabel('或以已发布的报告文件报送（不在本系统记录台账的机关）').setInputFiles(file);
  await page.getByRole('button', { name: '读取并预览' }).click();
  const preview = page.getByRole('form', { name: '报告文件预览' });
  await preview.getByText(`文件写明 ${year} 年度；读出`).waitFor();
  const made = preview.getByLabel('表二 第二十条第（一）项 行政规范性文件 本年制发件数');
  await made.waitFor();
  assert.match(
    (await preview.locator('pre.context').first().textContent()) ?? '',
    /行政规范性文件\s+1\s+一\s+4/,
  );
  await made.fill('1');
  await preview.getByLabel('表二 第二十条第（一）项 行政规范性文件 本年废止件数').fill('1');
  await preview.getByLabel('表二 第二十条第（一）项 行政规范性文件 现行有效件数').fill('4');
  await page.screenshot({ path: join(SCREENSHOTS, 'console-filing-import-preview.png'), fullPage: true });
  await expectNoAxeViolations(page);
  await preview.getByLabel(/我已核对上面的内容/).check();
  await preview.getByRole('button', { name: '报送' }).click();
  await page.getByRole('status').filter({ hasText: '已以报告文件报送第 1 版' }).waitFor();
  await page.getByText(/已报送第 1 版.*该年度已锁定/).waitFor();
});
