/**
 * The actions of database-commands.ts, loaded only when one of its commands runs:
 * `gongkai db migrate`, `gongkai agency add|list`, `gongkai ledger import`.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { AGENCY_LEVELS, agencyRepository, isAgencyLevel } from '../../features/agencies/index.ts';
import { importLedger } from '../../features/ledger-import/index.ts';
import { databaseLedgerStore } from '../ledger-store.ts';
import { supervisionRepository } from '../../features/supervision/db/supervision-repository.ts';
import { findAgency, withDatabase } from './database-context.ts';
import { CliError, printProblems } from './output.ts';
import type { CliIo } from './report-commands.ts';

const AGENCY_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function defaultActor(): string {
  return `cli:${userInfo().username}`;
}

export const runMigrate = (io: CliIo) => (options: { database?: string }) =>
  withDatabase(options.database, async (handle) =>
    io.err(`数据库已是最新结构：${handle.dialect} ${handle.dialect === 'sqlite' ? handle.url : ''}`),
  );

export const runAgencyAdd =
  (io: CliIo) =>
  (options: {
    id: string;
    name: string;
    parent?: string;
    jurisdiction: string;
    level: string;
    database?: string;
  }) =>
    withDatabase(options.database, async (handle) => {
      if (!AGENCY_ID.test(options.id))
        throw new CliError(`机关编号“${options.id}”无效：只能用小写字母、数字和连字符，至多 63 个字符`);
      const agencies = agencyRepository(handle.db);
      if (await agencies.find(options.id)) throw new CliError(`机关编号“${options.id}”已存在`);
      if (options.parent && !(await agencies.find(options.parent)))
        throw new CliError(`上级机关“${options.parent}”不存在`);
      if (!/^[A-Z]{2}(-[A-Z0-9]{1,6})?$/.test(options.jurisdiction))
        throw new CliError(`地区代码“${options.jurisdiction}”无效：如 CN 或 CN-XZ`);
      if (!isAgencyLevel(options.level))
        throw new CliError(`层级“${options.level}”无效：可用 ${AGENCY_LEVELS.join('、')}`);
      await agencies.create(
        {
          id: options.id,
          name: options.name.trim(),
          ...(options.parent ? { parentId: options.parent } : {}),
          jurisdiction: options.jurisdiction,
          level: options.level,
        },
        new Date().toISOString(),
      );
      io.err(`已添加机关 ${options.id} ${options.name}`);
    });

export const runAgencyList = (io: CliIo) => (options: { database?: string }) =>
  withDatabase(options.database, async (handle) => {
    for (const a of await agencyRepository(handle.db).list())
      io.out(`${a.id}\t${a.name}${a.parentId ? `\t上级：${a.parentId}` : ''}\n`);
  });

export const runAgencyImport =
  (io: CliIo) =>
  (options: {
    agency: string;
    year: string;
    requests?: string;
    reviews?: string;
    documents?: string;
    figures?: string;
    actor: string;
    database?: string;
  }) =>
    withDatabase(options.database, async (handle) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 2008 || year > 2100)
        throw new CliError(`年度“${options.year}”无效`);
      const agencyRecord = await findAgency(handle, options.agency);
      const files = {
        requests: options.requests,
        reviews: options.reviews,
        documents: options.documents,
        figures: options.figures,
      };
      if (!Object.values(files).some(Boolean)) throw new CliError('请至少提供一个台账文件');
      const result = await importLedger(databaseLedgerStore(handle.db), {
        files,
        agencyId: agencyRecord.id,
        year,
        actor: options.actor,
        now: new Date().toISOString(),
        importId: randomUUID(),
        yearLock: (agencyId, y) => supervisionRepository(handle.db).isLocked(agencyId, y),
      });
      if (!result.ok) {
        printProblems(result.problems, io.err);
        throw new CliError(
          `台账有 ${result.problems.filter((p) => p.severity === 'error').length} 处错误，数据库未作任何改动`,
        );
      }
      printProblems(result.warnings, io.err);
      const c = result.counts;
      io.err(
        `已导入 ${agencyRecord.name}：申请 ${c.requests} 件，复议诉讼 ${c.proceedings} 件，规范性文件 ${c.documents} 件${c.figures ? `，${year} 年表二数据` : ''}（导入编号 ${result.importId}）`,
      );
    });
