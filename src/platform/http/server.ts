/**
 * The HTTP server: Fastify with security headers, one error handler that maps codes to statuses, and
 * the routes each feature registers. Unexpected errors are logged once and answered with 500.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { addSecurityHeaders } from './security-headers.ts';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { HttpProblem, RefusalProblem } from './error-codes.ts';
import { boundTurns, type TurnOptions } from './bounded-turns.ts';
import { FAVICON_SVG, htmlErrorPage, wantsHtml } from './html-error-page.ts';
import { sharedRateLimitStore, type HitCounter } from './shared-rate-limit-store.ts';

export interface ServerOptions {
  readonly logger?: boolean;
  /**
   * Behind a reverse proxy: whose X-Forwarded-For to believe (an address or a comma-separated CIDR list; true: any),
   * so that per-citizen limits apply to the citizen's address and not the proxy's.
   */
  readonly trustProxy?: string | boolean;
  /** How much work a turn of the event loop does and how many requests may wait (`bounded-turns.ts`). */
  readonly turns?: TurnOptions;
  /** Whether the database answers, for /api/health (a server without its database is not healthy). */
  readonly databaseAnswers?: () => Promise<boolean>;
  /**
   * Where the per-address limits are counted: shared by every process on the database when given, else
   * in this process's memory.
   */
  readonly rateLimitCounter?: HitCounter;
}

/** Every route the server registers, for the access-matrix test that fails on a route without an entry. */
export const ROUTES = Symbol('routes');

/** The largest file an upload may carry. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    [ROUTES]: Array<{ method: string; url: string }>;
  }
}

/** The heading of the page a browser gets for an error status. */
const PAGE_TITLES: Readonly<Record<number, string>> = {
  400: '地址或填写的内容有误',
  401: '请先登录',
  403: '没有权限',
  404: '页面不存在',
  413: '文件太大',
  415: '不支持的文件类型',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务器正忙',
  507: '服务器磁盘已满',
};

/** What the upload library's refusals mean, in the words the rest of the API uses. */
const UPLOAD_REFUSALS: Readonly<Record<string, string>> = {
  FST_PARTS_LIMIT: '表单的部分太多',
  FST_FILES_LIMIT: '一次上传的文件太多',
  FST_FIELDS_LIMIT: '表单的字段太多',
  FST_REQ_FILE_TOO_LARGE: `文件不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`,
  FST_PROTO_VIOLATION: '表单字段名不允许',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请以 multipart/form-data 上传',
  FST_MP_PREMATURE_CLOSE: '上传在完成之前中断了',
};

export async function createHttpServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  const routes: Array<{ method: string; url: string }> = [];
  app.decorate(ROUTES, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  addSecurityHeaders(app);
  // After the security headers, so that even a "busy" answer carries them; before everything else.
  boundTurns(app, options.turns);
  // Route schemas (zod, beside each route) document the API at /api/docs; each handler parses its input
  // with the same schema, so validation here would only do the work twice.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'gongkai API',
        description: '政府信息公开：依申请公开、年度报告。错误统一为 {"error": {"code", "message"}}。',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } } },
    },
    // Only the JSON API is documented; the HTML pages and the console's files are not part of it.
    transform: (input) => {
      const documented = jsonSchemaTransform(input);
      const isApi = input.url.startsWith('/api/') && !input.url.startsWith('/api/docs');
      return isApi ? documented : { ...documented, schema: { ...documented.schema, hide: true } };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Uploads: one file of at most 20 MB per request, no other fields (the file checks are the features').
  // One file and at most a few short text fields (the filing's explanations) per upload.
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 5 },
  });
  // Off by default; routes that face guessing or abuse (login, public forms) turn it on with their own limits.
  await app.register(rateLimit, {
    global: false,
    ...(options.rateLimitCounter ? { store: sharedRateLimitStore(options.rateLimitCounter) } : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
    }),
  });
  // A person's browser gets a page in Chinese; the API (and scripts) the error object.
  const answer = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    error: { code: string; message: string; details?: unknown },
  ) =>
    wantsHtml(request)
      ? reply
          .status(status)
          .type('text/html; charset=utf-8')
          .send(htmlErrorPage(PAGE_TITLES[status] ?? '无法显示这个页面', error.message))
      : reply.status(status).send({ error });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof RefusalProblem) {
      const { code, ...details } = error.refusal;
      return answer(request, reply, error.status, {
        code,
        message: error.message,
        ...(Object.keys(details).length ? { details } : {}),
      });
    }
    if ((error as { statusCode?: number }).statusCode === 429)
      return answer(request, reply, 429, { code: 'too-many-requests', message: (error as Error).message });
    if (error instanceof HttpProblem)
      return answer(request, reply, error.status, {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    const storage = storageTrouble(error);
    if (storage === 'busy') {
      void reply.header('retry-after', '2');
      return answer(request, reply, 503, {
        code: 'busy',
        message: '数据正被其他操作占用，请稍后再试；刚才的操作没有保存',
      });
    }
    if (storage === 'disk-full') {
      request.log.error({ err: error }, 'disk full: the database could not write');
      return answer(request, reply, 507, {
        code: 'disk-full',
        message: '服务器磁盘已满，刚才的操作没有保存；请通知系统管理员',
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const upload = UPLOAD_REFUSALS[(error as { code?: string }).code ?? ''];
      return answer(request, reply, status, {
        code: status === 413 ? 'payload-too-large' : 'invalid-request',
        message: upload ?? (error as Error).message,
      });
    }
    request.log.error(error);
    return answer(request, reply, 500, { code: 'internal', message: '服务器内部错误' });
  });
  for (const url of ['/favicon.svg', '/favicon.ico'])
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
    );
  app.setNotFoundHandler((request, reply) =>
    answer(request, reply, 404, {
      code: 'not-found',
      message: `没有这个地址：${request.method} ${request.url}`,
    }),
  );
  // A NUL character is in no legitimate text and PostgreSQL cannot store it: refused at the edge, with the field.
  app.addHook('preHandler', async (request) => {
    const where = nulIn(request.body) ?? nulIn(request.query) ?? nulIn(request.params);
    if (where !== undefined)
      throw new HttpProblem(
        'invalid-request',
        `${where ? `“${where}”` : '提交的内容'}含有不允许的控制字符（NUL）`,
      );
  });
  // Answers of the JSON API, and pages answering a form (a receipt with its query code), may carry
  // personal data or a secret: never kept by a cache.
  app.addHook('onSend', async (request, reply) => {
    const personal = request.routeOptions.url?.startsWith('/api/') || request.method === 'POST';
    if (personal && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  app.get('/api/health', async (_request, reply) => {
    const answers = options.databaseAnswers ? await options.databaseAnswers().catch(() => false) : true;
    return answers ? { status: 'ok' } : reply.status(503).send({ status: 'database-unavailable' });
  });
  return app;
}

/** The path of the first string holding a NUL character ('' at the top), or undefined when none does. */
export function nulIn(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const found = nulIn(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A database that cannot take a write now: locked by another writer (SQLite BUSY/LOCKED, PostgreSQL's
 * lock_not_available) or out of disk (SQLITE_FULL, PostgreSQL's disk_full, ENOSPC).
 */
export function storageTrouble(error: unknown): 'busy' | 'disk-full' | undefined {
  const code = String((error as { code?: unknown }).code ?? '');
  if (['SQLITE_BUSY', 'SQLITE_LOCKED', '55P03'].includes(code) || code.startsWith('SQLITE_BUSY_'))
    return 'busy';
  if (['SQLITE_FULL', '53100', 'ENOSPC'].includes(code)) return 'disk-full';
  return undefined;
}
