/**
 * Handlers and approvals over HTTP, as an office works: a case is given to an officer (and taken back),
 * the list filters by handler; the handler asks for an extension, the approver's queue shows it, the
 * handler cannot approve their own, another approver does; each step on the history with names and in
 * the audit log; the agency may turn separation of duties off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';
import { extractPdfLines } from '../src/platform/rendering/pdf-text.ts';
import { disclosureSettingsService } from '../src/features/proactive-disclosure/use-cases/disclosure-settings-service.ts';
import { DEFAULT_DISCLOSURE_SETTINGS } from '../src/features/proactive-disclosure/domain/disclosure-settings.ts';

const today = '2025-03-20';

/** A counter application registered by `who`; its number. */
async function register(
  context: SignedInApp,
  who: string,
  applicant: object = { type: 'natural', name: '张三' },
) {
  const created = await context.app.inject({
    method: 'POST',
    url: '/api/agencies/bureau/requests',
    headers: context.headers[who]!,
    payload: {
      channel: 'in-person',
      submittedOn: '2025-03-03',
      applicant,
      application: { description: '某校舍改造项目的资金使用情况', delivery: 'pickup' },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  return created.json().id as string;
}

async function setUp() {
  return signedInApp({
    agencies: [
      { id: 'city', name: '某市人民政府' },
      { id: 'bureau', name: '某市教育局', parentId: 'city' },
      { id: 'other', name: '某市民政局', parentId: 'city' },
    ],
    accounts: [
      ['wang', 'bureau', ['officer', 'approver']],
      ['zhao', 'bureau', 'officer'],
      ['li', 'bureau', 'approver'],
      ['cityofficer', 'city', 'officer'],
      ['stranger', 'other', 'officer'],
      ['boss', 'bureau', 'admin'],
    ],
    today,
  });
}

test('a case is given to a case worker, the list filters by handler, and the step is on the history', async () => {
  const context = await setUp();
  try {
    const { app, headers } = context;
    const as = (who: string) => headers[who]!;
    const id = await register(context, 'zhao', { type: 'natural', name: '张三' });
    const workers = await app.inject({
      method: 'GET',
      url: '/api/agencies/bureau/case-workers',
      headers: as('li'),
    });
    assert.deepEqual(
      workers
        .json()
        .caseWorkers.map((w: { username: string }) => w.username)
        .sort(),
      ['cityofficer', 'wang', 'zhao'],
      "the bureau's officers and those above it; not the sibling agency's, not the approver-only account",
    );
    const act = (who: string, body: object) =>
      app.inject({
        method: 'POST',
        url: `/api/agencies/bureau/requests/${id}/actions`,
        headers: as(who),
        payload: body,
      });
    const refused = await act('zhao', { type: 'assign', handler: 'stranger' });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, 'handler-not-case-worker');
    assert.equal(
      (await act('li', { type: 'assign', handler: 'zhao' })).statusCode,
      403,
      'an approver does not hand out cases',
    );
    const assigned = await act('zhao', { type: 'assign', handler: 'wang' });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.deepEqual(assigned.json().handler, { username: 'wang', name: 'wang' });
    const step = assigned.json().history.at(-1);
    assert.equal(step.type, 'assigned');
    assert.equal(step.actorName, 'zhao');
    const list = async (query: string, who = 'wang') =>
      (
        await app.inject({ method: 'GET', url: `/api/agencies/bureau/requests?${query}`, headers: as(who) })
      ).json();
    const mine = await list('handler=me');
    assert.deepEqual(
      mine.requests.map((r: { id: string }) => r.id),
      [id],
    );
    assert.equal(mine.requests[0].handlerName, 'wang');
    assert.equal((await list('handler=me', 'zhao')).total, 0);
    assert.equal((await list('handler=none')).total, 0);
    assert.equal((await list('handler=zhao')).total, 0);
    // Given to an officer of the government above, then back.
    assert.equal(
      (await act('wang', { type: 'assign', handler: 'cityofficer', reason: '市政府统一办理' })).statusCode,
      200,
    );
    assert.equal((await list('handler=cityofficer')).total, 1);
  } finally {
    await context.close();
  }
});

test('the handler asks, the queue shows it, the handler cannot approve it, another approver does', async () => {
  const context = await setUp();
  try {
    const { app, headers } = context;
    const as = (who: string) => headers[who]!;
    const id = await register(context, 'wang', {
      type: 'natural',
      name: '张三',
      idNumber: '11010519491231002X',
    });
    const act = (who: string, body: object) =>
      app.inject({
        method: 'POST',
        url: `/api/agencies/bureau/requests/${id}/actions`,
        headers: as(who),
        payload: body,
      });
    await act('wang', { type: 'assign', handler: 'wang' });
    // wang is also an approver: the one-step grant is not open to him (nor to anyone, here).
    const oneStep = await act('wang', {
      type: 'grant-extension',
      workingDays: 10,
      approvedOn: today,
      noticeSentOn: today,
      reason: '量大',
    });
    assert.equal(oneStep.json().error.code, 'approval-required', oneStep.body);
    const asked = await act('wang', {
      type: 'request-extension',
      on: today,
      workingDays: 10,
      reason: '档案分散在三个科室',
    });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.equal(asked.json().pendingApproval.kind, 'extension');
    assert.equal(asked.json().extension, null);

    const queueOf = async (who: string) =>
      (await app.inject({ method: 'GET', url: '/api/agencies/bureau/approvals', headers: as(who) })).json();
    const wangQueue = await queueOf('wang');
    assert.equal(wangQueue.approvals?.length, 1, JSON.stringify(wangQueue));
    assert.equal(wangQueue.approvals[0].mayDecide, false, 'his own request is shown as not his to decide');
    const liQueue = await queueOf('li');
    assert.deepEqual(
      { ...liQueue.approvals[0], applicantName: undefined },
      {
        caseId: id,
        kind: 'extension',
        requestedOn: today,
        requestedBy: 'wang',
        workingDays: 10,
        reason: '档案分散在三个科室',
        dueOn: '2025-03-31',
        handlerName: 'wang',
        applicantName: undefined,
        description: '某校舍改造项目的资金使用情况',
        mayDecide: true,
      },
    );
    assert.equal(liQueue.approvals[0].applicantName, '张*', 'the approver sees the applicant masked');
    const queueByOfficer = await app.inject({
      method: 'GET',
      url: '/api/agencies/bureau/approvals',
      headers: as('zhao'),
    });
    assert.equal(queueByOfficer.statusCode, 403);
    assert.equal(
      (
        await app.inject({
          method: 'GET',
          url: '/api/agencies/bureau/requests?awaitingApproval=true',
          headers: as('li'),
        })
      ).json().total,
      1,
    );

    const own = await act('wang', { type: 'approve', on: today });
    assert.equal(own.json().error.code, 'approver-is-requester');
    assert.equal(
      (await act('zhao', { type: 'approve', on: today })).statusCode,
      403,
      'an officer is no approver',
    );
    const approved = await act('li', { type: 'approve', on: today });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().extension.approvedBy, 'li');
    assert.equal(approved.json().deadline.dueOn, '2025-04-15');
    const history = approved.json().history;
    assert.deepEqual(
      history.slice(-2).map((h: { type: string; actorName: string }) => [h.type, h.actorName]),
      [
        ['extension-requested', 'wang'],
        ['extension-granted', 'li'],
      ],
    );
    assert.equal((await queueOf('li')).approvals.length, 0);
    // The notice the approval issues is complete from the record: the handler's reason, the new due date.
    await disclosureSettingsService(context.handle.db, () => `${today}T08:00:00Z`).update(
      'bureau',
      {
        ...DEFAULT_DISCLOSURE_SETTINGS,
        contact: { office: '某市教育局办公室', address: '人民路1号', hours: '工作日', phone: '0000-1234567' },
      },
      'test',
    );
    const notice = await app.inject({
      method: 'GET',
      url: `/api/agencies/bureau/requests/${id}/letters/extension-notice?format=pdf`,
      headers: as('wang'),
    });
    assert.equal(notice.statusCode, 200, notice.body);
    const letter = (await extractPdfLines(notice.rawPayload)).flat().join('').replace(/\s/g, '');
    assert.match(letter, /档案分散在三个科室/);
    assert.match(letter, /2025年4月15日/);
    assert.doesNotMatch(letter, /（请|＿＿|XX/, 'no prompt or blank left in the letter');
    // Twice-submitted approval: the second finds nothing pending.
    assert.equal((await act('li', { type: 'approve', on: today })).json().error.code, 'nothing-to-approve');

    const audit = await context.handle.db
      .selectFrom('request_events')
      .select(['type', 'actor'])
      .where('request_id', '=', id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.slice(-2).map((e) => [e.type, e.actor]),
      [
        ['extension-requested', 'wang'],
        ['extension-granted', 'li'],
      ],
    );
  } finally {
    await context.close();
  }
});

test('an agency that does not separate duties lets an approver grant in one step', async () => {
  const context = await setUp();
  try {
    const { app, headers } = context;
    const as = (who: string) => headers[who]!;
    const { settings: current } = (
      await app.inject({
        method: 'GET',
        url: '/api/agencies/bureau/disclosure-settings',
        headers: as('boss'),
      })
    ).json();
    assert.equal(current.separationOfDuties, true, 'on by default');
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/agencies/bureau/disclosure-settings',
      headers: as('boss'),
      payload: { ...current, separationOfDuties: false },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const id = await register(context, 'wang', { type: 'natural', name: '张三' });
    const granted = await app.inject({
      method: 'POST',
      url: `/api/agencies/bureau/requests/${id}/actions`,
      headers: as('wang'),
      payload: {
        type: 'grant-extension',
        workingDays: 10,
        approvedOn: today,
        noticeSentOn: today,
        reason: '量大',
      },
    });
    assert.equal(granted.statusCode, 200, granted.body);
    assert.equal(granted.json().extension.approvedBy, 'wang');
  } finally {
    await context.close();
  }
});
