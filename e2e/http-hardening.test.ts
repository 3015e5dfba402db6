/**
 * What a hostile or unlucky request meets at the edge: a NUL byte, a planted form cookie, an application
 * with no way to reach the applicant, a cache between the server and a person, another process holding
 * the database's write lock, a full disk. Each gets a clear answer and nothing is half-written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { signedInApp } from './signed-in-app.ts';
import { createApp } from '../src/main/app.ts';
import { openDatabase, migrateToLatest } from '../src/platform/db/database.ts';
import { agencyRepository, staffRepository } from '../src/features/agencies/index.ts';

const application = {
  applicant: { type: 'natural', name: '张三', phone: '13800000000' },
  application: { description: '2024年学校布局调整方案', delivery: 'online' },
};
const registration = { channel: 'in-person', submittedOn: '2025-03-03', ...application };

const withCity = () =>
  signedInApp({
    agencies: [{ id: 'city', name: '某市教育局' }],
    accounts: [['officer', 'city', 'officer']],
    today: '2025-03-03',
  });

test('a NUL byte anywhere in a request is refused with 400 and the field named, on every kind of route', async () => {
  const context = await withCity();
  try {
    const { app, headers } = context;
    const json = await app.inject({
      method: 'POST',
      url: '/api/public/agencies/city/applications',
      payload: { ...application, application: { ...application.application, description: '学校\u0000方案' } },
    });
    assert.deepEqual([json.statusCode, json.json().error.code], [400, 'invalid-request']);
    assert.match(json.json().error.message, /application\.description/);
    const form = await app.inject({
      method: 'POST',
      url: '/agencies/city/apply',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: 'name=%00&description=x',
    });
    assert.equal(form.statusCode, 400);
    assert.match(form.body, /NUL/);
    const staff = await app.inject({
      method: 'POST',
      url: '/api/agencies/city/requests',
      headers: headers.officer!,
      payload: { ...registration, applicant: { ...registration.applicant, name: '张\u0000三' } },
    });
    assert.equal(staff.statusCode, 400);
    const query = await app.inject({ method: 'GET', url: '/agencies/city/documents?q=%00' });
    assert.equal(query.statusCode, 400);
  } finally {
    await context.close();
  }
});

test('an online application must say how to reach the applicant (第二十九条), in the API as in the form', async () => {
  const context = await withCity();
  try {
    const none = await context.app.inject({
      method: 'POST',
      url: '/api/public/agencies/city/applications',
      payload: { ...application, applicant: { type: 'natural', name: '张三' } },
    });
    assert.equal(none.statusCode, 400);
    assert.match(none.json().error.message, /至少填写一种联系方式（第二十九条）/);
    const some = await context.app.inject({
      method: 'POST',
      url: '/api/public/agencies/city/applications',
      payload: application,
    });
    assert.equal(some.statusCode, 201);
  } finally {
    await context.close();
  }
});

test('answers carrying personal data or a secret are never cached', async () => {
  const context = await withCity();
  try {
    const { app, headers } = context;
    const list = await app.inject({
      method: 'GET',
      url: '/api/agencies/city/requests',
      headers: headers.officer!,
    });
    assert.equal(list.headers['cache-control'], 'no-store');
    const created = await app.inject({
      method: 'POST',
      url: '/api/public/agencies/city/applications',
      payload: application,
    });
    assert.equal(created.headers['cache-control'], 'no-store');
    const status = await app.inject({
      method: 'POST',
      url: '/api/public/status',
      payload: { id: created.json().id, queryCode: created.json().queryCode },
    });
    assert.equal(status.headers['cache-control'], 'no-store');
  } finally {
    await context.close();
  }
});

test('the form cookie is signed by the server: a planted one is refused; Secure when the site is on HTTPS', async () => {
  const handle = openDatabase(':memory:');
  await migrateToLatest(handle.db);
  await agencyRepository(handle.db).create({ id: 'city', name: '某市教育局' }, 'now');
  const app = await createApp(handle, { secureCookies: true });
  try {
    const page = await app.inject({ method: 'GET', url: '/agencies/city/apply' });
    assert.match(String(page.headers['set-cookie']), /gk_form=[^;]+;.*Secure/);
    const planted = 'A'.repeat(32);
    const posted = await app.inject({
      method: 'POST',
      url: '/agencies/city/apply',
      headers: { cookie: `gk_form=${planted}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `formToken=${planted}&applicantType=natural&name=%E5%BC%A0%E4%B8%89&phone=13800000000&description=x&delivery=email`,
    });
    assert.equal(posted.statusCode, 403);
    assert.match(posted.body, /页面已过期/);
    const issued = /gk_form=([^;]+)/.exec(String(page.headers['set-cookie']))![1]!;
    const tampered = `${issued.slice(0, -1)}${issued.endsWith('A') ? 'B' : 'A'}`;
    const forged = await app.inject({
      method: 'POST',
      url: '/agencies/city/apply',
      headers: { cookie: `gk_form=${tampered}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `formToken=${tampered}&applicantType=natural&name=x&phone=13800000000&description=x&delivery=email`,
    });
    assert.equal(forged.statusCode, 403);
  } finally {
    await app.close();
    await handle.close();
  }
});

async function fileDatabase() {
  const path = join(mkdtempSync(join(tmpdir(), 'gongkai-edge-')), 'edge.db');
  const handle = openDatabase(path, { busyTimeoutMs: 100 });
  await migrateToLatest(handle.db);
  await agencyRepository(handle.db).create({ id: 'city', name: '某市教育局' }, 'now');
  await staffRepository(handle.db).create(
    {
      agencyId: 'city',
      username: 'officer',
      displayName: '王',
      roles: ['officer'],
      password: 'password-123456',
    },
    'now',
  );
  const app = await createApp(handle);
  const login = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'officer', password: 'password-123456' },
  });
  const headers = {
    cookie: String(login.headers['set-cookie']).split(';')[0] ?? '',
    'x-csrf-token': login.json().csrfToken as string,
  };
  return { path, handle, app, headers };
}

test('a write lock held by another process is waited for briefly, then answered 503 with Retry-After; reads go on', async () => {
  const { path, handle, app, headers } = await fileDatabase();
  const other = new SQLite(path);
  try {
    other.exec('begin exclusive');
    const started = Date.now();
    const write = await app.inject({
      method: 'POST',
      url: '/api/agencies/city/requests',
      headers,
      payload: registration,
    });
    assert.deepEqual([write.statusCode, write.json().error.code], [503, 'busy']);
    assert.equal(write.headers['retry-after'], '2');
    assert.ok(Date.now() - started < 2_000, `the write waited ${Date.now() - started} ms`);
    other.exec('rollback');
    const again = await app.inject({
      method: 'POST',
      url: '/api/agencies/city/requests',
      headers,
      payload: registration,
    });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.json().id, 'YSQ-2025-00001', 'nothing of the refused write was kept');
  } finally {
    other.close();
    await app.close();
    await handle.close();
  }
});

test('a full disk is said to be one, and nothing is half-written', async () => {
  const { handle, app, headers } = await fileDatabase();
  try {
    const pages = Number(
      (await sql<{ page_count: number }>`pragma page_count`.execute(handle.db)).rows[0]!.page_count,
    );
    await sql.raw(`pragma max_page_count = ${pages}`).execute(handle.db);
    const write = await app.inject({
      method: 'POST',
      url: '/api/agencies/city/requests',
      headers,
      payload: {
        ...registration,
        application: { ...registration.application, description: '大'.repeat(2000) },
      },
    });
    assert.deepEqual([write.statusCode, write.json().error.code], [507, 'disk-full']);
    assert.match(write.json().error.message, /磁盘已满/);
    const counted = await sql<{ n: number }>`select count(*) as n from request_cases`.execute(handle.db);
    assert.equal(Number(counted.rows[0]!.n), 0);
  } finally {
    await app.close();
    await handle.close();
  }
});

test('sitemaps and feeds link to the configured public address, whatever Host a request names', async () => {
  const handle = openDatabase(':memory:');
  await migrateToLatest(handle.db);
  await agencyRepository(handle.db).create({ id: 'city', name: '某市教育局' }, 'now');
  const app = await createApp(handle, { publicUrl: 'https://gk.example.gov.cn/' });
  try {
    for (const url of ['/sitemap.xml', '/agencies/city/sitemap.xml', '/agencies/city/documents/feed.atom']) {
      const response = await app.inject({ method: 'GET', url, headers: { host: 'evil.example' } });
      assert.equal(response.statusCode, 200, url);
      assert.doesNotMatch(response.body, /evil\.example/, url);
      assert.match(response.body, /https:\/\/gk\.example\.gov\.cn\/agencies\/city/, url);
    }
  } finally {
    await app.close();
    await handle.close();
  }
});

test('an unchanged report downloads the same file; anonymous downloads are limited per address', async () => {
  const context = await withCity();
  try {
    const { app, headers } = context;
    const download = (extra: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url: '/api/agencies/city/reports/2025?format=pdf', headers: extra });
    const first = await download();
    assert.equal(first.statusCode, 200);
    const started = Date.now();
    const many = await Promise.all(Array.from({ length: 59 }, () => download()));
    assert.ok(many.every((r) => r.statusCode === 200 && r.rawPayload.equals(first.rawPayload)));
    assert.ok(
      Date.now() - started < 5_000,
      `59 downloads of one unchanged report took ${Date.now() - started} ms`,
    );
    const limited = await download();
    assert.deepEqual([limited.statusCode, limited.json().error.code], [429, 'too-many-requests']);
    const staff = await download(headers.officer!);
    assert.equal(staff.statusCode, 200, 'staff signed in are not limited');
  } finally {
    await context.close();
  }
});
