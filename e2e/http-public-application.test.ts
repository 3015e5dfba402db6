/**
 * The public application form as a citizen meets it: Post/Redirect/Get to a receipt, a form that files
 * one application however often it is posted (reload, double click, two posts at once), the checks a
 * person expects of their numbers, and errors a screen reader announces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInApp } from './signed-in-app.ts';
import { letterReadyAgency } from './letter-ready-agency.ts';

const withCity = () =>
  signedInApp({
    agencies: [{ id: 'city', name: '某市教育局' }],
    accounts: [['officer', 'city', 'officer']],
    today: '2025-03-03',
  });

type App = Awaited<ReturnType<typeof withCity>>['app'];

/** Opens the form as a browser would: its cookie, its CSRF token and its submission nonce. */
async function openForm(app: App) {
  const page = await app.inject({ method: 'GET', url: '/agencies/city/apply' });
  const cookie = /gk_form=([^;]+)/.exec(String(page.headers['set-cookie']))![1]!;
  const token = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!;
  const submission = /name="submission" value="([^"]+)"/.exec(page.body)![1]!;
  return { cookie: `gk_form=${cookie}`, token, submission };
}

function post(
  app: App,
  form: { cookie: string; token: string; submission: string },
  fields: Record<string, string>,
) {
  return app.inject({
    method: 'POST',
    url: '/agencies/city/apply',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      formToken: form.token,
      submission: form.submission,
      ...fields,
    }).toString(),
  });
}

const good = {
  applicantType: 'natural',
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '138 0000 0000',
  email: 'zhangsan@example.cn',
  description: '2024年本市学校布局调整方案',
  delivery: 'email',
};

async function caseCount(app: App, headers: Record<string, string>): Promise<number> {
  const list = await app.inject({ method: 'GET', url: '/api/agencies/city/requests', headers });
  return list.json().requests.length;
}

test('a posted form redirects to its receipt; reloading it or posting the same form again files nothing more', async () => {
  const context = await withCity();
  try {
    const { app, headers } = context;
    const form = await openForm(app);
    const first = await post(app, form, good);
    assert.equal(first.statusCode, 303);
    const receiptUrl = String(first.headers.location);
    assert.match(receiptUrl, /^\/agencies\/city\/apply\/receipt\?s=[\w-]{22}$/);
    const receipt = await app.inject({ method: 'GET', url: receiptUrl, headers: { cookie: form.cookie } });
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.headers['cache-control'] as string, /no-store/);
    const id = /id="case-id">([^<]+)</.exec(receipt.body)![1]!;
    const code = /id="query-code">([^<]+)</.exec(receipt.body)![1]!;
    assert.match(id, /^YSQ-2025-\d{5}$/);
    assert.match(code, /^[A-Z2-9]{12}$/);
    for (const shown of ['某市教育局', '2024年本市学校布局调整方案', '电子邮件', '2025-03-03'])
      assert.ok(receipt.body.includes(shown), `the receipt shows ${shown}`);
    const reload = await app.inject({ method: 'GET', url: receiptUrl, headers: { cookie: form.cookie } });
    assert.equal(/id="query-code">([^<]+)</.exec(reload.body)![1], code, 'a reload shows the same receipt');
    const again = await post(app, form, good);
    assert.deepEqual([again.statusCode, again.headers.location], [303, receiptUrl]);
    assert.equal(await caseCount(app, headers.officer!), 1);
    // The code works on the status page.
    const status = await app.inject({
      method: 'POST',
      url: '/api/public/status',
      payload: { id, queryCode: code },
    });
    assert.equal(status.statusCode, 200);
    // Another browser with the receipt's address sees the number, never the code.
    const elsewhere = await app.inject({ method: 'GET', url: receiptUrl });
    assert.ok(elsewhere.body.includes(id));
    assert.ok(!elsewhere.body.includes(code));
    const unknown = await app.inject({
      method: 'GET',
      url: '/agencies/city/apply/receipt?s=AAAAAAAAAAAAAAAAAAAAAA',
    });
    assert.equal(unknown.statusCode, 404);
  } finally {
    await context.close();
  }
});

test('the same form posted several times at once files one application', async () => {
  const context = await withCity();
  try {
    const { app, headers } = context;
    const form = await openForm(app);
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(app, form, good)));
    assert.deepEqual(new Set(answers.map((a) => a.statusCode)), new Set([303]));
    assert.equal(new Set(answers.map((a) => a.headers.location)).size, 1);
    assert.equal(await caseCount(app, headers.officer!), 1);
    const second = await openForm(app);
    await post(app, second, good);
    assert.equal(await caseCount(app, headers.officer!), 2, 'a new form is a new application');
  } finally {
    await context.close();
  }
});

