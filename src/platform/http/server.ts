/**
 * The HTTP server: Fastify with security headers, one error handler that maps codes to statuses, and
 * the routes each feature registers. Unexpected errors are logged once and answered with 500.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { HttpProblem } from './error-codes.ts';

export interface ServerOptions {
  readonly logger?: boolean;
}

export async function createHttpServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpProblem) {
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: 'invalid-request', message: (error as Error).message } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not-found', message: `没有这个地址：${request.method} ${request.url}` } }),
  );
  app.get('/api/health', async () => ({ status: 'ok' }));
  return app;
}
