/** What the console's browser tests do again and again: sign in as a person does, and ask axe. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export async function signInToConsole(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('header.bar').waitFor();
}

export async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    axe.violations.map((v) => v.id),
    [],
    JSON.stringify(axe.violations.map((v) => [v.id, v.nodes.map((n) => n.target)])),
  );
}
