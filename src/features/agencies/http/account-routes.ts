/**
 * Accounts over HTTP. Everyone signed in: change their password, list and end their sessions. An
 * administrator (manage-staff) over the accounts of their agency and those below it: list, create (a
 * one-time password shown once), reset a password, disable or enable, list and end sessions. The
 * account named in a path must belong to the agency named in it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../../platform/validation.ts';
import { HttpProblem, RefusalProblem } from '../../../platform/http/error-codes.ts';
import { parseInput } from '../../annual-report/http/report-routes.ts';
import { PASSWORD_REFUSAL_MESSAGES } from '../domain/password-policy.ts';
import { STAFF_ROLES } from '../domain/staff-role.ts';
import type { AccountRefusal } from '../use-cases/account-service.ts';
import { requireStaff, type StaffAuthDependencies } from './staff-session.ts';

const agencyParams = z.object({
  agencyId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, '机关编号无效'),
});
const accountParams = agencyParams.extend({
  accountId: z.string().regex(/^[0-9a-f]{16}$/, '账号编号无效'),
});
const sessionId = z.string().regex(/^[0-9a-f]{16}$/, '会话编号无效');
const sessionParams = z.object({ sessionId });
const accountSessionParams = accountParams.extend({ sessionId });
const passwordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().max(256),
});
const createBody = z.object({
  username: z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, '用户名为 2–64 个字母、数字、点、下划线或连字符'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  roles: z.array(z.enum(STAFF_ROLES)).min(1, '至少选择一个角色').max(4),
});
const statusBody = z.object({ disabled: z.boolean() });
const rolesBody = z.object({ roles: createBody.shape.roles });

const MESSAGES: Readonly<Record<AccountRefusal['code'], string>> = {
  ...PASSWORD_REFUSAL_MESSAGES,
  'login-failed': '用户名或密码错误',
  'account-locked': '账号已锁定',
  'wrong-current-password': '当前密码不正确',
  'username-taken': '用户名已被使用',
  'account-not-found': '本机关没有这个账号',
  'not-own-account-action': '不能对自己的账号进行此操作（请另一位管理员办理，或在“我的账号”中修改密码）',
  'session-not-found': '没有这个登录会话（可能已结束）',
};

function refuse(refusal: AccountRefusal): never {
  if (refusal.code === 'account-not-found' || refusal.code === 'session-not-found')
    throw new HttpProblem('not-found', MESSAGES[refusal.code]);
  throw new RefusalProblem(refusal, MESSAGES[refusal.code]);
}

const TAG = '账号';
const staffOnly = { security: [{ session: [] }] };

export function registerAccountRoutes(
  app: FastifyInstance,
  deps: Pick<StaffAuthDependencies, 'accounts' | 'ancestorsOf'>,
): void {
  app.post(
    '/api/session/password',
    {
      schema: {
        tags: [TAG],
        summary: '修改本人密码；本人的其他登录会话随之结束',
        body: passwordBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const session = request.staffSession;
      if (!session) throw new HttpProblem('not-signed-in', '请先登录');
      const body = parseInput(passwordBody, request.body);
      const changed = await deps.accounts.changePassword(session, body.currentPassword, body.newPassword);
      if (!changed.ok) refuse(changed.error);
      return { changed: true, endedSessions: changed.value.endedSessions };
    },
  );

  app.get(
    '/api/session/sessions',
    { schema: { tags: [TAG], summary: '本人的登录会话', ...staffOnly } },
    async (request) => {
      const session = request.staffSession;
      if (!session) throw new HttpProblem('not-signed-in', '请先登录');
      const sessions = await deps.accounts.sessionsOf(session.account.id);
      return { sessions: sessions.map((s) => ({ ...s, current: s.id === session.id })) };
    },
  );

  app.delete(
    '/api/session/sessions/:sessionId',
    { schema: { tags: [TAG], summary: '结束本人的一个登录会话', params: sessionParams, ...staffOnly } },
    async (request) => {
      const session = request.staffSession;
      if (!session) throw new HttpProblem('not-signed-in', '请先登录');
      const { sessionId } = parseInput(sessionParams, request.params);
      const ended = await deps.accounts.endOwnSession(session, sessionId);
      if (!ended.ok) refuse(ended.error);
      return { ended: true };
    },
  );

  app.get(
    '/api/agencies/:agencyId/staff',
    { schema: { tags: [TAG], summary: '本机关的工作人员账号', params: agencyParams, ...staffOnly } },
    async (request) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      await requireStaff(request, deps, agencyId, 'manage-staff');
      return { accounts: await deps.accounts.list(agencyId) };
    },
  );

  app.post(
    '/api/agencies/:agencyId/staff',
    {
      schema: {
        tags: [TAG],
        summary: '新建账号；返回一次性密码（只显示这一次），首次登录须修改',
        params: agencyParams,
        body: createBody,
        ...staffOnly,
      },
    },
    async (request, reply) => {
      const { agencyId } = parseInput(agencyParams, request.params);
      const body = parseInput(createBody, request.body);
      const actor = await requireStaff(request, deps, agencyId, 'manage-staff');
      const created = await deps.accounts.create(actor, { agencyId, ...body });
      if (!created.ok) refuse(created.error);
      return reply.status(201).send(created.value);
    },
  );

  app.post(
    '/api/agencies/:agencyId/staff/:accountId/password-reset',
    {
      schema: {
        tags: [TAG],
        summary: '重置密码：返回一次性密码（只显示这一次），该账号的登录会话全部结束，下次登录须修改',
        params: accountParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, accountId } = parseInput(accountParams, request.params);
      const actor = await requireStaff(request, deps, agencyId, 'manage-staff');
      const reset = await deps.accounts.resetPassword(actor, agencyId, accountId);
      if (!reset.ok) refuse(reset.error);
      return reset.value;
    },
  );

  app.post(
    '/api/agencies/:agencyId/staff/:accountId/status',
    {
      schema: {
        tags: [TAG],
        summary: '停用（登录会话全部结束）或启用账号',
        params: accountParams,
        body: statusBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, accountId } = parseInput(accountParams, request.params);
      const { disabled } = parseInput(statusBody, request.body);
      const actor = await requireStaff(request, deps, agencyId, 'manage-staff');
      const changed = await deps.accounts.setDisabled(actor, agencyId, accountId, disabled);
      if (!changed.ok) refuse(changed.error);
      return changed.value;
    },
  );

  app.put(
    '/api/agencies/:agencyId/staff/:accountId/roles',
    {
      schema: {
        tags: [TAG],
        summary: '修改账号的角色（下一次操作起生效；不能修改本人的）',
        params: accountParams,
        body: rolesBody,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, accountId } = parseInput(accountParams, request.params);
      const { roles } = parseInput(rolesBody, request.body);
      const actor = await requireStaff(request, deps, agencyId, 'manage-staff');
      const changed = await deps.accounts.setRoles(actor, agencyId, accountId, roles);
      if (!changed.ok) refuse(changed.error);
      return changed.value;
    },
  );

  app.get(
    '/api/agencies/:agencyId/staff/:accountId/sessions',
    { schema: { tags: [TAG], summary: '一个账号的登录会话', params: accountParams, ...staffOnly } },
    async (request) => {
      const { agencyId, accountId } = parseInput(accountParams, request.params);
      await requireStaff(request, deps, agencyId, 'manage-staff');
      const sessions = await deps.accounts.sessionsOfAccount(agencyId, accountId);
      if (!sessions.ok) refuse(sessions.error);
      return { sessions: sessions.value };
    },
  );

  app.delete(
    '/api/agencies/:agencyId/staff/:accountId/sessions',
    { schema: { tags: [TAG], summary: '结束一个账号的全部登录会话', params: accountParams, ...staffOnly } },
    async (request) => {
      const { agencyId, accountId } = parseInput(accountParams, request.params);
      const actor = await requireStaff(request, deps, agencyId, 'manage-staff');
      const ended = await deps.accounts.endSessionsOfAccount(actor, agencyId, accountId);
      if (!ended.ok) refuse(ended.error);
      return ended.value;
    },
  );

  app.delete(
    '/api/agencies/:agencyId/staff/:accountId/sessions/:sessionId',
    {
      schema: {
        tags: [TAG],
        summary: '结束一个账号的一个登录会话',
        params: accountSessionParams,
        ...staffOnly,
      },
    },
    async (request) => {
      const { agencyId, accountId, sessionId } = parseInput(accountSessionParams, request.params);
      const actor = await requireStaff(request, deps, agencyId, 'manage-staff');
      const ended = await deps.accounts.endSessionsOfAccount(actor, agencyId, accountId, sessionId);
      if (!ended.ok) refuse(ended.error);
      return ended.value;
    },
  );
}
