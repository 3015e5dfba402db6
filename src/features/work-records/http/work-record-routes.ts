/**
 * The office's work records over HTTP: list a year's, add one, import a sheet (all rows or none), remove
 * one entered in error with a reason. Records of a filed (locked) year are not changed.
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { lockedYearOf, yearLockedMessage, type YearLock } from '../../../shared/domain/year-lock.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import {
  decideWorkRecord,
  refusalMessage,
  WORK_KINDS,
  WORK_RECORD_KINDS,
  type WorkRecordInput,
} from '../domain/work-record.ts';
import type { SheetReading } from '../domain/work-sheet.ts';
import { sandboxRefusalMessage, sharedFileSandbox } from '../../../platform/untrusted-files/file-sandbox.ts';

const SHEET_WORKER = new URL('./work-sheet-worker.ts', import.meta.url);
import type { WorkRecordRepository } from '../db/work-record-repository.ts';

export interface WorkRecordRouteDependencies {
  readonly records: WorkRecordRepository;
  readonly auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
  readonly today: () => IsoDate;
  readonly now: () => string;
  readonly yearLock?: YearLock;
}

const TAG = '政务公开工作记录';
const staffOnly = { security: [{ session: [] }] };
const agencyParams = z.object({ agencyId: z.string().min(1).max(80) });
const recordParams = agencyParams.extend({
  recordId: z.string().regex(/^GZ-\d{4}-[0-9a-f]{8}$/u, '没有这条记录'),
});
const listQuery = z.object({
  year: z.coerce.number().int().min(2008).max(2100),
  kind: z.enum(WORK_RECORD_KINDS).optional(),
});
const recordBody = z.object({
  kind: z.enum(WORK_RECORD_KINDS),
  on: z.string().max(20),
  count: z.number(),
  subject: z.string().max(200).default(''),
  note: z.string().max(1000).optional(),
});
const sheetBody = z.object({ text: z.string().min(1, '请粘贴表格').max(1_000_000, '表格不能超过 1 MB') });
const removalBody = z.object({ reason: z.string().trim().min(2, '请写明删除的理由').max(500) });

export function registerWorkRecordRoutes(app: FastifyInstance, deps: WorkRecordRouteDependencies): void {
  async function refuseLocked(agencyId: string, records: readonly { on: IsoDate }[]) {
    const locked = await lockedYearOf(
      deps.yearLock,
      agencyId,
      records.map((r) => r.on),
    );
    if (locked) throw new RefusalProblem(locked, yearLockedMessage(locked), 409);
  }

  app.get(
    '/api/agencies/:agencyId/work-records',
    {
      schema: {
        tags: [TAG],
        summary: '某年度的工作记录（可按类别），及各类别的名称和单位',
        params: agencyParams,
        querystring: listQuery,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const { year, kind } = parseInput(listQuery, request.query);
      await requireStaff(request, deps.auth, agencyId, 'read-cases');
      return { year, kinds: WORK_KINDS, records: await deps.records.list(agencyId, year, kind) };
    },
  );

  app.post(
    '/api/agencies/:agencyId/work-records',
    {
      schema: {
        tags: [TAG],
        summary: '登记一条工作记录（日期、类别、数量、账号/栏目/名称、备注）',
        params: agencyParams,
        body: recordBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(recordBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      const decided = decideWorkRecord(body, deps.today());
      if (!decided.ok) throw new HttpProblem('invalid-request', refusalMessage(decided.error));
      await refuseLocked(agencyId, [decided.value]);
      const [record] = await deps.records.add(agencyId, [decided.value], account.username, deps.now());
      return reply.status(201).send(record);
    },
  );

  app.post(
    '/api/agencies/:agencyId/work-records/import',
    {
      schema: {
        tags: [TAG],
        summary: '导入工作记录表（CSV 或制表符分隔，表头：日期、类别、数量、名称、备注）：全部无误才导入',
        params: agencyParams,
        body: sheetBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const { text } = parseInput(sheetBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      // A sheet from outside: read in the file sandbox (a worker, with limits on time and memory).
      const done = await sharedFileSandbox().run<SheetReading>(
        SHEET_WORKER,
        { text, today: deps.today() },
        { key: account.id },
      );
      if (!done.ok)
        throw new HttpProblem(
          done.error.code === 'sandbox-busy'
            ? 'busy'
            : done.error.code === 'too-many-files-at-once'
              ? 'too-many-requests'
              : 'invalid-request',
          sandboxRefusalMessage(done.error),
        );
      const read = done.value;
      if (!read.ok)
        throw new HttpProblem(
          'invalid-request',
          `表格有 ${read.problems.length} 处问题，未导入：${read.problems.slice(0, 20).join('；')}`,
          { problems: read.problems },
        );
      const records: readonly WorkRecordInput[] = read.records;
      await refuseLocked(agencyId, records);
      const added = await deps.records.add(agencyId, records, account.username, deps.now());
      return reply.status(201).send({ added: added.length });
    },
  );

  app.post(
    '/api/agencies/:agencyId/work-records/:recordId/removal',
    {
      schema: {
        tags: [TAG],
        summary: '删除登记错误的工作记录（写明理由；审计日志保留原记录）',
        params: recordParams,
        body: removalBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, recordId } = parseInput(recordParams, request.params);
      const { reason } = parseInput(removalBody, request.body);
      const account = await requireStaff(request, deps.auth, agencyId, 'draft-documents');
      const record = await deps.records.find(agencyId, recordId);
      if (!record) throw new HttpProblem('not-found', `没有工作记录 ${recordId}`);
      await refuseLocked(agencyId, [record]);
      await deps.records.remove(record, reason, account.username, deps.now());
      return { removed: recordId };
    },
  );
}
