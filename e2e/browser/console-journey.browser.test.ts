import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { extractPdfLines } from '../../src/platform/rendering/pdf-text.ts';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';

const PASSWORD = 'console-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

async function reportCell(page: Page, year: string, cell: string): Promise<number> {
  await page.goto(`${live.server.url}/agencies/demo/reports/${year}`);
  return Number(await page.locator(`td[data-cell="${cell}"]`).textContent());
}

/** A fresh browser context with the officer signed in to the console. */
async function officerSignedIn() {
  const context = await live.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${live.server.url}/console/`);
  await page.getByLabel('用户名').fill('officer');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  return { context, page };
}

async function act(page: Page, label: string, fill: (page: Page) => Promise<void> = async () => {}) {
  await page.getByLabel('办理', { exact: true }).selectOption({ label });
  await fill(page);
  await page.getByRole('button', { name: '确定' }).click();
}

test('apply as a citizen → the officer confirms, asks for 补正, receives it, replies → the report cell changes', async () => {
  const citizen = await live.browser.newContext({ javaScriptEnabled: false });
  const form = await citizen.newPage();
  await form.goto(`${live.server.url}/agencies/demo/apply`);
  await form.getByLabel('姓名或名称').fill('李四');
  await form.getByLabel('电子邮箱').fill('lisi@example.com');
  await form.getByLabel('所需政府信息的名称、文号或便于查询的其他特征').fill('本局2025年行政许可事项目录');
  await form.getByRole('button', { name: '提交申请' }).click();
  const caseId = (await form.locator('#case-id').textContent()) ?? '';
  await citizen.close();

  const staff = await live.browser.newContext();
  const page = await staff.newPage();
  const year = caseId.slice(4, 8);
  const before = await reportCell(page, year, 't3.r3_1.natural');
  await page.goto(`${live.server.url}/console/`);
  await page.getByLabel('用户名').fill('officer');
  await page.getByLabel('密码').fill('wrong password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('用户名或密码错误').waitFor();
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '依申请公开办理' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-list.png'), fullPage: true });
  await page.getByRole('link', { name: caseId }).click();
  await page.getByText('待确认收到').first().waitFor();
  // The case worker sees what the case holds: the route chosen, and each step's facts in the history.
  assert.match((await page.locator('dl.facts').textContent()) ?? '', /获取方式电子邮件/);

  await act(page, '确认收到申请（第三十一条）');
  await page.locator('#due-on').waitFor();
  await act(page, '一次性告知补正（第三十条）', async (p) =>
    p.getByLabel('需要补正的事项').fill('请写明所需目录的具体年份和事项类别'),
  );
  await page.getByText('等待补正').waitFor();
  // The applicant gave an e-mail: the 补正 notice is in the outbox (the demo has no mail server).
  await page.getByRole('heading', { name: '通知邮件' }).waitFor();
  await page.getByText(/政府信息公开申请 YSQ-\d{4}-\d+：需要补正/).click();
  await page.getByText('《政府信息公开申请补正告知书》见附件（PDF）。', { exact: false }).first().waitFor();
  await act(page, '收到补正后的申请', (p) =>
    p.getByLabel('补正后申请获取的信息（写入答复告知书）').fill('本局2025年行政许可事项目录（审批类）'),
  );
  await page.locator('#due-on').waitFor();
  await page.getByText('逐日计算').click();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-case.png'), fullPage: true });
  await act(page, '答复（办结）', async (p) => {
    await p.getByLabel('办理结果').selectOption({ label: '（一）予以公开' });
    await p.getByLabel('答复情形').selectOption({ label: '予以提供（第三十六条第（二）项）' });
    assert.match(await p.getByLabel('法律依据（须写明条款）').inputValue(), /第三十六条第（二）项$/);
    await p.getByLabel('公开（提供）的信息').fill('《示范局2025年行政许可事项目录》');
  });
  await page.getByText('已答复').first().waitFor();
  const timeline = await page.locator('ol.timeline li').allTextContents();
  assert.ok(
    timeline.some((t) => /补正事项：请写明所需目录的具体年份和事项类别；补正期限 \d{4}-\d{2}-\d{2}/.test(t)),
    'the history says what each step held',
  );
  assert.deepEqual(
    timeline.map((t) => t.split(' ')[0]),
    ['提交申请', '确认收到申请', '告知补正', '收到补正后的申请', '答复'],
  );
  assert.match((await page.locator('dl.facts').textContent()) ?? '', /第三十六条/);
  // The letters with their 文号: the 补正告知书 and the reply.
  const letters = page.locator('section.letters tbody tr');
  await letters.nth(1).waitFor();
  assert.deepEqual(
    (await letters.allTextContents()).map((t) => t.replace(/\d+/g, 'N').replace(/DOCX.*$/, '')),
    [
      '示范局依申请公开〔N〕第N号政府信息公开申请补正告知书N-N-N',
      '示范局依申请公开〔N〕第N号政府信息公开申请答复告知书N-N-N',
    ],
  );
  const download = page.waitForEvent('download');
  await letters.nth(1).getByRole('link', { name: 'PDF' }).click();
  const letter = await download;
  assert.match(letter.suggestedFilename(), new RegExp(`${caseId}-政府信息公开申请答复告知书\\.pdf`));
  const pdfText = (await extractPdfLines(await readFile((await letter.path())!))).flat().join('');
  assert.match(
    pdfText.replace(/\s/g, ''),
    /本机关向您提供：《示范局2025年行政许可事项目录》。本机关已通过电子邮件/,
  );
  assert.doesNotMatch(pdfText, /（写明|（附/);

  assert.equal(await reportCell(page, year, 't3.r3_1.natural'), before + 1);
  await staff.close();
});

test("a refused step shows the law's reason and changes nothing", async () => {
  const { context, page } = await officerSignedIn();
  await openFromMenu(page, '依申请公开', '登记申请');
  await page.getByLabel('姓名或名称').fill('王五');
  await page.getByLabel('所需政府信息').fill('某道路改造工程的立项批复');
  await page.getByRole('button', { name: '登记' }).click();
  // The counter receipt: the number and the query code to hand over, printable.
  await page.getByRole('heading', { name: '政府信息公开申请受理回执' }).waitFor();
  assert.match((await page.locator('#receipt-query-code').textContent()) ?? '', /^[A-Z2-9]{12}$/);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(SCREENSHOTS, 'console-counter-receipt-print.png') });
  assert.equal(await page.getByRole('button', { name: '打印回执' }).isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: '进入办理页面' }).click();
  await page.locator('#due-on').waitFor();
  await act(page, '申请延长答复期限（第三十三条，报审批人审批）', async (p) => {
    await p.getByLabel('延长工作日数（不超过20）').fill('25');
    await p.getByLabel('延期理由（写入延期答复告知书）').fill('需要调取档案');
  });
  await page.getByRole('alert').filter({ hasText: '最长不得超过20个工作日' }).waitFor();
  assert.equal(await page.locator('ol.timeline li').count(), 2);
  await page.getByLabel('办理', { exact: true }).selectOption({ label: '发出收费通知' });
  await page.screenshot({ path: join(SCREENSHOTS, 'console-fee.png'), fullPage: true });
  await page.getByLabel('计收方式').selectOption({ label: '按量计收' });
  await page.getByLabel('页数（按量计收时必填）').fill('250');
  await page.getByRole('button', { name: '按收费标准试算' }).click();
  await page.getByText('共 250 页：4700 元').waitFor();
  assert.equal(await page.getByLabel('金额（元）').inputValue(), '4700');
  assert.match(await page.getByLabel('缴费方式（写入收费通知书）').inputValue(), /非税收入缴款系统/);
  await page.getByRole('button', { name: '确定' }).click();
  await page.getByText('待缴费').first().waitFor();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  assert.deepEqual(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
    [],
  );
  await context.close();
});

test('the case worker records a reconsideration on the case and its result, corrects it, removes it; table 四 follows', async () => {
  const { context, page } = await officerSignedIn();
  await page.getByRole('heading', { name: '依申请公开办理' }).waitFor();
  await page.getByRole('link', { name: /^YSQ-/ }).first().click();
  await page.getByRole('heading', { name: '行政复议、行政诉讼' }).waitFor();
  const year = (await page.locator('#proceeding-filed-on').inputValue()).slice(0, 4);
  const reports = await context.newPage();
  const before = await reportCell(reports, year, 't4.review.corrected');
  await page.getByLabel('登记', { exact: true }).selectOption({ label: '行政复议' });
  await page.getByRole('button', { name: '登记', exact: true }).click();
  const recorded = page.getByRole('status').filter({ hasText: /已登记 FY-\d{4}-\d{3}（行政复议）/ });
  await recorded.waitFor();
  const id = /FY-\d{4}-\d{3}/.exec((await recorded.textContent()) ?? '')![0];
  const row = page.getByRole('row', { name: new RegExp(id) });
  assert.match((await row.textContent()) ?? '', /尚未审结/);
  await row.getByLabel('结果', { exact: true }).selectOption({ label: '结果纠正' });
  await row.getByRole('button', { name: '登记结果' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `已登记 ${id} 的结果：结果纠正` })
    .waitFor();
  await page.getByRole('row', { name: new RegExp(`${id}.*结果纠正`) }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-proceedings.png'), fullPage: true });
  assert.equal(await reportCell(reports, year, 't4.review.corrected'), before + 1);
  // Entered in error: corrected, then removed with a reason; the count goes back.
  const decidedRow = page.getByRole('row', { name: new RegExp(id) });
  await decidedRow.getByText('更正或撤销').click();
  await decidedRow.getByLabel('更正后的结果').selectOption({ label: '其他结果' });
  await decidedRow.getByLabel('理由').fill('实为申请人撤回复议申请');
  await decidedRow.getByRole('button', { name: '更正', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `已更正 ${id}` })
    .waitFor();
  await page.getByRole('row', { name: new RegExp(`${id}.*其他结果`) }).waitFor();
  const row2 = page.getByRole('row', { name: new RegExp(id) });
  // Still open from the correction.
  if ((await row2.locator('details.correction').getAttribute('open')) === null)
    await row2.getByText('更正或撤销').click();
  await row2.getByLabel('理由').fill('误登记，并无复议');
  await row2.getByRole('button', { name: '撤销登记' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `已撤销 ${id} 的登记` })
    .waitFor();
  assert.equal(await page.getByRole('row', { name: new RegExp(id) }).count(), 0);
  assert.equal(await reportCell(reports, year, 't4.review.corrected'), before);
  await context.close();
});

test('the case list: search, status filters with their counts, sorting, pages, and an address that keeps the view', async () => {
  const { context, page } = await officerSignedIn();
  await page.getByRole('heading', { name: '依申请公开办理' }).waitFor();
  /** Waits until the list on screen answers a query matching `pattern`. */
  const loaded = (pattern: RegExp) =>
    page.waitForFunction(
      (source) =>
        new RegExp(source).test(
          document.querySelector('section.case-list')?.getAttribute('data-loaded-for') ?? '-',
        ),
      pattern.source,
    );
  // Each screen has its own title.
  await page.waitForFunction(() => document.title === '依申请公开办理 - gongkai 工作台');
  await page.getByLabel('只看未办结').uncheck();
  await loaded(/open=false/);
  const pager = (await page.locator('nav.pager').textContent()) ?? '';
  const total = Number(/共 (\d+) 件/.exec(pager)?.[1]);
  assert.ok(total > 100, `the demo's cases are paged (${total})`);
  assert.equal(await page.locator('table.cases tbody tr').count(), 50);
  await page.getByRole('button', { name: '下一页' }).click();
  await loaded(/page=2/);
  assert.match((await page.locator('nav.pager').textContent()) ?? '', /第 2\//);
  // A status filter shows its count, and the list holds that many.
  const replied = page.locator('.status-filters button', { hasText: '已答复' });
  const count = Number(/（(\d+)）/.exec((await replied.textContent()) ?? '')?.[1]);
  await replied.click();
  await loaded(/status=replied/);
  assert.match((await page.locator('nav.pager').textContent()) ?? '', new RegExp(`共 ${count} 件`));
  // Sorting by number, both ways.
  await page.getByRole('button', { name: '申请编号' }).click();
  await loaded(/sort=id&dir=asc/);
  const ascending = await page.locator('table.cases tbody tr td:first-child').allTextContents();
  assert.deepEqual(ascending, [...ascending].sort());
  await page.getByRole('button', { name: /申请编号/ }).click();
  await loaded(/dir=desc/);
  const descending = await page.locator('table.cases tbody tr td:first-child').allTextContents();
  assert.deepEqual(descending, [...descending].sort().reverse());
  // The address keeps the view: reload and it is the same list.
  await page.reload();
  await loaded(/dir=desc/);
  assert.deepEqual(await page.locator('table.cases tbody tr td:first-child').allTextContents(), descending);
  // Search by number.
  await page.getByPlaceholder('申请编号、申请人或所需信息').fill(descending[0]!);
  await page.getByRole('button', { name: '检索', exact: true }).click();
  await loaded(/q=/);
  assert.deepEqual(await page.locator('table.cases tbody tr td:first-child').allTextContents(), [
    descending[0],
  ]);
  await page.getByRole('link', { name: descending[0]! }).click();
  await page.waitForFunction((id) => document.title === `申请 ${id} - gongkai 工作台`, descending[0]!);
  await page.goBack();
  await loaded(/q=/);
  // On a phone the description column goes, header and cells alike.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await page.locator('table.cases th.description').isVisible(), false);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-list-phone.png'), fullPage: true });
  await context.close();
});
