// Reports for 2019 and 2020 are in the 2019 trial format, whose table 二 counts what the records do not
// (项目数量, 本年增/减, 新公开/公开总数量, 其他对外管理服务事项, 政府集中采购): the agency enters those
// cells, kept here as JSON by cell id. Frozen: imports no application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agency_figures').addColumn('entered_2019', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agency_figures').dropColumn('entered_2019').execute();
}