test('numbers are checked as a person expects, and errors are summarised and tied to their fields', async () => {
  const context = await withCity();
  try {
    const { app, headers } = context;
    const form = await openForm(app);
    const refused = async (fields: Record<string, string>, field: string, message: RegExp) => {
      const answer = await post(app, form, { ...good, ...fields });
      assert.equal(answer.statusCode, 400, JSON.stringify(fields));
      assert.match(answer.body, message);
      assert.match(answer.body, new RegExp(`<a href="#${field}">`), 'the summary links to the field');
      assert.match(
        answer.body,
        new RegExp(`id="${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="${field}-error"`),
      );
      assert.match(answer.body, /class="error-summary"\s+role="alert"\s+tabindex="-1"\s+autofocus/);
    };
    await refused({ idNumber: '12345' }, 'idNumber', /身份证号码应为18位/);
    await refused({ idNumber: '110105194912310021' }, 'idNumber', /校验位不正确/);
    await refused({ phone: 'abc' }, 'phone', /电话号码格式不正确/);
    await refused({ email: '' }, 'email', /选择电子邮件获取信息的，请填写电子邮箱/);
    await refused({ delivery: 'paper-post' }, 'address', /选择邮寄纸质文本的，请填写通信地址/);
    await refused(
      { applicantType: 'org_business', name: '某公司', idNumber: '91350100M000100Y44' },
      'idNumber',
      /统一社会信用代码的校验位不正确/,
    );
    assert.equal(await caseCount(app, headers.officer!), 0, 'nothing refused was filed');
    // An organisation's credit code, or another document, is accepted.
    const others: Array<Record<string, string>> = [
      { applicantType: 'org_business', name: '某公司', idNumber: '91350100M000100Y43' },
      { idType: 'other', idNumber: 'E12345678' },
    ];
    for (const fields of others) {
      const fresh = await openForm(app);
      const accepted = await post(app, fresh, { ...good, ...fields });
      assert.equal(accepted.statusCode, 303, JSON.stringify(fields));
    }
  } finally {
    await context.close();
  }
});

