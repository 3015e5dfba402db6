/**
 * The demo agency, made in a process of its own at the first start (`seedDemoApart`, which server.ts
 * calls): the seeding — four years of ledgers, the cases, the documents indexed for search with the
 * word-segmentation dictionary — leaves nothing behind in the server's memory.
 */
import { sql } from 'kysely';
import { openDatabase, DEFAULT_DATABASE_URL } from '../platform/db/database.ts';
import { systemClock } from '../platform/clock.ts';
import { seedDemoAgency, DEMO_AGENCY } from './demo-agency.ts';

const clock = systemClock();
const handle = openDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
try {
  const seeded = await seedDemoAgency(
    handle.db,
    clock.now(),
    clock.today(),
    process.env.GONGKAI_DEMO_PASSWORD,
  );
  if (seeded) {
    // PostgreSQL plans its queries from statistics that a table filled a moment ago does not have yet
    // (autovacuum gathers them later): gathered now, the first minutes after a demo start are not spent
    // scanning whole tables.
    if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
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
} finally {
  await handle.close();
}
