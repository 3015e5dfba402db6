/** Debian's Chromium driven by playwright-core (no browser download), with a throwaway profile. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  const home = mkdtempSync(join(tmpdir(), 'gongkai-chromium-'));
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
  });
}

export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'gongkai-screenshots-'));

/** Opens a console screen through its menu, as a person does: the menu first, then the item. */
export async function openFromMenu(page: Page, menu: string, item: string) {
  await page.locator('header.bar summary', { hasText: menu }).click();
  await page.getByRole('link', { name: item, exact: true }).click();
}
