/**
 * Auditing a batch of published reports in the staff console (a supervisor's folder of a province's
 * reports): each file read and checked one after another as it arrives (only a file whose 上年结转 was
 * printed run together kept, to be read again with the year before's 结转 from the batch once every file is
 * in); a file that cannot be read is a row with its reason; the batch's cells read, ambiguous and
 * unread, the files read worst, how often each rule failed and the years whose 结转 do not carry.
 * Nothing is stored.
 */
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../../../platform/http/error-codes.ts';
import { filePartBytes } from '../../../platform/http/file-parts.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { agencyParams } from '../../requests/http/request-routes.schema.ts';
import {
  batchReadingOf,
  CarriedOutByYear,
  readingTotals,
  ruleFailureCounts,
} from '../use-cases/audit-batch.ts';
import { readingsOf, type BatchReading } from '../use-cases/batch-row.ts';
import { carryAcrossYears, sameAgencyYear } from '../use-cases/batch-carry-over.ts';

/** The most files one batch takes (a larger folder: several batches, or `gongkai audit --batch`). */
export const MAX_BATCH_FILES = 50;
/**
 * What a batch keeps of files whose 上年结转 was left uncertain, to read them again with last year's 结转
 * once every file is in (a report's text is a few dozen kilobytes; past this they stay as read).
 */
const KEPT_FOR_CARRY_BYTES = 20 * 1024 * 1024;

export function registerAuditBatchRoutes(
  app: FastifyInstance,
  deps: { auth: Pick<StaffAuthDependencies, 'ancestorsOf'> },
): void {
  app.post(
    '/api/agencies/:agencyId/report-audits/batch',
    {
      schema: {
        tags: ['年度报告核查'],
        summary: `批量核查已发布的年度报告（multipart，字段 files，至多 ${MAX_BATCH_FILES} 个文件，每个不超过 20 MB）：每份一行（读出、存疑、未读的单元格，主要数字，未通过的规则，或无法读取的原因），并汇总全部、列出读得最差的文件、各规则未通过的份数、跨年度结转不一致的年份和同一机关同一年度的多份报告（数字是否一致）；不保存文件`,
        params: agencyParams,
        security: [{ session: [] }],
      },
    },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const account = await requireStaff(request, deps.auth, agencyId, 'read-cases');
      if (!request.isMultipart())
        throw new HttpProblem('invalid-request', '请以 multipart/form-data 上传年度报告文件（字段 files）');
      const readings: BatchReading[] = [];
      const kept = new Map<number, Uint8Array>();
      let keptBytes = 0;
      try {
        for await (const part of request.parts({
          limits: { files: MAX_BATCH_FILES, parts: MAX_BATCH_FILES + 4 },
        })) {
          if (part.type !== 'file') continue;
          if (part.fieldname !== 'files')
            throw new HttpProblem(
              'invalid-request',
              `不认识的文件字段“${part.fieldname.slice(0, 40)}”：批量核查的文件用 files`,
            );
          const bytes = await filePartBytes(part, `“${part.filename.slice(0, 80)}”超过 20 MB`);
          if (!bytes) continue;
          const reading = await batchReadingOf(part.filename, bytes, account.id);
          // A compilation's reports are rows of their own, as read.
          if (reading.more) {
            readings.push(...readingsOf(reading));
            continue;
          }
          if (reading.carriedInUncertain && keptBytes + bytes.length <= KEPT_FOR_CARRY_BYTES) {
            kept.set(readings.length, bytes);
            keptBytes += bytes.length;
          }
          readings.push(reading);
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_FILES_LIMIT')
          throw new HttpProblem('payload-too-large', `一次至多核查 ${MAX_BATCH_FILES} 个文件`);
        throw error;
      }
      if (readings.length === 0)
        throw new HttpProblem('invalid-request', '没有收到年度报告文件（字段 files）');
      // A 上年结转 printed run together, split by the agency's report of the year before in the batch.
      const carriedOut = new CarriedOutByYear();
      for (const reading of readings) carriedOut.note(reading);
      for (const [at, bytes] of kept) {
        const carried = carriedOut.into(readings[at]!);
        if (carried) readings[at] = await batchReadingOf(readings[at]!.row.file, bytes, account.id, carried);
      }
      const rows = readings.map((r) => r.row);
      return {
        rows,
        totals: readingTotals(rows),
        rules: ruleFailureCounts(rows),
        carryOver: carryAcrossYears(rows),
        sameYear: sameAgencyYear(rows),
      };
    },
  );
}
