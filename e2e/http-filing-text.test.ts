/**
 * The report's words, filed: section 六 drafted from the year's fee records (R10 receives them), and R8
 * checked on the text actually filed — a figure the text states that the tables do not is a warning that
 * must be explained before filing, and is kept with the filed version.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInApp } from './signed-in-app.ts';

test('section 六 reports the fees from the records; a figure in the text that the tables contradict must be explained', async () => {
  const context = await signedInApp({
    agencies: [{ id: 'bureau', name: '某市教育局' }],
    accounts: [
      ['officer', 'bureau', 'officer'],
      ['head', 'bureau', ['approver', 'admin']],
    ],
    today: '2026-01-10',
  });
  try {
    const { app, headers } = context;
    const created = await app.inject({
      method: 'POST',
      url: '/api/agencies/bureau/requests',
      headers: headers.officer!,
      payload: {
        channel: 'in-person',
        submittedOn: '2025-12-01',
        applicant: { type: 'natural', name: '张三' },
        application: { description: '某校舍改造项目的资金使用情况', delivery: 'pickup' },
      },
    });
    const id = created.json().id as string;
    const act = async (body: object) => {
      const answer = await app.inject({
        method: 'POST',
        url: `/api/agencies/bureau/requests/${id}/actions`,
        headers: headers.officer!,
        payload: body,
      });
      assert.equal(answer.statusCode, 200, answer.body);
    };
    await act({
      type: 'issue-fee-notice',
      method: 'per-page',
      pages: 40,
      amountYuan: 100,
      issuedOn: '2025-12-01',
      deliveredOn: '2025-12-01',
      howToPay: '非税收入缴款码',
    });
    await act({ type: 'record-payment', on: '2025-12-02', amountYuan: 100 });
    await act({
      type: 'record-reply',
      on: '2025-12-03',
      outcome: 'r3_1',
      legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
      content: { variant: 'provided', disclosed: '资金使用明细表', provision: '电子邮件' },
    });

    const prepared = (
      await app.inject({ method: 'GET', url: '/api/agencies/bureau/filings/2025', headers: headers.head! })
    ).json();
    assert.match(prepared.drafted.s6, /发出收费通知1件、金额100元，实际收取信息处理费1件、共100元，减免0件/);
    const r10 = prepared.report.checks.filter((c: { rule: string }) => c.rule.startsWith('R10'));
    assert.deepEqual(
      r10.map((c: { rule: string; status: string }) => [c.rule, c.status]),
      [
        ['R10.reported', 'pass'],
        ['R10.fee_notices', 'pass'],
      ],
      'R10 receives the fee records',
    );

    const sections = {
      s1: `${prepared.drafted.s1.replace(/（请[^）]*）/g, '')}本年新收政府信息公开申请999件。`.replace(
        /本年新收政府信息公开申请1件/,
        '本年新收政府信息公开申请999件',
      ),
      s5: '本年度政策解读形式较为单一，下一步将增加图解和视频解读。',
      s6: prepared.drafted.s6.replace(/（请[^）]*）/g, '无其他需要报告的事项。'),
    };
    const file = (explanations: object) =>
      app.inject({
        method: 'POST',
        url: '/api/agencies/bureau/filings/2025',
        headers: headers.head!,
        payload: { sections, explanations },
      });
    const unexplained = await file({});
    assert.equal(unexplained.statusCode, 422, unexplained.body);
    assert.equal(unexplained.json().error.code, 'warnings-unexplained');
    assert.deepEqual(
      unexplained.json().error.details.warnings.map((w: { rule: string }) => w.rule),
      ['R8.received'],
      'the text says 999, the table 1',
    );
    const filed = await file({ 'R8.received': '笔误，应为1件；已在公开文本中更正' });
    assert.equal(filed.statusCode, 201, filed.body);
    const version = (
      await app.inject({
        method: 'GET',
        url: '/api/agencies/bureau/filings/2025/versions/1',
        headers: headers.head!,
      })
    ).json();
    const r8 = version.report.checks.find((c: { rule: string }) => c.rule === 'R8.received');
    assert.deepEqual([r8.status, r8.lhs, r8.rhs], ['fail', 999, 1], 'the filed version keeps what was found');
    assert.match(version.report.sections.s6, /实际收取信息处理费1件、共100元/);
  } finally {
    await context.close();
  }
});
