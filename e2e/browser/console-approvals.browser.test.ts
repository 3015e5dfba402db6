/**
 * Handlers and approvals in the console, as an office works: the case worker takes a case and asks for
 * an extension; being also an approver, he finds it in 待审批 but cannot approve his own request; the
 * other approver approves it from the queue, and the case shows the new due date, the approver's name
 * and the steps with people's names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';
import { expectNoAxeViolations, signInToConsole } from './console-page.ts';

const PASSWORD = 'console-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

async function signIn(page: Page, username: string) {
  await signInToConsole(page, live.server.url, username, PASSWORD);
  await page.getByRole('heading', { name: '依申请公开办理' }).waitFor();
}

test('the handler asks for an extension; another approver approves it from the queue', async () => {
  const officerContext = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const officer = await officerContext.newPage();
  await signIn(officer, 'officer');
  // An open case, not waiting for anything (办理中), the one due last: still within its period. The
  // view is in the address, as a colleague's link would give it.
  await officer.goto(`${live.server.url}/console/?open=true&status=received&sort=dueOn&dir=desc`);
  await officer.waitForFunction(() =>
    document.querySelector('.case-list')?.getAttribute('data-loaded-for')?.includes('dir=desc'),
  );
  await officer.locator('table.cases tbody tr a').first().click();
  const caseId = (await officer.getByRole('heading', { level: 1 }).textContent())!.match(/YSQ-\d{4}-\d+/)![0];
  await officer.locator('#handler-name').waitFor();
  if (await officer.getByRole('button', { name: '由我办理' }).isVisible())
    await officer.getByRole('button', { name: '由我办理' }).click();
  await officer.waitForFunction(() => document.getElementById('handler-name')?.textContent === '王经办');
  const dueBefore = await officer.locator('#due-on').textContent();
  // The one-step grant is not offered: the agency separates duties.
  const options = await officer.locator('#action-type option').allTextContents();
  assert.ok(!options.some((o) => o.startsWith('延长答复期限')), options.join('|'));
  await officer
    .locator('#action-type')
    .selectOption({ label: '申请延长答复期限（第三十三条，报审批人审批）' });
  await officer.getByLabel('延长工作日数（不超过20）').fill('10');
  await officer
    .getByLabel('延期理由（写入延期答复告知书）')
    .fill('所需信息分散在三个科室的档案中，需要逐一检索');
  await officer.getByRole('button', { name: '确定' }).click();
  await officer.getByRole('status').filter({ hasText: '待审批' }).waitFor();
  await officer.screenshot({ path: join(SCREENSHOTS, 'console-extension-requested.png'), fullPage: true });

  // He is an approver too, but not of his own request.
  await openFromMenu(officer, '依申请公开', '待审批');
  const own = officer.locator(`tr[data-case="${caseId}"]`);
  await own.getByText('本人提出或经办，须由其他审批人审批').waitFor();
  assert.equal(await own.getByRole('button', { name: '同意', exact: true }).count(), 0);

  const approverContext = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const approver = await approverContext.newPage();
  await signIn(approver, 'reviewer');
  await openFromMenu(approver, '依申请公开', '待审批');
  const row = approver.locator(`tr[data-case="${caseId}"]`);
  await row.getByText('所需信息分散在三个科室的档案中').waitFor();
  await row.getByText('王经办').first().waitFor();
  await approver.screenshot({ path: join(SCREENSHOTS, 'console-approvals.png'), fullPage: true });
  await expectNoAxeViolations(approver);
  await row.getByRole('button', { name: '同意', exact: true }).click();
  await approver.getByText(`${caseId} 已同意，告知书已生成`).waitFor();
  await row.waitFor({ state: 'detached' });

  await officer.goto(`${live.server.url}/console/requests/${caseId}`);
  await officer.getByText('延长 10 个工作日，赵审核').waitFor();
  const dueAfter = await officer.locator('#due-on').textContent();
  assert.ok(dueAfter! > dueBefore!, `${dueBefore} → ${dueAfter}`);
  const history = await officer.locator('ol.timeline li').allTextContents();
  assert.ok(
    history.some((h) => h.startsWith('申请延长答复期限（待审批）') && h.includes('王经办')),
    history.join('\n'),
  );
  assert.ok(
    history.some((h) => h.startsWith('延长答复期限') && h.includes('赵审核')),
    history.join('\n'),
  );
  await expectNoAxeViolations(officer);
  await officer.screenshot({ path: join(SCREENSHOTS, 'console-extension-approved.png'), fullPage: true });
  await officerContext.close();
  await approverContext.close();
});

test('the case list filters by handler and shows who handles each case', async () => {
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'officer');
  await page.getByLabel('只看未办结').uncheck();
  await page.getByLabel('经办人').selectOption({ label: '尚未指定' });
  await page.waitForFunction(() =>
    document.querySelector('.case-list')?.getAttribute('data-loaded-for')?.includes('handler=none'),
  );
  const unassigned = await page.locator('table.cases tbody tr td:last-child').allTextContents();
  assert.ok(
    unassigned.length > 0 && unassigned.every((t) => t.startsWith('—')),
    `${await page.locator('.case-list').textContent()}`,
  );
  await page.getByLabel('经办人').selectOption({ label: '我经办的' });
  await page.waitForFunction(() =>
    document.querySelector('.case-list')?.getAttribute('data-loaded-for')?.includes('handler=me'),
  );
  const mine = await page.locator('table.cases tbody tr td:last-child').allTextContents();
  assert.ok(mine.length > 0 && mine.every((t) => t.startsWith('王经办')), mine.join('|'));
  // The view is in the address: a reload shows the same list.
  await page.reload();
  await page.waitForFunction(() =>
    document.querySelector('.case-list')?.getAttribute('data-loaded-for')?.includes('handler=me'),
  );
  assert.equal(await page.getByLabel('经办人').inputValue(), 'me');
  await page.screenshot({ path: join(SCREENSHOTS, 'console-list-handler.png'), fullPage: false });
  await context.close();
});
