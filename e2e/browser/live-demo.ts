/**
 * The real server on a fresh demo database and Debian's Chromium, for a browser test file: started
 * before its tests, stopped after. Its fields are filled in when `before` has run.
 */
import { before, after } from 'node:test';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../start-server.ts';
import { launchBrowser } from './launch-browser.ts';

export interface LiveDemo {
  server: RunningServer;
  browser: Browser;
}

export function liveDemo(env: Record<string, string> = {}): LiveDemo {
  const live = {} as LiveDemo;
  before(async () => {
    live.server = await startServer(env);
    live.browser = await launchBrowser();
  });
  after(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}
