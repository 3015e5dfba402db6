/** A supervisor uploads a published report in the console and reads what was found. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fixture } from '../run-cli.ts';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';
import { expectNoAxeViolations, signInToConsole } from './console-page.ts';
import { carriedOverPair } from '../../test-support/carried-over-pair.ts';

const PASSWORD = 'audit-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

async function openAuditPage() {
  const page = await (await live.browser.newContext()).newPage();
  await signInToConsole(page, live.server.url, 'admin', PASSWORD);
  await openFromMenu(page, '年度报告', '年报核查');
  return page;
}

test('upload a published report in the console: the cells read, the failing rules, the unread cells', async () => {
  const page = await openAuditPage();
  await page.getByLabel('年度报告文件').setInputFiles(fixture('reports/008-pingtan-2022.txt'));
  await page.getByRole('button', { name: '核查', exact: true }).click();
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
  await page.getByRole('button', { name: '核查', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: '不支持 .exe 文件' }).waitFor();
  // The server not reached: said, and the button usable again.
  await page.route('**/report-audits', (route) => route.abort());
  await page.getByRole('button', { name: '核查', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: '无法连接服务器' }).waitFor();
  assert.ok(await page.getByRole('button', { name: '核查', exact: true }).isEnabled());
  await page.context().close();
});

test('with last year’s report beside it: 结转 checked, the run-together 上年结转 split by it, doubts shown', async () => {
  const page = await openAuditPage();
  const pair = carriedOverPair();
  const thisYear = { name: '2024.txt', mimeType: 'text/plain', buffer: Buffer.from(pair.thisYear) };
  // Alone: the row's digits split more than one way, and the page says which readings remain.
  await page.getByLabel('年度报告文件').setInputFiles(thisYear);
  await page.getByRole('button', { name: '核查', exact: true }).click();
  await page.getByRole('heading', { name: /未能读出的单元格/ }).waitFor();
  const row = page.locator('table.audit-unread tr', { hasText: '上年结转' }).first();
  assert.match((await row.textContent()) ?? '', /1 或 11[\s\S]*111000012/);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-report-audit-doubts.png'), fullPage: true });
  await expectNoAxeViolations(page);
  // With last year's report: split, and nothing left unread in the row.
  await page
    .getByLabel('同一机关的上年度报告（可选）')
    .setInputFiles({ name: '2023.txt', mimeType: 'text/plain', buffer: Buffer.from(pair.lastYear) });
  await page.getByRole('button', { name: '核查', exact: true }).click();
  await page.getByText(/对照上年度报告：.*2023\s*年度（2023\.txt）/).waitFor();
  const text = (await page.locator('main').textContent()) ?? '';
  assert.doesNotMatch(text, /上年结转政府信息公开申请数量\s*自然人/);
  assert.match(text, /读出 200\/200 个单元格/);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-report-audit-previous.png'), fullPage: true });
  await page.context().close();
});

