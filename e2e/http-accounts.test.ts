/**
 * Staff accounts as their owners, their administrators and an attacker meet them: sign-in that another
 * site cannot trigger, the password policy, a lock after repeated failures, a reset that forces a change,
 * disabling, and sessions listed and ended — every step in the audit log.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';
import { listAudit } from '../src/platform/audit/audit-log.ts';

const GOOD = 'Xq7-vel-Tarn-48';
const BETTER = 'Sunflower#River9';

/** An app of its own for each test: sign-in is rate limited per address. */
async function withApp(work: (context: SignedInApp) => Promise<void>) {
  const context = await signedInApp({
    agencies: [
      { id: 'city', name: '某市政府办公室' },
      { id: 'other', name: '另一市政府办公室' },
    ],
    accounts: [
      ['admin', 'city', 'admin'],
      ['officer', 'city', 'officer'],
      ['outsider', 'other', 'admin'],
    ],
    today: '2025-03-03',
  });
  try {
    await work(context);
  } finally {
    await context.close();
  }
}

let address = 0;
/** Each attempt from an address of its own, as a guesser with many would (sign-in is rate limited per address). */
function signIn({ app }: SignedInApp, username: string, password: string) {
  address++;
  return app.inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress: `10.0.${Math.floor(address / 250)}.${address % 250}`,
    payload: { username, password },
  });
}

function headersOf(login: { headers: Record<string, unknown>; json: () => { csrfToken: string } }) {
  return {
    cookie: String(login.headers['set-cookie']).split(';')[0] ?? '',
    'x-csrf-token': login.json().csrfToken,
  };
}

test('login refuses what a form on another site can send: urlencoded or text bodies, and a foreign origin', () =>
  withApp(async ({ app }) => {
    const credentials = 'username=officer&password=password-123456';
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'content-type': contentType },
        payload: credentials,
      });
      assert.equal(response.statusCode, 415, `${contentType}: ${response.body}`);
      assert.equal(response.headers['set-cookie'], undefined, contentType);
    }
    for (const from of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'same-site' }]) {
      const foreign = await app.inject({
        method: 'POST',
        url: '/api/session',
        headers: from,
        payload: { username: 'officer', password: 'password-123456' },
      });
      assert.deepEqual(
        [foreign.statusCode, foreign.headers['set-cookie']],
        [403, undefined],
        JSON.stringify(from),
      );
    }
    const own = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
      payload: { username: 'officer', password: 'password-123456' },
    });
    assert.equal(own.statusCode, 200, own.body);
  }));

test('a password is changed under the policy; the other sessions end; a recent one cannot come back', () =>
  withApp(async (context) => {
    const { app, headers } = context;
    const change = (h: Record<string, string>, currentPassword: string, newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers: h,
        payload: { currentPassword, newPassword },
      });
    const second = headersOf(await signIn(context, 'officer', 'password-123456'));
    const wrong = await change(headers.officer!, 'not-my-password', GOOD);
    assert.deepEqual([wrong.statusCode, wrong.json().error.code], [422, 'wrong-current-password']);
    for (const [weak, code] of [
      ['            ', 'password-too-simple'],
      ['short', 'password-too-short'],
      ['Password1234!', 'password-common'],
      ['Officer-2025-x', 'password-contains-name'],
    ] as const) {
      const refused = await change(headers.officer!, 'password-123456', weak);
      assert.deepEqual([refused.statusCode, refused.json().error.code], [422, code], weak);
    }
    const changed = await change(headers.officer!, 'password-123456', GOOD);
    assert.deepEqual([changed.statusCode, changed.json().endedSessions], [200, 1], changed.body);
    const ownStill = await app.inject({ method: 'GET', url: '/api/session', headers: headers.officer! });
    assert.equal(ownStill.statusCode, 200);
    const otherEnded = await app.inject({ method: 'GET', url: '/api/session', headers: second });
    assert.equal(otherEnded.statusCode, 401);
    assert.equal((await signIn(context, 'officer', 'password-123456')).statusCode, 401);
    assert.equal((await change(headers.officer!, GOOD, BETTER)).statusCode, 200);
    const back = await change(headers.officer!, BETTER, GOOD);
    assert.deepEqual([back.statusCode, back.json().error.code], [422, 'password-reused']);
    const actions = (await listAudit(context.handle.db, 'city')).map((e) => e.action);
    assert.equal(actions.filter((a) => a === 'staff.password-changed').length, 2);
  }));