test('the status page is the applicant’s view: a plain timeline, the due date, and the letters sent to them as PDF', async () => {
  const context = await letterReadyAgency();
  try {
    const { app, headers } = context;
    const form = await openForm(app);
    const receiptUrl = String((await post(app, form, good)).headers.location);
    const receipt = await app.inject({ method: 'GET', url: receiptUrl, headers: { cookie: form.cookie } });
    const id = /id="case-id">([^<]+)</.exec(receipt.body)![1]!;
    const code = /id="query-code">([^<]+)</.exec(receipt.body)![1]!;
    const act = (body: object) =>
      app.inject({
        method: 'POST',
        url: `/api/agencies/city/requests/${id}/actions`,
        headers: headers.officer!,
        payload: body,
      });
    assert.equal((await act({ type: 'confirm-receipt', receivedOn: '2025-03-03' })).statusCode, 200);
    assert.equal(
      (await act({ type: 'request-clarification', on: '2025-03-03', items: '请写明所需方案的年份' }))
        .statusCode,
      200,
    );
    const page = form.token;
    const status = await app.inject({
      method: 'POST',
      url: '/status',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ formToken: page, id, queryCode: code }).toString(),
    });
    assert.equal(status.statusCode, 200);
    for (const shown of [
      '某市教育局',
      '提交申请',
      '收到申请',
      '告知补正',
      '请写明所需方案的年份',
      '2025-03-17',
      '政府信息公开申请补正告知书',
    ])
      assert.ok(status.body.includes(shown), `the status page shows ${shown}`);
    assert.ok(!status.body.includes('张三') && !status.body.includes('13800000000'), 'no personal data');
    const letter = (fields: Record<string, string>, cookie = form.cookie) =>
      app.inject({
        method: 'POST',
        url: '/status/letter',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ formToken: page, id, queryCode: code, ...fields }).toString(),
      });
    const seq = /name="seq" value="(\d+)"/.exec(status.body)![1]!;
    const pdf = await letter({ kind: 'clarification-notice', seq });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-');
    assert.equal(
      (await letter({ kind: 'clarification-notice', seq, queryCode: 'WRONGWRONG22' })).statusCode,
      404,
    );
    assert.equal((await letter({ kind: 'reply', seq })).statusCode, 404, 'no letter that was not issued');
    assert.equal(
      (await letter({ kind: 'consultation-letter', seq })).statusCode,
      404,
      "never a third party's letter",
    );
    assert.equal((await letter({ kind: 'clarification-notice', seq }, 'gk_form=planted')).statusCode, 403);
    // What the law lets the applicant do next: send the corrected application, withdraw.
    const step = (url: string, fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ formToken: page, id, queryCode: code, ...fields }).toString(),
      });
    assert.match(status.body, /提交补正后的申请/);
    const corrected = await step('/status/clarification', { description: '2024年度本市学校布局调整方案' });
    assert.match(corrected.body, /补正后的申请已提交，答复期限自今日起重新计算/);
    assert.match(corrected.body, /收到补正后的申请/);
    assert.doesNotMatch(corrected.body, /提交补正后的申请：/, 'the 补正 form is gone once it is done');
    const twice = await step('/status/clarification', { description: '2024年度本市学校布局调整方案' });
    assert.match(twice.body, /未能办理：该申请没有待补正事项/);
    // A fee: the applicant says they paid, or asks for a waiver — once each; the officer decides.
    assert.equal(
      (
        await act({
          type: 'issue-fee-notice',
          method: 'per-page',
          pages: 40,
          amountYuan: 100,
          issuedOn: '2025-03-03',
          deliveredOn: '2025-03-03',
          howToPay: '非税收入缴款码',
        })
      ).statusCode,
      200,
    );
    const feePage = await step('/status', {});
    assert.match(feePage.body, /已缴纳信息处理费 100 元/);
    assert.match(feePage.body, /缴费方式：非税收入缴款码/);
    assert.match(
      (await step('/status/paid', { reference: 'FS2025030300123' })).body,
      /已告知受理机关您已缴费/,
    );
    assert.match((await step('/status/paid', { reference: 'again' })).body, /未能办理：已经提交过/);
    assert.match((await step('/status/waiver', { reason: '' })).body, /未能办理：请填写理由/);
    assert.match((await step('/status/waiver', { reason: '低保家庭，无力缴纳' })).body, /减免申请已提交/);
    assert.equal(
      (await act({ type: 'waive-fee', on: '2025-03-03' })).statusCode,
      422,
      'the officer must still give the reason for a waiver',
    );
    const wrongCode = await step('/status/withdraw', { queryCode: 'WRONGWRONG22', confirm: 'yes' });
    assert.equal(wrongCode.statusCode, 404);
    assert.match((await step('/status/withdraw', {})).body, /请勾选确认后再撤回申请/);
    const withdrawn = await step('/status/withdraw', { confirm: 'yes', reason: '已从其他途径获得' });
    assert.match(withdrawn.body, /申请已撤回。/);
    assert.match(withdrawn.body, /政府信息公开申请终止处理告知书/);
    assert.match((await step('/status/withdraw', { confirm: 'yes' })).body, /申请已撤回/);
    const history = await app.inject({
      method: 'GET',
      url: `/api/agencies/city/requests/${id}`,
      headers: headers.officer!,
    });
    assert.deepEqual(
      history
        .json()
        .history.map((h: { type: string; actor: string }) => `${h.type}/${h.actor}`)
        .slice(-2),
      ['waiver-requested/applicant', 'withdrawn/applicant'],
    );
  } finally {
    await context.close();
  }
});

test('a browser gets pages with the site header, never the API’s JSON, and a favicon', async () => {
  const context = await withCity();
  try {
    const { app } = context;
    const accept = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const url of [
      '/no-such-page',
      '/agencies/nope',
      '/agencies/city/documents/DOC-2025-99999',
      '/agencies/city/reports/abc',
    ]) {
      const answer = await app.inject({ method: 'GET', url, headers: accept });
      assert.ok(answer.statusCode >= 400, url);
      assert.match(String(answer.headers['content-type']), /text\/html/, url);
      assert.match(answer.body, /<header class="site"><a href="\/">gongkai 政府信息公开<\/a><\/header>/, url);
      assert.match(answer.body, /rel="icon" href="\/favicon.svg"/, url);
    }
    const icon = await app.inject({ method: 'GET', url: '/favicon.ico' });
    assert.deepEqual([icon.statusCode, icon.headers['content-type']], [200, 'image/svg+xml']);
    const api = await app.inject({ method: 'GET', url: '/api/no-such', headers: accept });
    assert.equal(api.json().error.code, 'not-found', 'the API answers JSON whatever the browser asks');
  } finally {
    await context.close();
  }
});
