/**
 * Personal data in the staff API: the officer who works the case sees the applicant in full; an
 * approver, a supervisor and an administrator see it masked — in the list, the case, its history, the
 * messages — and may not download letters addressed to the applicant.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { leaveMessage, signedInApp, type SignedInApp } from './signed-in-app.ts';

let context: SignedInApp;
let app: FastifyInstance;
before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'civil', name: '某市民政局' }],
    accounts: [
      ['officer', 'civil', 'officer'],
      ['approver', 'civil', 'approver'],
      ['supervisor', 'civil', 'supervisor'],
      ['admin', 'civil', 'admin'],
    ],
    today: '2026-01-20',
  });
  app = context.app;
});
after(() => context?.close());

const get = (as: string, url: string) => app.inject({ method: 'GET', url, headers: context.headers[as]! });

const applicant = {
  type: 'natural',
  name: '张三丰',
  idNumber: '110101199003074514',
  phone: '13812345678',
  email: 'zhang@example.com',
  address: '北京市东城区某街道某号',
};

test('the case worker sees the applicant in full; every other role sees it masked and gets no letter', async () => {
  const created = await app.inject({
    method: 'POST',
    url: '/api/agencies/civil/requests',
    headers: context.headers.officer!,
    payload: {
      channel: 'in-person',
      submittedOn: '2026-01-19',
      applicant,
      application: { description: '请公开低保名单，我的电话13812345678', delivery: 'email' },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const full = (await get('officer', `/api/agencies/civil/requests/${id}`)).json();
  assert.deepEqual(full.applicant, applicant);
  for (const role of ['approver', 'supervisor', 'admin']) {
    const response = await get(role, `/api/agencies/civil/requests/${id}`);
    assert.equal(response.statusCode, 200);
    const body = response.body;
    for (const secret of ['张三丰', '110101199003074514', '13812345678', 'zhang@example.com', '某街道某号'])
      assert.ok(!body.includes(secret), `${role} sees ${secret}`);
    assert.deepEqual(response.json().applicant, {
      type: 'natural',
      name: '张**',
      idNumber: '110101********4514',
      phone: '138****5678',
      email: 'z***@example.com',
      address: '北京市东城区***',
    });
    const list = await get(role, '/api/agencies/civil/requests');
    assert.equal(list.json().requests[0].applicantName, '张**');
    assert.ok(!list.body.includes('13812345678'));
    const letter = await get(role, `/api/agencies/civil/requests/${id}/letters/reply?format=pdf`);
    assert.equal(letter.statusCode, 403, `${role} may not download a letter addressed to the applicant`);
  }
  assert.equal(
    (await get('officer', '/api/agencies/civil/requests')).json().requests[0].applicantName,
    '张三丰',
  );
});

test('a message author is known to the officer who answers, masked for everyone else', async () => {
  const sent = await leaveMessage(app, 'civil', {
    subject: '补贴何时发放',
    body: '我的身份证110101199003074514，想问补贴何时发放',
    authorName: '李四',
    authorContact: '13987654321',
  });
  assert.equal(sent.statusCode, 201);
  const officer = (await get('officer', '/api/agencies/civil/messages')).json().messages[0];
  assert.deepEqual([officer.authorName, officer.authorContact], ['李四', '13987654321']);
  const supervisor = await get('supervisor', '/api/agencies/civil/messages');
  const masked = supervisor.json().messages[0];
  assert.deepEqual([masked.authorName, masked.authorContact], ['李*', '139****4321']);
  assert.ok(!supervisor.body.includes('110101199003074514'));
});
