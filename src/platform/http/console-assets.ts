/**
 * Serves the built staff console (dist/console, from `npm run build`) at /console/, with the single-page
 * fallback so that /console/requests/YSQ-2025-00001 opens the app. Without a build it says how to make one.
 */
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { inProject } from '../project-root.ts';

const DIST = `${inProject('dist', 'console')}/`;

export async function registerConsoleAssets(app: FastifyInstance): Promise<void> {
  if (!existsSync(`${DIST}index.html`)) {
    app.get('/console/*', async (_request, reply) =>
      reply.status(503).type('text/plain; charset=utf-8').send('工作台尚未构建：请先运行 npm run build'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: DIST,
    prefix: '/console/',
    index: ['index.html'],
    wildcard: false,
  });
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
  app.get('/console/*', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').sendFile('index.html'),
  );
}