test('five wrong passwords in a row lock the account for a while, the right one included', () =>
  withApp(async (context) => {
    for (let i = 0; i < 4; i++)
      assert.equal((await signIn(context, 'officer', `wrong-${i}`)).statusCode, 401);
    const fifth = await signIn(context, 'officer', 'wrong-4');
    assert.deepEqual([fifth.statusCode, fifth.json().error.code], [423, 'account-locked']);
    assert.match(fifth.json().error.message, /已锁定至 \d{4}年\d+月\d+日 \d\d:\d\d/);
    const right = await signIn(context, 'officer', 'password-123456');
    assert.deepEqual([right.statusCode, right.headers['set-cookie']], [423, undefined]);
    // An unknown username is never "locked": nothing tells an attacker which names exist.
    for (let i = 0; i < 3; i++) assert.equal((await signIn(context, 'nobody', `x-${i}`)).statusCode, 401);
    const audit = (await listAudit(context.handle.db, 'city')).map((e) => e.action);
    assert.equal(audit.filter((a) => a === 'staff.sign-in-failed').length, 4);
    assert.equal(audit.filter((a) => a === 'staff.locked').length, 1);
    // The administrator's reset lifts the lock.
    const list = await context.app.inject({
      method: 'GET',
      url: '/api/agencies/city/staff',
      headers: context.headers.admin!,
    });
    const officer = (
      list.json().accounts as Array<{ id: string; username: string; lockedUntil?: string }>
    ).find((a) => a.username === 'officer')!;
    assert.ok(officer.lockedUntil);
    const reset = await context.app.inject({
      method: 'POST',
      url: `/api/agencies/city/staff/${officer.id}/password-reset`,
      headers: context.headers.admin!,
    });
    assert.equal((await signIn(context, 'officer', reset.json().password)).statusCode, 200);
  }));

test('after a reset the old sessions end and nothing but a change of password is allowed', () =>
  withApp(async (context) => {
    const { app, headers } = context;
    const accounts = (
      await app.inject({ method: 'GET', url: '/api/agencies/city/staff', headers: headers.admin! })
    ).json().accounts as Array<{ id: string; username: string }>;
    const officer = accounts.find((a) => a.username === 'officer')!;
    const reset = await app.inject({
      method: 'POST',
      url: `/api/agencies/city/staff/${officer.id}/password-reset`,
      headers: headers.admin!,
    });
    assert.equal(reset.statusCode, 200);
    const temporary = reset.json().password as string;
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/session', headers: headers.officer! })).statusCode,
      401,
    );
    const login = await signIn(context, 'officer', temporary);
    assert.equal(login.json().mustChangePassword, true);
    const officerHeaders = headersOf(login);
    const blocked = await app.inject({
      method: 'GET',
      url: '/api/agencies/city/requests',
      headers: officerHeaders,
    });
    assert.deepEqual([blocked.statusCode, blocked.json().error.code], [403, 'password-change-required']);
    const changed = await app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: officerHeaders,
      payload: { currentPassword: temporary, newPassword: GOOD },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const allowed = await app.inject({
      method: 'GET',
      url: '/api/agencies/city/requests',
      headers: officerHeaders,
    });
    assert.equal(allowed.statusCode, 200);
    // An administrator cannot reset their own password this way, nor act on another agency's accounts.
    const admin = accounts.find((a) => a.username === 'admin')!;
    const self = await app.inject({
      method: 'POST',
      url: `/api/agencies/city/staff/${admin.id}/password-reset`,
      headers: headers.admin!,
    });
    assert.deepEqual([self.statusCode, self.json().error.code], [422, 'not-own-account-action']);
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/agencies/city/staff/${officer.id}/password-reset`,
      headers: headers.outsider!,
    });
    assert.equal(foreign.statusCode, 403);
    const misplaced = await app.inject({
      method: 'POST',
      url: `/api/agencies/other/staff/${officer.id}/password-reset`,
      headers: headers.outsider!,
    });
    assert.equal(misplaced.statusCode, 404, 'an account is found only under its own agency');
    const byOfficer = await app.inject({
      method: 'GET',
      url: '/api/agencies/city/staff',
      headers: officerHeaders,
    });
    assert.equal(byOfficer.statusCode, 403);
  }));

test('a disabled account is signed out everywhere and cannot sign in until enabled', () =>
  withApp(async (context) => {
    const { app, headers } = context;
    const created = await app.inject({
      method: 'POST',
      url: '/api/agencies/city/staff',
      headers: headers.admin!,
      payload: { username: 'wangfang', displayName: '王芳', roles: ['approver'] },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { account, password } = created.json() as { account: { id: string }; password: string };
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/agencies/city/staff',
      headers: headers.admin!,
      payload: { username: 'wangfang', displayName: '王芳', roles: ['approver'] },
    });
    assert.deepEqual([duplicate.statusCode, duplicate.json().error.code], [422, 'username-taken']);
    const first = await signIn(context, 'wangfang', password);
    assert.equal(first.json().mustChangePassword, true, 'a new account changes its one-time password first');
    const session = headersOf(first);
    const status = (disabled: boolean) =>
      app.inject({
        method: 'POST',
        url: `/api/agencies/city/staff/${account.id}/status`,
        headers: headers.admin!,
        payload: { disabled },
      });
    assert.equal((await status(true)).json().disabled, true);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/session', headers: session })).statusCode,
      401,
    );
    assert.equal((await signIn(context, 'wangfang', password)).statusCode, 401);
    assert.equal((await status(false)).json().disabled, false);
    assert.equal((await signIn(context, 'wangfang', password)).statusCode, 200);
    const actions = (await listAudit(context.handle.db, 'city')).map((e) => e.action);
    for (const action of ['staff.created', 'staff.disabled', 'staff.enabled', 'staff.signed-in'])
      assert.ok(actions.includes(action), action);
  }));

test('one’s sessions are listed, with where they came from, and any of them can be ended', () =>
  withApp(async (context) => {
    const { app, headers } = context;
    const phone = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone)' },
      payload: { username: 'officer', password: 'password-123456' },
    });
    const listed = await app.inject({
      method: 'GET',
      url: '/api/session/sessions',
      headers: headers.officer!,
    });
    const sessions = listed.json().sessions as Array<{ id: string; current: boolean; userAgent?: string }>;
    assert.equal(sessions.length, 2);
    assert.equal(sessions.filter((s) => s.current).length, 1);
    const other = sessions.find((s) => !s.current)!;
    assert.equal(other.userAgent, 'Mozilla/5.0 (iPhone)');
    const ended = await app.inject({
      method: 'DELETE',
      url: `/api/session/sessions/${other.id}`,
      headers: headers.officer!,
    });
    assert.equal(ended.statusCode, 200);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/session', headers: headersOf(phone) })).statusCode,
      401,
    );
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/session/sessions/${other.id}`,
      headers: headers.officer!,
    });
    assert.equal(again.statusCode, 404);
    // Someone else's session id ends nothing.
    const adminSessions = (
      await app.inject({ method: 'GET', url: '/api/session/sessions', headers: headers.admin! })
    ).json().sessions as Array<{ id: string }>;
    const notMine = await app.inject({
      method: 'DELETE',
      url: `/api/session/sessions/${adminSessions[0]!.id}`,
      headers: headers.officer!,
    });
    assert.equal(notMine.statusCode, 404);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/session', headers: headers.admin! })).statusCode,
      200,
    );
    // The administrator ends all of the officer's sessions.
    const accounts = (
      await app.inject({ method: 'GET', url: '/api/agencies/city/staff', headers: headers.admin! })
    ).json().accounts as Array<{ id: string; username: string }>;
    const officer = accounts.find((a) => a.username === 'officer')!;
    const all = await app.inject({
      method: 'DELETE',
      url: `/api/agencies/city/staff/${officer.id}/sessions`,
      headers: headers.admin!,
    });
    assert.deepEqual(all.json(), { ended: 1 });
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/session', headers: headers.officer! })).statusCode,
      401,
    );
  }));

