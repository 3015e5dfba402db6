/**
 * Staff sign-in over HTTP: a session cookie (HttpOnly, SameSite=Strict, Secure behind HTTPS) and a CSRF
 * token that every state-changing request must echo in `x-csrf-token`. Login is rate limited.
 * `requireStaff` is the one guard every staff route calls: signed in, allowed, and within scope.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem } from '../../../platform/http/error-codes.ts';
import { hasPermission, isWithinScope, ROLE_LABELS, type Permission } from '../domain/staff-role.ts';
import type { StaffAccount, StaffRepository, StaffSession } from '../db/staff-repository.ts';
import type { AccountService } from '../use-cases/account-service.ts';

export const SESSION_COOKIE = 'gk_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface StaffAuthDependencies {
  readonly staff: StaffRepository;
  readonly accounts: AccountService;
  readonly ancestorsOf: (agencyId: string) => Promise<string[]>;
  /** Whether cookies need HTTPS (GONGKAI_SECURE_COOKIES=1 behind a TLS proxy). */
  readonly secureCookies: boolean;
  /** "Today" in China: the console uses it for default dates, so they match the server's clock. */
  readonly today: () => string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staffSession: StaffSession | undefined;
  }
}

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

function present(session: Omit<StaffSession, 'id'>, today: string) {
  const { account } = session;
  return {
    account: {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      agencyId: account.agencyId,
      roles: account.roles,
      roleLabels: account.roles.map((r) => ROLE_LABELS[r]),
    },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    mustChangePassword: session.mustChangePassword,
    today,
  };
}

export function registerStaffSession(app: FastifyInstance, deps: StaffAuthDependencies): void {
  app.decorateRequest('staffSession', undefined);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.staffSession = token ? await deps.staff.session(token, new Date()) : undefined;
  });
  // CSRF, decided on the route that will run (never on the URL's text, which may be percent-encoded):
  // every state-changing request of the JSON API — sign-in included — must come from this site, and a
  // signed-in one must carry the session's token. The public HTML forms carry their own token
  // (web/portal/form-token.ts).
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || !isApiRoute(request)) return;
    if (isCrossSite(request))
      throw new HttpProblem('cross-site-request', '拒绝来自其他网站的请求，请在本系统的页面中操作');
    if (!request.staffSession) return;
    if (request.headers['x-csrf-token'] !== request.staffSession.csrfToken)
      throw new HttpProblem('csrf-token-invalid', '缺少或错误的 CSRF 令牌，请刷新页面后重试');
  });

  app.post(
    '/api/session',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['工作人员登录'],
        summary: '登录；返回的 CSRF 令牌须在之后的写操作中以 x-csrf-token 携带',
        body: loginBody,
      },
    },
    async (request, reply) => {
      // A form can post urlencoded, multipart or text/plain across sites without asking; JSON it cannot.
      if (!isJson(request))
        throw new HttpProblem(
          'unsupported-media-type',
          '登录请求须为 JSON（Content-Type: application/json）',
        );
      const parsed = loginBody.safeParse(request.body);
      if (!parsed.success) throw new HttpProblem('invalid-request', '请输入用户名和密码');
      const started = await deps.accounts.signIn(parsed.data.username, parsed.data.password, {
        ip: request.ip,
        ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
      });
      if (!started.ok) {
        if (started.error.code === 'account-locked')
          throw new HttpProblem(
            'account-locked',
            `登录失败次数过多，账号已锁定至 ${lockedUntil(started.error.until)}；请稍后再试，或请管理员重置密码`,
          );
        throw new HttpProblem('login-failed', '用户名或密码错误');
      }
      setSessionCookie(reply, started.value.token, started.value.expiresAt, deps.secureCookies);
      return present(started.value, deps.today());
    },
  );

  app.get('/api/session', async (request) => {
    if (!request.staffSession) throw new HttpProblem('not-signed-in', '请先登录');
    return present(request.staffSession, deps.today());
  });

  app.delete('/api/session', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deps.staff.endSession(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signedOut: true };
  });
}

/** A lock's end in Beijing time, as people read it: 2025年3月3日 10:15. */
function lockedUntil(iso: string): string {
  const beijing = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
}

/** The route's own pattern, as the router matched it. */
function isApiRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/') ?? false;
}

function isJson(request: FastifyRequest): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
}

/**
 * A browser says where a request comes from: Sec-Fetch-Site (same-site is a sibling origin, which
 * SameSite cookies do not stop) and Origin, compared with the host the request was sent to. A client
 * that sends neither (a script, curl) is not a browser carrying someone's cookies.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).origin !== new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return true;
  }
}

function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: new Date(expiresAt),
  });
}

/** The signed-in account, allowed `permission` at `agencyId` (its own agency or one below it). */
export async function requireStaff(
  request: FastifyRequest,
  deps: Pick<StaffAuthDependencies, 'ancestorsOf'>,
  agencyId: string,
  permission: Permission,
): Promise<StaffAccount> {
  const session = request.staffSession;
  if (!session) throw new HttpProblem('not-signed-in', '请先登录');
  const { account } = session;
  if (session.mustChangePassword)
    throw new HttpProblem(
      'password-change-required',
      '请先修改密码（管理员重置或新建的账号须在首次登录时修改）',
    );
  if (!hasPermission(account.roles, permission)) throw new HttpProblem('forbidden', '您的角色无权进行此操作');
  if (!isWithinScope(account.agencyId, agencyId, await deps.ancestorsOf(agencyId)))
    throw new HttpProblem('forbidden', '您无权访问其他机关的数据');
  return account;
}
