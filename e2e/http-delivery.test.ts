/**
 * 电子送达: the case worker attaches the disclosed files to the reply; the applicant downloads them from
 * the status page; the first download of each is recorded on the case as its delivery.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { multipartFile } from './signed-in-app.ts';
import { letterReadyAgency } from './letter-ready-agency.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test('disclosed files are attached, downloaded by the applicant once replied, and the first download is the delivery', async () => {
  const context = await letterReadyAgency();
  try {
    const { app, headers } = context;
    const officer = headers.officer!;
    const created = await app.inject({
      method: 'POST',
      url: '/api/public/agencies/city/applications',
      payload: {
        applicant: { type: 'natural', name: '张三', email: 'zhangsan@example.cn' },
        application: { description: '2024年本市学校布局调整方案', delivery: 'online' },
      },
    });
    const { id, queryCode } = created.json() as { id: string; queryCode: string };
    const base = `/api/agencies/city/requests/${id}`;
    const act = (payload: object) =>
      app.inject({ method: 'POST', url: `${base}/actions`, headers: officer, payload });
    const upload = (name: string, content: Buffer) => {
      const body = multipartFile(name, content);
      return app.inject({
        method: 'POST',
        url: `${base}/files`,
        headers: { ...officer, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    await act({ type: 'confirm-receipt', receivedOn: '2025-03-03' });
    const attached = await upload('布局调整方案.pdf', PDF);
    assert.equal(attached.statusCode, 201, attached.body);
    assert.equal(attached.json().id, 'F01');
    assert.equal((await upload('方案.exe', Buffer.from('MZ\x90\x00'))).statusCode, 415);
    assert.equal((await upload('假的.pdf', Buffer.from('not a pdf'))).statusCode, 415);
    assert.equal((await upload('附表.pdf', PDF)).json().id, 'F02');
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `${base}/files/F02`, headers: officer })).statusCode,
      204,
    );

    // The applicant's page: a form post with the number and the code.
    const page = await app.inject({ method: 'GET', url: '/status' });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!;
    const post = (url: string, fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ formToken: token, id, queryCode, ...fields }).toString(),
      });
    assert.doesNotMatch((await post('/status', {})).body, /布局调整方案\.pdf/, 'nothing before the reply');
    assert.equal((await post('/status/file', { fileId: 'F01' })).statusCode, 404);
    await act({
      type: 'record-reply',
      on: '2025-03-03',
      outcome: 'r3_1',
      legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
      content: { variant: 'provided', disclosed: '布局调整方案' },
    });
    const status = await post('/status', {});
    assert.match(status.body, /公开的信息（电子送达）/);
    assert.match(status.body, /救济途径/);
    assert.match(status.body, /可以自知道该行政行为之日起六十日内向某市人民政府申请行政复议/);
    assert.match(status.body, /布局调整方案\.pdf/);
    const download = await post('/status/file', { fileId: 'F01' });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.deepEqual(download.rawPayload, PDF);
    assert.equal((await post('/status/file', { fileId: 'F01', queryCode: 'WRONGWRONG22' })).statusCode, 404);
    await post('/status/file', { fileId: 'F01' });
    const history = (await app.inject({ method: 'GET', url: base, headers: officer })).json()
      .history as Array<{
      type: string;
      actor: string;
    }>;
    assert.deepEqual(
      history.filter((h) => h.type === 'delivered').map((h) => h.actor),
      ['applicant'],
      'the first download only is the delivery',
    );
    const files = (await app.inject({ method: 'GET', url: `${base}/files`, headers: officer })).json().files;
    assert.ok(files[0].deliveredAt, 'the console sees it delivered');
    assert.match((await post('/status', {})).body, /电子送达/);
    const refused = await app.inject({ method: 'DELETE', url: `${base}/files/F01`, headers: officer });
    assert.equal(refused.statusCode, 409);
  } finally {
    await context.close();
  }
});

test('no file goes with an application that was withdrawn or answered without disclosure', async () => {
  const context = await letterReadyAgency();
  try {
    const { app, headers } = context;
    const created = await app.inject({
      method: 'POST',
      url: '/api/agencies/city/requests',
      headers: headers.officer!,
      payload: {
        channel: 'in-person',
        submittedOn: '2025-03-03',
        applicant: { type: 'natural', name: '李四', phone: '13900000000' },
        application: { description: '某项信息的公开', delivery: 'pickup' },
      },
    });
    const base = `/api/agencies/city/requests/${created.json().id}`;
    await app.inject({
      method: 'POST',
      url: `${base}/actions`,
      headers: headers.officer!,
      payload: {
        type: 'record-reply',
        on: '2025-03-03',
        outcome: 'r3_4_1',
        legalBasis: '《条例》第三十六条第（四）项',
        content: { variant: 'not-held' },
      },
    });
    const body = multipartFile('a.pdf', PDF);
    const answer = await app.inject({
      method: 'POST',
      url: `${base}/files`,
      headers: { ...headers.officer!, 'content-type': body.contentType },
      payload: body.payload,
    });
    assert.deepEqual([answer.statusCode, answer.json().error.code], [422, 'files-not-allowed']);
  } finally {
    await context.close();
  }
});
