/**
 * 公众留言 as the public and the officer meet it: leave a message through the form (form token),
 * see it with the query code, the officer answers and publishes it, and the published page shows the
 * message and answer with personal data masked and without the author's name or contact.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';

let app: FastifyInstance;
let officer: Record<string, string>;
let context: SignedInApp;

before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'civil', name: '某市民政局' }],
    accounts: [['officer', 'civil', 'officer']],
    today: '2025-09-26',
  });
  app = context.app;
  officer = context.headers.officer!;
});
after(() => context?.close());

/** Opens the message page like a browser: the form token from the page and its cookie. */
async function openForm(): Promise<{ cookie: string; token: string }> {
  const page = await app.inject({ method: 'GET', url: '/agencies/civil/messages' });
  const token = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { cookie: String(page.headers['set-cookie']).split(';')[0] ?? '', token };
}

const post = (url: string, cookie: string, form: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });

test('a message is left, answered within the working days set, published without personal data', async () => {
  const { cookie, token } = await openForm();
  const forged = await post('/agencies/civil/messages', cookie, { formToken: 'x'.repeat(token.length) });
  assert.equal(forged.statusCode, 403, 'a post without the page’s token is refused');
  const incomplete = await post('/agencies/civil/messages', cookie, { formToken: token, subject: '低保' });
  assert.equal(incomplete.statusCode, 400);
  assert.match(incomplete.body, /请写明留言内容/);

  const sent = await post('/agencies/civil/messages', cookie, {
    formToken: token,
    subject: '低保申请要多久',
    body: '我是张三，电话13812345678，身份证110101199003074518，想问低保申请多久能批下来？',
    authorName: '张三',
    authorContact: '13812345678',
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const id = /id="message-id">([^<]+)</.exec(sent.body)?.[1] ?? '';
  const code = /id="query-code">([^<]+)</.exec(sent.body)?.[1] ?? '';
  assert.equal(id, 'LY-2025-00001');
  // 15 working days from Friday 26 September 2025 across the National Day holiday (1–8 October,
  // with the make-up working days 28 September and 11 October).
  assert.match(sent.body, /将在2025-10-23前答复/);

  const wrong = await post('/agencies/civil/messages/lookup', cookie, {
    formToken: token,
    id,
    queryCode: 'AAAAAAAAAAAA',
  });
  assert.equal(wrong.statusCode, 404);
  const own = await post('/agencies/civil/messages/lookup', cookie, {
    formToken: token,
    id,
    queryCode: code,
  });
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /尚未答复/);

  const list = await app.inject({ method: 'GET', url: '/api/agencies/civil/messages', headers: officer });
  assert.deepEqual(
    list
      .json()
      .messages.map((m: { id: string; authorContact: string; dueOn: string }) => [
        m.id,
        m.authorContact,
        m.dueOn,
      ]),
    [[id, '13812345678', '2025-10-23']],
  );
  assert.doesNotMatch(
    (await app.inject({ method: 'GET', url: '/agencies/civil/messages' })).body,
    /低保申请要多久/,
  );

  const early = await app.inject({
    method: 'POST',
    url: `/api/agencies/civil/messages/${id}/publication`,
    headers: officer,
    payload: { published: true },
  });
  assert.deepEqual([early.statusCode, early.json().error.code], [422, 'not-answered']);
  const answer = {
    text: '一般在受理后30日内审批完毕，可拨打0512-12345678咨询。',
    publish: true,
  };
  const answered = await app.inject({
    method: 'POST',
    url: `/api/agencies/civil/messages/${id}/answer`,
    headers: officer,
    payload: answer,
  });
  assert.equal(answered.statusCode, 200, answered.body);
  const again = await app.inject({
    method: 'POST',
    url: `/api/agencies/civil/messages/${id}/answer`,
    headers: officer,
    payload: answer,
  });
  assert.equal(again.statusCode, 409, 'an answer is not overwritten');

  const published = (await app.inject({ method: 'GET', url: '/agencies/civil/messages' })).body;
  assert.match(published, /低保申请要多久/);
  assert.match(published, /一般在受理后30日内审批完毕/);
  assert.match(published, /\[手机号已隐去\]/);
  assert.match(published, /\[身份证号已隐去\]/);
  assert.match(published, /\[电话已隐去\]/);
  for (const secret of ['13812345678', '110101199003074518', '0512-12345678'])
    assert.ok(!published.includes(secret), `${secret} must not reach the public page`);
  const withAnswer = await post('/agencies/civil/messages/lookup', cookie, {
    formToken: token,
    id,
    queryCode: code,
  });
  assert.match(withAnswer.body, /一般在受理后30日内审批完毕/);

  const report = await app.inject({ method: 'GET', url: '/api/agencies/civil/reports/2025?format=html' });
  assert.match(
    report.body,
    /收到公众留言1件，已答复1件，其中按期答复1件。/,
    'section 一 counts the messages',
  );
});
