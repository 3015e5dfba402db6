/**
 * Section 一 written from the year's work: the office enters its records (one by one, or a sheet), the
 * report's draft states them in the parts the format names, each sentence resting on the records behind
 * it; a filed year's records cannot change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInApp } from './signed-in-app.ts';

test('the office’s work records become section 一’s sentences, part by part', async () => {
  const context = await signedInApp({
    agencies: [{ id: 'bureau', name: '示范市民政局' }],
    accounts: [
      ['officer', 'bureau', 'officer'],
      ['head', 'bureau', ['approver', 'admin']],
    ],
    today: '2026-01-10',
  });
  try {
    const { app, headers } = context;
    const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, headers: headers[who]!, ...(payload ? { payload } : {}) });
    const one = await call('officer', 'POST', '/api/agencies/bureau/work-records', {
      kind: 'catalogue-revision',
      on: '2025-04-01',
      count: 1,
      subject: '调整“社会救助”栏目',
    });
    assert.equal(one.statusCode, 201, one.body);
    assert.equal(one.json().enteredBy, 'officer');
    const bad = await call('officer', 'POST', '/api/agencies/bureau/work-records', {
      kind: 'new-media-posts',
      on: '2025-04-01',
      count: 3,
    });
    assert.deepEqual([bad.statusCode, bad.json().error.message], [400, '请填写账号']);
    assert.equal(
      (
        await call('head', 'POST', '/api/agencies/bureau/work-records', {
          kind: 'hotline-calls',
          on: '2025-04-01',
          count: 1,
        })
      ).statusCode,
      403,
      'an approver keeps no office records',
    );
    const sheet = [
      '日期,类别,数量,名称',
      '2025-06-30,政务新媒体发布信息,120,“示范民政”微信公众号',
      '2025-12-31,网站栏目更新信息,45,工作动态',
      '2025-12-31,政务信箱来信,18,',
      '2025-05-12,举办政务公开培训,45,政务公开专题培训',
      '2025-09-20,政府开放日活动,30,民政服务开放日',
    ].join('\n');
    const imported = await call('officer', 'POST', '/api/agencies/bureau/work-records/import', {
      text: sheet,
    });
    assert.equal(imported.statusCode, 201, imported.body);
    assert.equal(imported.json().added, 5);
    const refused = await call('officer', 'POST', '/api/agencies/bureau/work-records/import', {
      text: `${sheet}\n2025-13-01,政务热线来电,2,`,
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.message, /第 7 行：日期“2025-13-01”无效/);
    assert.equal(
      (await call('officer', 'GET', '/api/agencies/bureau/work-records?year=2025')).json().records.length,
      6,
      'a sheet with a wrong row adds nothing',
    );

    const drafted = (await call('head', 'GET', '/api/agencies/bureau/filings/2025')).json().drafted
      .s1 as string;
    assert.match(drafted, /（三）政府信息管理情况。本年修订政府信息公开目录1次（调整“社会救助”栏目）。/);
    assert.match(
      drafted,
      /（四）政府信息公开平台建设情况。本年通过政务新媒体发布信息120条（“示范民政”微信公众号120条）；门户网站各栏目更新信息45条（“工作动态”45条）；政务信箱收到来信18件。/,
    );
    assert.match(
      drafted,
      /（五）监督保障情况。本年举办政务公开培训1期、参训45人次（政务公开专题培训）；开展政府开放日活动1次、30人次参加。/,
    );

    // Filed, the year is locked: its records stay as they were.
    const filed = await call('head', 'POST', '/api/agencies/bureau/filings/2025', {
      sections: {
        s1: drafted.replace(/（请[^）]*）/g, ''),
        s5: '政策解读形式较为单一，下一步将增加图解和视频解读。',
        s6: '本年度未收取信息处理费，无其他需要报告的事项。',
      },
      explanations: {},
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const late = await call('officer', 'POST', '/api/agencies/bureau/work-records', {
      kind: 'hotline-calls',
      on: '2025-12-30',
      count: 2,
    });
    assert.deepEqual([late.statusCode, late.json().error.code], [409, 'year-locked']);
    const record = (await call('officer', 'GET', '/api/agencies/bureau/work-records?year=2025')).json()
      .records[0];
    const removal = await call('officer', 'POST', `/api/agencies/bureau/work-records/${record.id}/removal`, {
      reason: '登记错误',
    });
    assert.equal(removal.statusCode, 409);
  } finally {
    await context.close();
  }
});
