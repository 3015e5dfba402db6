/**
 * 行政复议 and 行政诉讼 recorded on the case they concern, as they happen, and counted in table 四 from
 * those records: filed (尚未审结), then decided (结果维持…); every step audited; what the law and the
 * calendar do not allow refused with a reason.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';
import { listAudit } from '../src/platform/audit/audit-log.ts';

let app: FastifyInstance;
let context: SignedInApp;

before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'civil', name: '某市民政局' }],
    accounts: [
      ['worker', 'civil', 'officer'],
      ['head', 'civil', 'approver'],
    ],
    today: '2025-09-01',
  });
  ({ app } = context);
});
after(() => context?.close());

const call = (method: 'GET' | 'POST', url: string, payload?: object, as = 'worker') =>
  app.inject({ method, url, headers: context.headers[as]!, ...(payload ? { payload } : {}) });

const cell = async (cellId: string) =>
  (await call('GET', `/api/agencies/civil/reports/2025/cells/${cellId}`)).json() as {
    cell: string;
    source: string;
    count: number;
    recordIds: string[];
  };

/** A case submitted at the counter on `submittedOn`, and the address of its proceedings. */
async function registerCase(submittedOn: string) {
  const registered = await call('POST', '/api/agencies/civil/requests', {
    channel: 'in-person',
    submittedOn,
    applicant: { type: 'natural', name: '张三', phone: '13800000000' },
    application: { description: '本市低保对象名单', delivery: 'online' },
  });
  assert.equal(registered.statusCode, 201, registered.body);
  const caseId = registered.json().id as string;
  return { caseId, base: `/api/agencies/civil/requests/${caseId}/proceedings` };
}

