/** Wires the database to the features' routes and the public pages: the whole server, ready to listen. */
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { createHttpServer } from '../platform/http/server.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { registerReportRoutes } from '../features/annual-report/http/report-routes.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import { registerPortalPages } from '../../web/portal/report-pages.ts';
import { databaseFactSource } from './database-fact-source.ts';

export async function createApp(
  handle: DatabaseHandle,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = await createHttpServer(options);
  const agencies = agencyRepository(handle.db);
  const requests = requestRepository(handle.db);
  const source = databaseFactSource(handle.db);
  const findAgency = (id: string) => agencies.find(id);
  app.get('/api/agencies', async () => ({ agencies: await agencies.list() }));
  registerReportRoutes(app, { source, findAgency });
  registerPortalPages(app, {
    source,
    findAgency,
    listAgencies: () => agencies.list(),
    reportYears: (id) => requests.reportYears(id),
  });
  return app;
}
