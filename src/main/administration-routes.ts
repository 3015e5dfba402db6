/**
 * Administration in the console: the agencies below one's own (add one, its level, jurisdiction and
 * reconsideration organ) and the working-day calendar (the State Council's notice pasted or uploaded,
 * parsed and shown for review with the open periods it would move, then imported). Every change is in
 * the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { HttpProblem } from '../platform/http/error-codes.ts';
import { z } from '../platform/validation.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { appendAudit } from '../platform/audit/audit-log.ts';
import { requireStaff, type StaffAuthDependencies } from '../features/agencies/http/staff-session.ts';
import { AGENCY_LEVELS, agencyRepository, type Agency } from '../features/agencies/index.ts';
import { parseInput } from '../features/annual-report/http/report-routes.ts';
import type { DisclosureSettingsService } from '../features/proactive-disclosure/use-cases/disclosure-settings-service.ts';
import { calendarRepository } from '../features/work-calendar/index.ts';
import { shippedChinaCalendar } from '../shared/domain/china-work-calendar.ts';
import { importCalendar } from './calendar-import.ts';
import { MOVED_DATE_LABELS } from './calendar-moves.ts';

export interface AdministrationDependencies {
  readonly handle: DatabaseHandle;
  readonly auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
  readonly settings: DisclosureSettingsService;
  readonly now: () => string;
  /** Called after a calendar import: the server's cached calendars are stale. */
  readonly calendarChanged: () => void;
}

const TAG = '管理';
const staffOnly = { security: [{ session: [] }] };
const agencyParams = z.object({ agencyId: z.string().min(1).max(80) });
const childParams = agencyParams.extend({ childId: z.string().min(1).max(80) });
const jurisdiction = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,6})?$/, '地区代码如 CN（全国）或 CN-XZ（有地方节假日的地区）');
const agencyFields = {
  name: z.string().trim().min(2, '机关名称至少2个字').max(100),
  level: z.enum(AGENCY_LEVELS),
  jurisdiction: jurisdiction.default('CN'),
  reconsiderationOrgan: z.string().trim().max(200).optional(),
};
const newAgencyBody = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '机关代码为2至40位小写字母、数字或连字符，如 city-edu'),
  ...agencyFields,
});
const agencyBody = z.object(agencyFields);
const calendarBody = z.object({
  year: z.number().int(),
  jurisdiction: jurisdiction.default('CN'),
  text: z.string().min(1, '请粘贴通知正文或上传文件').max(200_000),
  kind: z.enum(['notice', 'json']).default('notice'),
  source: z.string().trim().max(200).optional(),
});