test('a batch of reports in the console: a row each, the bad file with its reason, the totals', async () => {
  const page = await openAuditPage();
  await page.getByLabel('多个报告文件（一次至多 50 个）').setInputFiles([
    ...['pingtan-2023.txt', 'pingtan-2024.txt', 'shanghai-gov-office-2019.html'].map((name) => ({
      name,
      mimeType: 'text/plain',
      buffer: readFileSync(fixture(`reports/real/${name}`)),
    })),
    // The 2024 report a second time, as a supervisor's folder may hold it: one year of the agency.
    {
      name: 'pingtan-2024-again.txt',
      mimeType: 'text/plain',
      buffer: readFileSync(fixture('reports/real/pingtan-2024.txt')),
    },
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 broken') },
  ]);
  await page.getByRole('button', { name: '批量核查' }).click();
  await page.getByText(/^共 5 份 · 读出 \d+ 个单元格，存疑 9 个/).waitFor();
  const rows = page.locator('table.batch-audit-rows tbody tr');
  assert.equal(await rows.count(), 5);
  assert.match((await rows.nth(2).textContent()) ?? '', /上海市人民政府办公厅2019198/);
  assert.match((await rows.nth(4).textContent()) ?? '', /broken\.pdfPDF 文件已损坏或无法解析/);
  await page.getByText(/同一机关相邻年度 1 对/).waitFor();
  await page.getByText(/同一机关同一年度有多份报告 1 组：平潭综合实验区 2024 年度 2 份，数字一致/).waitFor();
  // The rows as the CLI writes them, to keep.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /下载结果（CSV/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), '年报批量核查.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  assert.match(csv, /^\uFEFFfile,agency,year,format,cells_read/);
  assert.match(csv, /\nshanghai-gov-office-2019\.html,上海市人民政府办公厅,2019,2019,198,0,0,859,/);
  assert.equal(csv.trim().split('\n').length, 6);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-report-audit-batch.png'), fullPage: true });
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('a batch names the report whose tables are in the format of other years', async () => {
  const page = await openAuditPage();
  const of2019 = readFileSync(fixture('reports/real/pingtan-2019.txt'), 'utf8');
  await page.getByLabel('多个报告文件（一次至多 50 个）').setInputFiles([
    {
      name: 'reused-2023.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(of2019.replaceAll('2019年', '2023年')),
    },
    { name: 'proper-2019.txt', mimeType: 'text/plain', buffer: Buffer.from(of2019) },
  ]);
  await page.getByRole('button', { name: '批量核查' }).click();
  await page.getByText(/^共 2 份/).waitFor();
  const rows = page.locator('table.batch-audit-rows tbody tr');
  assert.match((await rows.nth(0).textContent()) ?? '', /reused-2023\.txt平潭综合实验区2023（格式不符）/);
  assert.doesNotMatch((await rows.nth(1).textContent()) ?? '', /格式不符/);
  await page
    .getByText(
      '表格格式与年度不符：reused-2023.txt：2023 年度报告应使用国办公开办函〔2021〕30号的格式，这份报告的表格用的是国办公开办函〔2019〕60号的试行格式',
    )
    .waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-report-audit-format.png'), fullPage: true });
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('a converted report whose rows lost a cell: those rows named as unread with what they printed, no number guessed', async () => {
  const page = await openAuditPage();
  const printed = readFileSync(fixture('reports/real/shanghai-stc-2024.md'), 'utf8')
    .replace('| 一、本年新收政府信息公开申请数量 | 32 | 2 |', '| 一、本年新收政府信息公开申请数量 | 2 |')
    .replace('| 规范性文件 | 13 | 0 | 55 |', '| 规范性文件 | 13 | 55 |');
  await page
    .getByLabel('年度报告文件')
    .setInputFiles({ name: 'stc-2024.md', mimeType: 'text/markdown', buffer: Buffer.from(printed) });
  await page.getByRole('button', { name: '核查', exact: true }).click();
  await page.getByText('读出 190/200 个单元格').waitFor();
  await page
    .getByText('表二“行政规范性文件”一行印出 3 个单元格，表格有 4 列，看不出少了哪一格，未读')
    .waitFor();
  await page
    .getByText(/^表三第 102 行（\| 一、本年新收政府信息公开申请数量 \| 2 \| 0 \|.*读到 6 个数字，不成一行/)
    .waitFor();
  const unread = (await page.locator('table.audit-unread').textContent()) ?? '';
  assert.match(unread, /本年新收/);
  // Each unread row beside its own printed line (the table's 规范性文件 row, not the prose that names it).
  const normative = page.locator('table.audit-unread tr', { hasText: '行政规范性文件 本年制发件数' });
  assert.match((await normative.textContent()) ?? '', /\| 规范性文件 \| 13 \| 55 \|/);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-report-audit-lost-cell.png'), fullPage: true });
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('a compilation of reports: uploaded alone, the first read and the others named; in a batch, a row each', async () => {
  const page = await openAuditPage();
  const text = (name: string) => readFileSync(fixture(`reports/real/${name}`), 'utf8');
  const compilation = {
    name: '部门年报汇编.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([text('pingtan-2024.txt'), text('pingtan-junshan-2022.txt')].join('\n')),
  };
  await page.getByLabel('年度报告文件').setInputFiles(compilation);
  await page.getByRole('button', { name: '核查', exact: true }).click();
  await page
    .getByText(
      '这份文件里不止一份年度报告：第一份之后还有 1 份（“平潭综合实验区君山片区管理局2022年”），只读了第一份；批量核查会逐份读出',
    )
    .waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-report-audit-compilation.png'), fullPage: true });
  await page.getByLabel('多个报告文件（一次至多 50 个）').setInputFiles([compilation]);
  await page.getByRole('button', { name: '批量核查' }).click();
  await page.getByText(/^共 2 份 · 读出 \d+ 个单元格/).waitFor();
  const rows = page.locator('table.batch-audit-rows tbody tr');
  assert.match((await rows.nth(0).textContent()) ?? '', /部门年报汇编\.txt#1\/2平潭综合实验区2024/);
  assert.match(
    (await rows.nth(1).textContent()) ?? '',
    /部门年报汇编\.txt#2\/2平潭综合实验区君山片区管理局2022/,
  );
  await page.screenshot({
    path: join(SCREENSHOTS, 'console-report-audit-compilation-batch.png'),
    fullPage: true,
  });
  await expectNoAxeViolations(page);
  await page.context().close();
});
