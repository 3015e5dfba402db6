/**
 * The ledger (台账) of a report year over HTTP, for the case worker (it names applicants): the requests or
 * the reconsiderations and suits, as XLSX that the ledger import reads back.
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { requireStaff, type StaffAuthDependencies } from '../../agencies/http/staff-session.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { agencyYearParams } from '../../annual-report/http/report-routes.schema.ts';
import type { DisclosureRequest } from '../../requests/index.ts';
import type { Proceeding } from '../../reviews/index.ts';
import { proceedingsLedger, requestsLedger } from '../export/ledger-export.ts';

const ledgerQuery = z.object({ kind: z.enum(['requests', 'reviews']).default('requests') });

export function registerLedgerExportRoutes(
  app: FastifyInstance,
  deps: {
    auth: Pick<StaffAuthDependencies, 'ancestorsOf'>;
    requests: (agencyId: string) => Promise<DisclosureRequest[]>;
    proceedings: (agencyId: string) => Promise<Proceeding[]>;
  },
): void {
  app.get(
    '/api/agencies/:agencyId/ledger/:year',
    {
      schema: {
        tags: ['依申请公开（工作人员）'],
        summary:
          '导出年度台账（XLSX）：依申请公开（requests）或行政复议、行政诉讼（reviews），可由台账导入读回',
        params: agencyYearParams,
        querystring: ledgerQuery,
        security: [{ session: [] }],
      },
    },
    async (request, reply) => {
      const { agencyId, year } = parseInput(agencyYearParams, request.params);
      const { kind } = parseInput(ledgerQuery, request.query);
      await requireStaff(request, deps.auth, agencyId, 'see-personal-data');
      const bytes =
        kind === 'requests'
          ? await requestsLedger(await deps.requests(agencyId), year)
          : await proceedingsLedger(await deps.proceedings(agencyId), year);
      const name = `${agencyId}-${year}-${kind === 'requests' ? '依申请公开台账' : '行政复议诉讼台账'}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(bytes);
    },
  );
}
