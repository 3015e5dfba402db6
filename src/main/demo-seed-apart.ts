/**
 * The demo agency at the first start: made in a process of its own (`demo-seed-process.ts`), so that the
 * server's memory keeps nothing of the seeding — four years of ledgers, the cases, the documents indexed
 * for search with the word-segmentation dictionary; or here, for a database no other process can reach.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { runnableModule } from '../platform/project-root.ts';
import { systemClock } from '../platform/clock.ts';
import { seedDemoAgency, DEMO_AGENCY } from './demo-agency.ts';

/** Seeds the demo on a fresh database and says what was made and how to sign in. */
export async function seedDemoHere(handle: DatabaseHandle): Promise<void> {
  const clock = systemClock();
  const password = process.env.GONGKAI_DEMO_PASSWORD;
  const seeded = await seedDemoAgency(handle.db, clock.now(), clock.today(), password);
  if (!seeded) return;
  // PostgreSQL plans its queries from statistics that a table filled a moment ago does not have yet
  // (autovacuum gathers them later): gathered now, the first minutes after a demo start are not spent
  // scanning whole tables.
  if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
  console.log(
    `已创建示范机关“${DEMO_AGENCY.name}”（编号 ${DEMO_AGENCY.id}）：2022–2025 年的示范台账，以及 ${seeded.cases} 件示范申请`,
  );
  console.log(
    `演示账号：admin（管理员）、officer（经办人、审批人）和 reviewer（审批人）；示范市人民政府的 office（年报报送的主管部门）。${
      password ? '密码为 GONGKAI_DEMO_PASSWORD 所设' : `密码：${seeded.password}（只显示这一次）`
    }`,
  );
}

/** Runs `seedDemoHere` in a process of its own on the database at `databaseUrl`, and waits for it. */
export async function seedDemoApart(databaseUrl: string): Promise<void> {
  const script = fileURLToPath(runnableModule(new URL('./demo-seed-process.ts', import.meta.url)));
  const child = spawn(process.execPath, [...process.execArgv, script], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`示范机关没有建成（进程退出码 ${code}）`);
}
