/** Opens the database the CLI works on (--database, DATABASE_URL, or ./data/gongkai.db) and finds agencies. */
import { agencyRepository, type Agency } from '../../features/agencies/index.ts';
import {
  DEFAULT_DATABASE_URL,
  migrateToLatest,
  schemaOf,
  openDatabase,
  type DatabaseHandle,
} from '../../platform/db/database.ts';
import { CliError } from './output.ts';

export function databaseUrl(option: string | undefined): string {
  return option ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

export async function withDatabase<T>(
  url: string | undefined,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = openDatabase(databaseUrl(url));
  try {
    await migrateToLatest(handle.db, { schema: schemaOf(handle.url) });
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** An agency by id, or by name when the name is unique. */
export async function findAgency(handle: DatabaseHandle, idOrName: string): Promise<Agency> {
  const agencies = agencyRepository(handle.db);
  const byId = await agencies.find(idOrName);
  if (byId) return byId;
  const byName = await agencies.findByName(idOrName);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw new CliError(
      `有 ${byName.length} 个机关名为“${idOrName}”，请用编号指定：${byName.map((a) => a.id).join('、')}`,
    );
  throw new CliError(
    `数据库中没有机关“${idOrName}”（可用 gongkai agency list 查看，gongkai agency add 添加）`,
  );
}
