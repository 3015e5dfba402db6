/**
 * `npm start`: the server on the database of DATABASE_URL (default: SQLite at ./data/gongkai.db),
 * migrated to the latest schema, with the demo agency on a fresh database.
 */
import { openDatabase, migrateToLatest, DEFAULT_DATABASE_URL } from '../platform/db/database.ts';
import { systemClock } from '../platform/clock.ts';
import { createApp } from './app.ts';
import { seedDemoAgency, DEMO_AGENCY } from './demo-agency.ts';

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const clock = systemClock();

const handle = openDatabase(url);
await migrateToLatest(handle.db);
if (process.env.GONGKAI_NO_DEMO !== '1') {
  const seeded = await seedDemoAgency(
    handle.db,
    clock.now(),
    clock.today(),
    process.env.GONGKAI_DEMO_PASSWORD,
  );
  if (seeded) {
    console.log(
      `已创建示范机关“${DEMO_AGENCY.name}”（编号 ${DEMO_AGENCY.id}）：2022–2025 年的示范台账，以及 ${seeded.cases} 件示范申请`,
    );
    console.log(
      `演示账号：admin（管理员）、officer（经办人、审批人）和 reviewer（审批人）；示范市人民政府的 office（年报报送的主管部门）。${
        process.env.GONGKAI_DEMO_PASSWORD
          ? '密码为 GONGKAI_DEMO_PASSWORD 所设'
          : `密码：${seeded.password}（只显示这一次）`
      }`,
    );
  }
}
// GONGKAI_TRUST_PROXY: the reverse proxy's address (or a comma-separated CIDR list; "true" trusts any) whose X-Forwarded-For counts.
const trustProxy = process.env.GONGKAI_TRUST_PROXY;
const app = await createApp(handle, {
  logger: process.env.LOG_LEVEL !== 'silent',
  clock,
  ...(trustProxy ? { trustProxy: trustProxy === 'true' ? true : trustProxy } : {}),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => handle.close());
  });
}
const address = await app.listen({ host, port });
console.log(`gongkai 已启动：${address}/  （数据库：${handle.dialect === 'sqlite' ? url : 'PostgreSQL'}）`);