test('an administrator changes a colleague’s roles, effective at once; never their own, never another agency’s', () =>
  withApp(async (context) => {
    const { app, headers, handle } = context;
    const officerId = (
      await handle.db
        .selectFrom('staff_accounts')
        .select('id')
        .where('username', '=', 'officer')
        .executeTakeFirstOrThrow()
    ).id;
    const adminId = (
      await handle.db
        .selectFrom('staff_accounts')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).id;
    const roles = (who: string, agency: string, id: string, body: unknown) =>
      app.inject({
        method: 'PUT',
        url: `/api/agencies/${agency}/staff/${id}/roles`,
        headers: headers[who]!,
        payload: body as object,
      });
    const registerAsOfficer = () =>
      app.inject({
        method: 'POST',
        url: '/api/agencies/city/requests',
        headers: headers.officer!,
        payload: {
          channel: 'in-person',
          submittedOn: '2025-03-03',
          applicant: { type: 'natural', name: '张三' },
          application: { description: '某项目资料', delivery: 'pickup' },
        },
      });
    assert.equal((await registerAsOfficer()).statusCode, 201);
    const changed = await roles('admin', 'city', officerId, { roles: ['supervisor'] });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json().roles, ['supervisor']);
    assert.equal(
      (await registerAsOfficer()).statusCode,
      403,
      'no longer a case worker, from the next request',
    );
    assert.equal(
      (await roles('admin', 'city', adminId, { roles: ['officer'] })).json().error.code,
      'not-own-account-action',
    );
    assert.equal((await roles('outsider', 'city', officerId, { roles: ['admin'] })).statusCode, 403);
    assert.equal(
      (await roles('outsider', 'other', officerId, { roles: ['admin'] })).statusCode,
      404,
      'another agency’s account, named in one’s own agency’s path, is not found there',
    );
    assert.equal((await roles('admin', 'city', officerId, { roles: [] })).statusCode, 400);
    assert.equal((await roles('admin', 'city', officerId, { roles: ['root'] })).statusCode, 400);
    const entry = (await listAudit(handle.db, 'city')).find((e) => e.action === 'staff.roles-changed');
    assert.deepEqual(entry?.detail, { before: ['officer'], after: ['supervisor'] });
  }));
