/**
 * Accounts in the console: the administrator adds a colleague, whose one-time password must be changed
 * at the first sign-in under the policy; the colleague sees their sessions; the administrator disables
 * the account and the colleague is signed out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS, openFromMenu } from './launch-browser.ts';
import { liveDemo } from './live-demo.ts';

const PASSWORD = 'console-demo-password';
const live = liveDemo({ GONGKAI_DEMO_PASSWORD: PASSWORD });

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${live.server.url}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('an administrator adds a colleague, who changes the one-time password first; disabling signs them out', async () => {
  const adminContext = await live.browser.newContext();
  const admin = await adminContext.newPage();
  admin.on('dialog', (dialog) => void dialog.accept());
  await signIn(admin, 'admin', PASSWORD);
  await openFromMenu(admin, '管理', '工作人员');
  await admin.getByRole('heading', { name: '工作人员账号' }).waitFor();
  await admin.getByLabel('用户名').fill('zhaoliu');
  await admin.getByLabel('姓名').fill('赵六');
  await admin.getByRole('button', { name: '新建并生成一次性密码' }).click();
  const secret = (await admin.locator('code.secret').textContent()) ?? '';
  assert.match(secret, /^[A-Za-z2-9]{16}$/);
  await admin.screenshot({ path: join(SCREENSHOTS, 'console-staff.png'), fullPage: true });
  const axe = await new AxeBuilder({ page: admin }).analyze();
  assert.deepEqual(
    axe.violations.map((v) => v.id),
    [],
    JSON.stringify(axe.violations.map((v) => [v.id, v.nodes.map((n) => n.target)])),
  );
  await admin.getByRole('button', { name: '已记下，关闭' }).click();
  await admin.getByRole('cell', { name: '待本人修改密码' }).waitFor();

  const colleagueContext = await live.browser.newContext();
  const colleague = await colleagueContext.newPage();
  await signIn(colleague, 'zhaoliu', secret);
  await colleague.getByRole('heading', { name: '请先修改密码' }).waitFor();
  await colleague.getByLabel('当前密码').fill(secret);
  await colleague.getByLabel('新密码', { exact: true }).fill('Password1234!');
  await colleague.getByLabel('再次输入新密码').fill('Password1234!');
  await colleague.getByRole('button', { name: '修改密码' }).click();
  await colleague.getByText('这个密码太常见').waitFor();
  await colleague.getByLabel('当前密码').fill(secret);
  await colleague.getByLabel('新密码', { exact: true }).fill('Xq7-vel-Tarn-48');
  await colleague.getByLabel('再次输入新密码').fill('Xq7-vel-Tarn-48');
  await colleague.getByRole('button', { name: '修改密码' }).click();
  await colleague.getByRole('heading', { name: '依申请公开办理' }).waitFor();
  await colleague.getByRole('link', { name: /赵六/ }).click();
  await colleague.getByRole('heading', { name: '我的账号' }).waitFor();
  await colleague.getByRole('cell', { name: '当前会话' }).waitFor();
  await colleague.screenshot({ path: join(SCREENSHOTS, 'console-account.png'), fullPage: true });

  await admin.reload();
  const row = admin.getByRole('row', { name: /zhaoliu/ });
  await row.getByRole('cell', { name: '正常' }).waitFor();
  await row.getByRole('button', { name: '停用' }).click();
  await row.getByRole('cell', { name: '已停用' }).waitFor();

  await colleague.reload();
  await colleague.getByRole('button', { name: '登录' }).waitFor();
  await signIn(colleague, 'zhaoliu', 'Xq7-vel-Tarn-48');
  await colleague.getByText('用户名或密码错误').waitFor();
  await adminContext.close();
  await colleagueContext.close();
});