export function registerAdministrationRoutes(app: FastifyInstance, deps: AdministrationDependencies): void {
  const agencies = agencyRepository(deps.handle.db);

  /** The agency and every agency below it, each with its parent's id and its reconsideration organ. */
  async function tree(rootId: string) {
    const all = await agencies.list();
    const below = new Set([rootId]);
    for (let grew = true; grew;) {
      grew = false;
      for (const a of all)
        if (a.parentId && below.has(a.parentId) && !below.has(a.id)) {
          below.add(a.id);
          grew = true;
        }
    }
    return Promise.all(
      all
        .filter((a) => below.has(a.id))
        .map(async (a) => ({
          ...a,
          reconsiderationOrgan: (await deps.settings.settingsFor(a.id)).letters?.reconsiderationOrgan ?? null,
        })),
    );
  }

  async function saveOrgan(agencyId: string, organ: string | undefined, actor: string) {
    const current = await deps.settings.settingsFor(agencyId);
    if ((current.letters?.reconsiderationOrgan ?? '') === (organ ?? '')) return;
    const { reconsiderationOrgan: _old, ...letters } = current.letters ?? {};
    const saved = await deps.settings.update(
      agencyId,
      { ...current, letters: { ...letters, ...(organ ? { reconsiderationOrgan: organ } : {}) } },
      actor,
    );
    if (!saved.ok) throw new HttpProblem('invalid-request', '复议机关未能保存');
  }

  app.get(
    '/api/agencies/:agencyId/agencies',
    {
      schema: {
        tags: [TAG],
        summary: '本机关及下级机关：层级、节假日地区、复议机关',
        params: agencyParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      await requireStaff(request, deps.auth, agencyId, 'manage-agencies');
      return { agencies: await tree(agencyId) };
    },
  );

  app.post(
    '/api/agencies/:agencyId/agencies',
    {
      schema: {
        tags: [TAG],
        summary: '在本机关之下新增一个机关',
        params: agencyParams,
        body: newAgencyBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(newAgencyBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'manage-agencies');
      if (await agencies.find(body.id))
        throw new HttpProblem('conflict', `机关代码“${body.id}”已被使用，请换一个`);
      if ((await agencies.children(agencyId)).some((c) => c.name === body.name))
        throw new HttpProblem('conflict', `本机关之下已有“${body.name}”`);
      const agency: Agency = {
        id: body.id,
        name: body.name,
        parentId: agencyId,
        level: body.level,
        jurisdiction: body.jurisdiction,
      };
      const at = deps.now();
      await deps.handle.db.transaction().execute(async (tx) => {
        await agencyRepository(tx).create(agency, at);
        await appendAudit(tx, {
          at,
          actor: account.username,
          action: 'agency.create',
          agencyId,
          subject: `agencies/${body.id}`,
          detail: { ...agency },
        });
      });
      await saveOrgan(body.id, body.reconsiderationOrgan, account.username);
      return reply.status(201).send({ ...agency, reconsiderationOrgan: body.reconsiderationOrgan ?? null });
    },
  );

  app.put(
    '/api/agencies/:agencyId/agencies/:childId',
    {
      schema: {
        tags: [TAG],
        summary: '修改下级机关（或本机关）的名称、层级、节假日地区和复议机关',
        params: childParams,
        body: agencyBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, childId } = parseInput(childParams, request.params);
      const body = parseInput(agencyBody, request.body);
      // The agency changed must be within the account's scope, like every id in a path.
      await requireStaff(request, deps.auth, agencyId, 'manage-agencies');
      const account = await requireStaff(request, deps.auth, childId, 'manage-agencies');
      const current = await agencies.find(childId);
      if (!current) throw new HttpProblem('agency-not-found', `没有机关“${childId}”`);
      if ((current.jurisdiction ?? 'CN') !== body.jurisdiction) {
        // The working days of its open cases would change under them: not once cases exist.
        const cases = await sql<{ n: number | string }>`select count(*) as n from request_cases
          where agency_id = ${childId}`.execute(deps.handle.db);
        if (Number(cases.rows[0]?.n ?? 0) > 0)
          throw new HttpProblem(
            'conflict',
            '该机关已有依申请公开记录，不能更改节假日地区（期限按原日历计算）；如确需更改，请联系系统管理员',
          );
      }
      const at = deps.now();
      await deps.handle.db.transaction().execute(async (tx) => {
        await agencyRepository(tx).update(childId, body);
        await appendAudit(tx, {
          at,
          actor: account.username,
          action: 'agency.update',
          agencyId: childId,
          subject: `agencies/${childId}`,
          detail: {
            before: current,
            after: { name: body.name, level: body.level, jurisdiction: body.jurisdiction },
          },
        });
      });
      await saveOrgan(childId, body.reconsiderationOrgan, account.username);
      return { ...current, ...body, reconsiderationOrgan: body.reconsiderationOrgan ?? null };
    },
  );

  /** The calendar applies to every agency: only an administrator of a top agency keeps it. */
  async function requireCalendarAdmin(request: Parameters<typeof requireStaff>[0], agencyId: string) {
    const account = await requireStaff(request, deps.auth, agencyId, 'manage-calendar');
    if ((await agencies.find(account.agencyId))?.parentId)
      throw new HttpProblem('forbidden', '工作日日历适用于全部机关，由最上级机关的管理员导入');
    return account;
  }

  app.get(
    '/api/agencies/:agencyId/calendar',
    {
      schema: {
        tags: [TAG],
        summary: '已导入的放假安排（各年度、各地区）',
        params: agencyParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      await requireCalendarAdmin(request, agencyId);
      const inUse = [...new Set((await agencies.list()).map((a) => a.jurisdiction ?? 'CN'))].sort();
      return {
        years: await calendarRepository(deps.handle.db).imported(),
        jurisdictions: inUse,
        // The State Council's notices shipped with the system (national), counted unless imported over.
        builtIn: [...shippedChinaCalendar().years.keys()].sort(),
      };
    },
  );

  for (const [path, dryRun] of [
    ['/api/agencies/:agencyId/calendar/preview', true],
    ['/api/agencies/:agencyId/calendar/import', false],
  ] as const) {
    app.post(
      path,
      {
        schema: {
          tags: [TAG],
          summary: dryRun
            ? '预览：解析通知，列出放假和调休日期及将改变的未办结申请期限（不保存）'
            : '导入一年的放假安排；返回因此改变的未办结申请期限',
          params: agencyParams,
          body: calendarBody,
          ...staffOnly,
        },
      },
      async (request) => {
        const { agencyId } = parseInput(agencyParams, request.params);
        const body = parseInput(calendarBody, request.body);
        const account = await requireCalendarAdmin(request, agencyId);
        const result = await importCalendar(
          deps.handle.db,
          {
            year: body.year,
            jurisdiction: body.jurisdiction,
            text: body.text,
            kind: body.kind,
            ...(body.source ? { source: body.source } : {}),
          },
          { actor: account.username, now: deps.now(), dryRun },
        );
        if (!result.ok)
          throw new HttpProblem(
            'invalid-request',
            `通知有 ${result.problems.length} 处问题，未导入：${result.problems.join('；')}`,
            { problems: result.problems },
          );
        if (!dryRun) deps.calendarChanged();
        return {
          imported: !dryRun,
          year: result.year,
          moved: result.moved.map((m) => ({ ...m, label: MOVED_DATE_LABELS[m.what] })),
        };
      },
    );
  }
}