test('a reconsideration and a lawsuit about a reply: recorded, counted in table 四, decided, audited', async () => {
  const { caseId, base } = await registerCase('2025-03-03');

  const review = await call('POST', base, { kind: 'review', filedOn: '2025-05-10' });
  assert.equal(review.statusCode, 201, review.body);
  assert.deepEqual(review.json(), {
    id: 'FY-2025-001',
    kind: 'review',
    kindLabel: '行政复议',
    filedOn: '2025-05-10',
    requestId: caseId,
    status: 'pending',
    statusLabel: '尚未审结',
    decidedOn: null,
  });
  const lawsuit = await call('POST', base, { kind: 'lit_after_review', filedOn: '2025-06-20' });
  assert.equal(lawsuit.json().id, 'SS-2025-001');
  assert.deepEqual(
    (await call('GET', base)).json().proceedings.map((p: { id: string }) => p.id),
    ['FY-2025-001', 'SS-2025-001'],
  );

  // Table 四 counts them from the records, and shows which.
  assert.deepEqual(await cell('t4.review.pending'), {
    cell: 't4.review.pending',
    source: 'proceedings',
    count: 1,
    recordIds: ['FY-2025-001'],
  });
  assert.equal((await cell('t4.lit_after_review.total')).count, 1);

  const decided = await call('POST', '/api/agencies/civil/proceedings/FY-2025-001/decision', {
    result: 'corrected',
    decidedOn: '2025-08-01',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  assert.deepEqual([decided.json().status, decided.json().statusLabel], ['corrected', '结果纠正']);
  assert.equal((await cell('t4.review.pending')).count, 0);
  assert.deepEqual((await cell('t4.review.corrected')).recordIds, ['FY-2025-001']);
  // Section 一's sentence counts it too: 行政复议 1 件，其中结果被纠正 1 件.
  const report = (await call('GET', '/api/agencies/civil/reports/2025')).json();
  assert.equal(report.cells['t4.review.total'], 1);

  const audit = (await listAudit(context.handle.db, 'civil')).filter((e) =>
    e.action.startsWith('proceeding.'),
  );
  assert.deepEqual(
    audit.map((e) => [e.action, e.subject, e.actor]),
    [
      ['proceeding.recorded', 'FY-2025-001', 'worker'],
      ['proceeding.recorded', 'SS-2025-001', 'worker'],
      ['proceeding.decided', 'FY-2025-001', 'worker'],
    ],
  );
});

test('what cannot be so is refused with the reason, and nothing is written', async () => {
  const { base } = await registerCase('2025-04-01');
  const refusals: Array<[object, number, string, RegExp]> = [
    [
      { kind: 'review', filedOn: '2025-03-31' },
      422,
      'filed-before-application',
      /早于该政府信息公开申请的提交日期 2025-04-01/,
    ],
    [{ kind: 'review', filedOn: '2025-09-02' }, 422, 'filed-in-future', /还没有到/],
    [{ kind: 'appeal', filedOn: '2025-05-01' }, 400, 'invalid-request', /kind/],
    [{ kind: 'review', filedOn: '2025-02-30' }, 400, 'invalid-request', /filedOn|日期/],
  ];
  for (const [body, status, code, message] of refusals) {
    const refused = await call('POST', base, body);
    assert.deepEqual([refused.statusCode, refused.json().error.code], [status, code], JSON.stringify(body));
    assert.match(JSON.stringify(refused.json().error), message);
  }
  assert.deepEqual((await call('GET', base)).json().proceedings, []);
  const unknownCase = await call('POST', '/api/agencies/civil/requests/YSQ-2025-09999/proceedings', {
    kind: 'review',
    filedOn: '2025-05-01',
  });
  assert.deepEqual([unknownCase.statusCode, unknownCase.json().error.code], [404, 'case-not-found']);

  const recorded = (await call('POST', base, { kind: 'lit_direct', filedOn: '2025-06-01' })).json();
  const decision = `/api/agencies/civil/proceedings/${recorded.id}/decision`;
  const early = await call('POST', decision, { result: 'upheld', decidedOn: '2025-05-31' });
  assert.deepEqual([early.statusCode, early.json().error.code], [422, 'decided-before-filed']);
  assert.equal((await call('POST', decision, { result: 'upheld', decidedOn: '2025-08-15' })).statusCode, 200);
  const again = await call('POST', decision, { result: 'corrected', decidedOn: '2025-08-20' });
  assert.deepEqual([again.statusCode, again.json().error.code], [422, 'already-decided']);
  assert.match(again.json().error.message, /2025-08-15 审结（结果维持）/);
  const unknown = await call('POST', '/api/agencies/civil/proceedings/FY-2025-099/decision', {
    result: 'upheld',
    decidedOn: '2025-08-15',
  });
  assert.deepEqual([unknown.statusCode, unknown.json().error.code], [404, 'not-found']);
  // An approver reads them but does not record them (the case worker does).
  assert.equal((await call('GET', base, undefined, 'head')).statusCode, 200);
  assert.equal((await call('POST', base, { kind: 'review', filedOn: '2025-06-01' }, 'head')).statusCode, 403);
});

test('a record entered wrongly is put right or removed, with the reason; the audit log keeps what it was', async () => {
  const { base } = await registerCase('2025-02-03');
  const recorded = (await call('POST', base, { kind: 'review', filedOn: '2025-04-10' })).json();
  const at = (what: string) => `/api/agencies/civil/proceedings/${recorded.id}/${what}`;
  const noReason = await call('POST', at('correction'), { filedOn: '2025-04-11' });
  assert.deepEqual([noReason.statusCode, noReason.json().error.code], [400, 'invalid-request']);
  const nothing = await call('POST', at('correction'), { reason: '没有要改的' });
  assert.equal(nothing.statusCode, 400);
  const notDecided = await call('POST', at('correction'), { result: 'upheld', reason: '结果登记' });
  assert.deepEqual([notDecided.statusCode, notDecided.json().error.code], [422, 'not-decided']);
  const corrected = await call('POST', at('correction'), {
    filedOn: '2025-04-11',
    reason: '收件日期登记有误',
  });
  assert.equal(corrected.statusCode, 200, corrected.body);
  assert.equal(corrected.json().filedOn, '2025-04-11');
  await call('POST', at('decision'), { result: 'upheld', decidedOn: '2025-07-01' });
  const wrongResult = await call('POST', at('correction'), {
    result: 'other',
    reason: '实为撤回申请，终止审理',
  });
  assert.deepEqual([wrongResult.json().status, wrongResult.json().decidedOn], ['other', '2025-07-01']);
  const impossible = await call('POST', at('correction'), { decidedOn: '2025-04-01', reason: '审结日期' });
  assert.deepEqual([impossible.statusCode, impossible.json().error.code], [422, 'decided-before-filed']);
  assert.equal((await cell('t4.review.other')).recordIds.includes(recorded.id), true);

  const removed = await call('POST', at('removal'), { reason: '误登记：申请人撤回了复议申请前并未提出' });
  assert.equal(removed.statusCode, 200, removed.body);
  assert.equal((await cell('t4.review.other')).recordIds.includes(recorded.id), false);
  assert.deepEqual((await call('GET', base)).json().proceedings, []);
  assert.equal((await call('POST', at('removal'), { reason: '再次撤销' })).statusCode, 404);

  const entries = (await listAudit(context.handle.db, 'civil')).filter((e) => e.subject === recorded.id);
  assert.deepEqual(
    entries.map((e) => e.action),
    [
      'proceeding.recorded',
      'proceeding.corrected',
      'proceeding.decided',
      'proceeding.corrected',
      'proceeding.removed',
    ],
  );
  const last = entries.at(-1)!.detail as { reason: string; before: { result: string; filedOn: string } };
  assert.deepEqual([last.before.result, last.before.filedOn], ['other', '2025-04-11']);
  assert.match(last.reason, /误登记/);
});
