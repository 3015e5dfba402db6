/**
 * Notices that arrive: each step the applicant must know of is e-mailed, with its letter as PDF, through
 * an outbox written with the step — a real SMTP server runs in the test, goes down, and comes back; what
 * could not be sent is kept, listed, and sent on recovery. Without a mail server the office sees what
 * would have been sent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smtpServer, until } from './smtp-server.ts';
import { letterReadyAgency } from './letter-ready-agency.ts';

const applicant = { type: 'natural', name: '张三', email: 'zhangsan@example.cn', phone: '13800000000' };
const application = { description: '2024年本市学校布局调整方案', delivery: 'email' };

async function setup(mailUrl?: string) {
  const context = await letterReadyAgency({
    mail: { ...(mailUrl ? { url: mailUrl } : {}), intervalMs: 100 },
    publicUrl: 'https://gk.example.gov.cn',
  });
  await context.app.ready();
  const { app, headers } = context;
  const created = await app.inject({
    method: 'POST',
    url: '/api/agencies/city/requests',
    headers: headers.officer!,
    payload: { channel: 'in-person', submittedOn: '2025-03-03', applicant, application },
  });
  const id = created.json().id as string;
  const act = (body: object) =>
    app.inject({
      method: 'POST',
      url: `/api/agencies/city/requests/${id}/actions`,
      headers: headers.officer!,
      payload: body,
    });
  const notices = async (query = '') =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/agencies/city/notices${query}`,
        headers: headers.officer!,
      })
    ).json();
  return { ...context, id, act, notices };
}

test('a step the applicant must know of is e-mailed with its letter; an SMTP outage loses nothing', async () => {
  const smtp = await smtpServer();
  const context = await setup(`smtp://127.0.0.1:${smtp.port}`);
  try {
    const { id, act, notices } = context;
    assert.equal(
      (await act({ type: 'request-clarification', on: '2025-03-03', items: '请写明所需方案的年份' }))
        .statusCode,
      200,
    );
    await until('the 补正 notice', () => smtp.received.length === 1);
    const mail = smtp.received[0]!;
    assert.equal(mail.subject, `【某市教育局】政府信息公开申请 ${id}：需要补正`);
    assert.deepEqual(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : [], [
      'zhangsan@example.cn',
    ]);
    assert.match(mail.text ?? '', /需要补正的事项|您的申请需要补正：请写明所需方案的年份/);
    assert.match(mail.text ?? '', new RegExp(`https://gk.example.gov.cn/status\\?id=${id}`));
    assert.equal(mail.attachments.length, 1);
    assert.equal(mail.attachments[0]!.contentType, 'application/pdf');
    assert.equal(mail.attachments[0]!.content.subarray(0, 5).toString(), '%PDF-');
    // The server has the mail before the sender hears back and marks the notice sent.
    await until('the notice marked sent', async () => (await notices()).notices[0].status === 'sent');
    assert.equal((await notices()).notices[0].status, 'sent');

    // The mail server refuses for a while: the reply's notice waits in the outbox, retried.
    smtp.state.refuse = true;
    await act({
      type: 'receive-clarification',
      on: '2025-03-03',
      description: '2024年度本市学校布局调整方案',
    });
    await act({
      type: 'record-reply',
      on: '2025-03-03',
      outcome: 'r3_1',
      legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
      content: { variant: 'provided', disclosed: '布局调整方案全文' },
    });
    await until('a failed attempt', async () =>
      (await notices('?unsent=true')).notices.some(
        (n: { attempts: number; lastError?: string }) => n.attempts > 0 && n.lastError,
      ),
    );
    const waiting = (await notices('?unsent=true')).notices;
    assert.equal(waiting.length, 1, 'only the reply is unsent');
    assert.equal(waiting[0].status, 'pending');
    assert.match(waiting[0].lastError, /451|try again later/);
    assert.equal(smtp.received.length, 1);

    // It comes back: the next attempt is due after the backoff; make it due now, as time would.
    smtp.state.refuse = false;
    await context.handle.db
      .updateTable('notice_outbox')
      .set({ next_attempt_at: '2000-01-01T00:00:00.000Z' })
      .where('status', '=', 'pending')
      .execute();
    await until('the reply notice after the outage', () => smtp.received.length === 2);
    const reply = smtp.received[1]!;
    assert.match(reply.subject ?? '', /已答复/);
    assert.match(reply.text ?? '', /办理结果：予以公开/);
    assert.equal(reply.attachments[0]!.filename, `${id}-政府信息公开申请答复告知书.pdf`);
    await until(
      'the reply notice marked sent',
      async () => (await notices('?unsent=true')).notices.length === 0,
    );
    assert.deepEqual((await notices('?unsent=true')).notices, []);
    // Nothing was sent twice.
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(smtp.received.length, 2);
  } finally {
    await context.close();
    await smtp.close();
  }
});

test('without a mail server nothing is sent, and the office sees what would have been', async () => {
  const context = await setup();
  try {
    const { id, act, notices, app, headers } = context;
    await act({ type: 'request-clarification', on: '2025-03-03', items: '请写明所需方案的年份' });
    const list = await notices();
    assert.equal(list.configured, false);
    assert.equal(list.notices.length, 1);
    assert.equal(list.notices[0].statusLabel, '未配置邮件服务器，未发送');
    const one = await app.inject({
      method: 'GET',
      url: `/api/agencies/city/notices/${list.notices[0].id}`,
      headers: headers.officer!,
    });
    assert.match(one.json().text, /您的申请需要补正：请写明所需方案的年份/);
    assert.equal(one.json().attachment, '政府信息公开申请补正告知书');
    assert.ok(one.json().subject.includes(id));
    // Without an e-mail address there is nothing to send.
    const noEmail = await app.inject({
      method: 'POST',
      url: '/api/agencies/city/requests',
      headers: headers.officer!,
      payload: {
        channel: 'in-person',
        submittedOn: '2025-03-03',
        applicant: { type: 'natural', name: '李四', phone: '13900000000' },
        application: { ...application, delivery: 'pickup' },
      },
    });
    await app.inject({
      method: 'POST',
      url: `/api/agencies/city/requests/${noEmail.json().id}/actions`,
      headers: headers.officer!,
      payload: { type: 'request-clarification', on: '2025-03-03', items: '请写明年份' },
    });
    assert.equal((await notices()).notices.length, 1);
  } finally {
    await context.close();
  }
});
