/**
 * `npm start`: the server on the database of DATABASE_URL (default: SQLite at ./data/gongkai.db),
 * migrated to the latest schema, with the demo agency on a fresh database.
 */
import { existsSync } from 'node:fs';
import {
  openDatabase,
  migrateToLatest,
  schemaOf,
  DEFAULT_DATABASE_URL,
  isPostgresUrl,
} from '../platform/db/database.ts';
import { sqliteProblems } from '../platform/db/backup.ts';
import { systemClock } from '../platform/clock.ts';
import { equivalents } from '../platform/search/search-query.ts';
import { createApp } from './app.ts';
import { seedDemoApart, seedDemoHere } from './demo-seed-apart.ts';
import { agencyRepository } from '../features/agencies/index.ts';

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const clock = systemClock();

// A damaged SQLite file is found before anyone is served from it (pages would fail one by one).
if (!isPostgresUrl(url) && existsSync(url.replace(/^sqlite:(\/\/)?/, ''))) {
  const problems = sqliteProblems(url.replace(/^sqlite:(\/\/)?/, ''));
  if (problems.length > 0) {
    console.error(
      `数据库文件 ${url} 已损坏（SQLite 自检未通过），服务未启动：\n${problems.slice(0, 5).join('\n')}\n请从备份恢复：gongkai restore <备份文件> --force`,
    );
    process.exit(1);
  }
}
// A write lock held elsewhere (a backup, a script) is waited for at most 100 ms, then answered with 503.
const handle = openDatabase(url, { busyTimeoutMs: 100 });
await migrateToLatest(handle.db, { schema: schemaOf(handle.url) });
// The demo on a fresh database, made in a process of its own (an in-memory database, which no other
// process can reach, here).
if (process.env.GONGKAI_NO_DEMO !== '1' && (await agencyRepository(handle.db).list()).length === 0)
  await (url === ':memory:' ? seedDemoHere(handle) : seedDemoApart(url));
// GONGKAI_TRUST_PROXY: the reverse proxy's address (or a comma-separated CIDR list; "true" trusts any) whose X-Forwarded-For counts.
const trustProxy = process.env.GONGKAI_TRUST_PROXY;
// GONGKAI_PUBLIC_URL: the address the public reaches the site at (https://gk.example.gov.cn), for the
// absolute links of sitemaps and feeds; by default the address this server listens on.
const publicUrl = process.env.GONGKAI_PUBLIC_URL ?? `http://${host}:${port}`;
if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) {
  console.error(`GONGKAI_PUBLIC_URL 应为 http:// 或 https:// 开头的网址，而不是“${publicUrl}”`);
  process.exit(1);
}
// GONGKAI_SEARCH_ABBREVIATIONS: a JSON file of further search equivalents, read now so that a bad one
// stops the start with its reason instead of failing the first search.
try {
  equivalents();
} catch (error) {
  console.error(`搜索同义词文件有误：${(error as Error).message}`);
  process.exit(1);
}
const app = await createApp(handle, {
  logger: process.env.LOG_LEVEL !== 'silent',
  clock,
  publicUrl,
  ...(trustProxy ? { trustProxy: trustProxy === 'true' ? true : trustProxy } : {}),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => handle.close());
  });
}
const address = await app.listen({ host, port });
console.log(`gongkai 已启动：${address}/  （数据库：${handle.dialect === 'sqlite' ? url : 'PostgreSQL'}）`);
