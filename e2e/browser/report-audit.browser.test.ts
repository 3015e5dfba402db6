/** A supervisor uploads a published report in the console and reads what was found. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fixture } from '../run-cli.ts';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';

const PASSWORD = 'audit-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

test('upload a published report in the console: the cells read, the failing rules, the unread cells', async () => {
  const page = await (await live.browser.newContext()).newPage();
  await page.goto(`${live.server.url}/console/`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await openFromMenu(page, '年度报告', '年报核查');
  await page.getByLabel('年度报告文件').setInputFiles(fixture('reports/008-pingtan-2022.txt'));
  await page.getByRole('button', { name: '核查' }).click();
  await page.getByText('读出 200/200 个单元格').waitFor();
  const text = (await page.locator('main').textContent()) ?? '';
  assert.match(text, /平潭综合实验区 2022年度/);
  assert.match(text, /R8\.received（警告）/);
  // The agency's own words, read with the tables: folded, opened on a click.
  await page.getByText(/^五、存在的主要问题及改进情况（\d+ 字）$/).click();
  await page.getByText(/^2022年，平潭综合实验区政府信息公开工作取得了一定成绩/).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-report-audit.png'), fullPage: true });
  await page
    .getByLabel('年度报告文件')
    .setInputFiles({ name: 'x.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await page.getByRole('button', { name: '核查' }).click();
  await page.getByRole('alert').filter({ hasText: '不支持 .exe 文件' }).waitFor();
  await page.context().close();
});
