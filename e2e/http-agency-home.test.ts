/**
 * An agency's front page on the portal, on the demo installation: how to apply and follow an
 * application, the newest documents, the reports (filed ones as published, others marked as what the
 * records give), the superior and the agencies below; and the live report page says what it is.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { freshSqlite } from '../test-support/databases.ts';
import { createApp } from '../src/main/app.ts';
import { seedDemoAgency } from '../src/main/demo-agency.ts';
import { agencyRepository } from '../src/features/agencies/index.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import type { IsoDate } from '../src/shared/domain/iso-date.ts';

const TODAY = '2026-03-03' as IsoDate;
const NOW = '2026-03-03T02:00:00.000Z';
let handle: DatabaseHandle;
let app: FastifyInstance;

before(async () => {
  handle = await freshSqlite();
  await seedDemoAgency(handle.db, NOW, TODAY, 'demo-password-123');
  // A third level, below the water bureau: reached from its superior's page or by name, not on the index.
  await agencyRepository(handle.db).create(
    { id: 'demo-water-station', name: '示范市水务局水文站', parentId: 'demo-water' },
    NOW,
  );
  app = await createApp(handle, { clock: { today: () => TODAY, now: () => NOW } });
});
after(async () => {
  await app?.close();
  await handle?.close();
});

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, $: cheerio.load(response.body) };
}
const links = ($: cheerio.CheerioAPI) =>
  $('a')
    .map((_, a) => ({ text: $(a).text().trim(), href: $(a).attr('href') ?? '' }))
    .get();

test("an agency's front page leads to everything it publishes and to applying", async () => {
  const { status, $ } = await get('/agencies/demo');
  assert.equal(status, 200);
  assert.equal($('h1').text().trim(), '示范市示范局 政府信息公开');
  const hrefs = links($).map((l) => l.href);
  for (const path of [
    '/apply',
    '/guide',
    '/documents',
    '/normative-documents',
    '/messages',
    '/documents/feed.atom',
  ])
    assert.ok(hrefs.includes(`/agencies/demo${path}`), path);
  assert.ok(hrefs.includes('/status'));
  // The superior, one click away.
  assert.ok(links($).some((l) => l.href === '/agencies/demo-city' && l.text === '示范市人民政府'));
  // The newest documents, newest first, each linked to its page.
  const newest = $('table.list tr td:first-child a')
    .map((_, a) => $(a).attr('href'))
    .get();
  assert.ok(newest.length > 0 && newest.length <= 8, `${newest.length} newest`);
  assert.ok(newest.every((href) => /^\/agencies\/demo\/documents\/DOC-\d{4}-\d{5}$/.test(href)));
  const dates = $('table.list tr td:nth-child(2)')
    .map((_, td) => $(td).text().trim())
    .get();
  assert.deepEqual(dates, [...dates].sort().reverse());
  // No report of the demo agency was filed: the years its records cover, marked so; this year under way.
  const reports = $('h2:contains("年度报告") + ul li')
    .map((_, li) => $(li).text().replace(/\s+/g, ''))
    .get();
  assert.ok(reports.includes('2026年度（本年度尚未结束，按截至今日的办理记录统计）'), reports.join(' | '));
  assert.ok(reports.includes('2024年度（尚未报送，按办理记录统计）'), reports.join(' | '));
});

test('a filed report is linked as published; a city lists the agencies below it', async () => {
  const water = await get('/agencies/demo-water');
  const filed = links(water.$).find((l) => l.href === '/agencies/demo-water/published-reports/2025');
  assert.ok(filed, 'the filed 2025 report is linked');
  assert.match(water.$('h2:contains("年度报告") + ul').text().replace(/\s+/g, ''), /第1版，2026-01-20报送/);
  const city = await get('/agencies/demo-city');
  const below = city
    .$('h2:contains("下级机关") + ul a')
    .map((_, a) => city.$(a).attr('href'))
    .get();
  assert.deepEqual(below.sort(), ['/agencies/demo', '/agencies/demo-transport', '/agencies/demo-water']);
  assert.match(city.$.text(), /本机关尚未在本平台发布政府信息/);
});

test('the portal index links each agency to its page and each filed year to its published report', async () => {
  const { $ } = await get('/');
  const all = links($);
  assert.ok(all.some((l) => l.href === '/agencies/demo-water' && l.text === '示范市水务局'));
  assert.ok(all.some((l) => l.href === '/agencies/demo-water/published-reports/2025'));
  const demoRow = $('tr:contains("示范市示范局")').text().replace(/\s+/g, '');
  assert.match(demoRow, /2026年度（进行中）/);
  assert.match(demoRow, /2025年度（未报送）/);
});

test('the index lists the top of the tree with the agencies directly below; the rest are found by name', async () => {
  const { $ } = await get('/');
  const names = $('table.list tr td:first-child a')
    .map((_, a) => $(a).text())
    .get();
  assert.equal(names[0], '示范市人民政府');
  assert.deepEqual(names.slice(1).sort(), ['示范市交通运输局', '示范市水务局', '示范市示范局'].sort());
  assert.ok(!names.includes('示范市水务局水文站'));
  assert.match($.text(), /共 5 个机关/);
  const found = await get('/?q=水文');
  assert.deepEqual(
    found
      .$('table.list tr td:first-child a')
      .map((_, a) => found.$(a).attr('href'))
      .get(),
    ['/agencies/demo-water-station'],
  );
  assert.match(found.$('[role=status]').text().replace(/\s+/g, ' '), /名称含“水文”的机关 1 个/);
  const none = await get('/?q=' + encodeURIComponent('<script>x</script>'));
  assert.match(none.$('[role=status]').text(), /没有名称含“<script>x<\/script>”的机关/);
  assert.equal(none.$('script').length, 0);
  // The water bureau's page leads down to it.
  const water = await get('/agencies/demo-water');
  assert.ok(links(water.$).some((l) => l.href === '/agencies/demo-water-station'));
});

test('the report built from records says it is not the published report', async () => {
  const current = await get('/agencies/demo/reports/2026');
  assert.match(
    current.$('[role=note]').text(),
    /2026年度尚未结束：本页按截至2026-03-03的办理记录统计，不是正式发布的年度报告/,
  );
  const past = await get('/agencies/demo/reports/2024');
  assert.match(past.$('[role=note]').text(), /本机关尚未报送2024年度报告/);
  // Linked back to the agency's page.
  assert.ok(links(past.$).some((l) => l.href === '/agencies/demo'));
});

test('an unknown agency is a 404 page that leads back', async () => {
  const { status, $ } = await get('/agencies/no-such-agency');
  assert.equal(status, 404);
  assert.equal($('h1').text(), '没有这个机关');
  assert.ok(links($).some((l) => l.href === '/'));
});

test('a browser gets an error page in Chinese that leads home; the API and scripts keep the error object', async () => {
  const html = { accept: 'text/html,application/xhtml+xml' };
  const missing = await app.inject({ method: 'GET', url: '/no-such-page', headers: html });
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers['content-type']), /text\/html/);
  const $ = cheerio.load(missing.body);
  assert.equal($('h1').text(), '页面不存在');
  assert.match($('p').first().text(), /没有这个地址：GET \/no-such-page/);
  assert.deepEqual(
    $('a[href="/"]')
      .map((_, a) => $(a).text())
      .get(),
    ['gongkai 政府信息公开', '返回政府信息公开首页'],
    'the site header and the way home',
  );
  const badYear = await app.inject({ method: 'GET', url: '/agencies/demo/reports/abc', headers: html });
  assert.equal(badYear.statusCode, 400);
  assert.equal(cheerio.load(badYear.body)('h1').text(), '地址或填写的内容有误');
  // What a browser typed into the address bar comes back escaped.
  const hostile = await app.inject({
    method: 'GET',
    url: '/%3Cscript%3Ealert(1)%3C/script%3E',
    headers: html,
  });
  assert.equal(cheerio.load(hostile.body)('script').length, 0);
  for (const headers of [{}, { accept: 'application/json' }]) {
    const json = await app.inject({ method: 'GET', url: '/no-such-page', headers });
    assert.equal(json.json().error.code, 'not-found');
  }
  const api = await app.inject({ method: 'GET', url: '/api/no-such-route', headers: html });
  assert.equal(api.json().error.code, 'not-found');
});
