/**
 * Years before 2021 in the format in force for them: the 2020 report generated, exported and filed in
 * the 2019 trial format (its table 二 partly entered by the agency), and 2021's report, in the 2021
 * format, carrying over from it (R6 across the change of format).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInApp } from './signed-in-app.ts';

test('2020 is reported in the 2019 format and 2021 carries over from it', async () => {
  const context = await signedInApp({
    agencies: [{ id: 'bureau', name: '某区民政局' }],
    accounts: [
      ['officer', 'bureau', 'officer'],
      ['head', 'bureau', ['approver', 'admin']],
    ],
    today: '2022-01-10',
  });
  try {
    const { app, headers } = context;
    const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({ method, url, headers: headers[who]!, ...(payload ? { payload } : {}) });
    // An application of December 2020 still open at the year's end: carried into 2021.
    const created = await call('officer', 'POST', '/api/agencies/bureau/requests', {
      channel: 'in-person',
      submittedOn: '2020-12-28',
      applicant: { type: 'natural', name: '张三' },
      application: { description: '某社区养老服务中心的建设资金', delivery: 'pickup' },
    });
    assert.equal(created.statusCode, 201, created.body);

    const entered = await call('officer', 'PUT', '/api/agencies/bureau/figures/2020', {
      licensing: 40,
      penalty: 5,
      coercion: 1,
      adminFeesWan: 0,
      entered2019: { 't2.licensing.items_prev_year': 12, 't2.licensing.items_change': -2 },
    });
    assert.equal(entered.statusCode, 200, entered.body);
    const wrongYear = await call('officer', 'PUT', '/api/agencies/bureau/figures/2021', {
      licensing: 1,
      penalty: 0,
      coercion: 0,
      adminFeesWan: 0,
      entered2019: { 't2.licensing.items_prev_year': 12 },
    });
    assert.equal(wrongYear.statusCode, 400);
    assert.match(wrongYear.json().error.message, /2021 年度报告使用2021年格式/);
    const notACell = await call('officer', 'PUT', '/api/agencies/bureau/figures/2020', {
      licensing: 1,
      penalty: 0,
      coercion: 0,
      adminFeesWan: 0,
      entered2019: { 't2.licensing.decisions': 3, 't2.penalty.items_prev_year': 1.5 },
    });
    assert.equal(notACell.statusCode, 400);
    assert.match(notACell.json().error.message, /不是需要填报的2019年格式表二单元格/);
    assert.match(notACell.json().error.message, /行政处罚 上一年项目数量应为整数/);

    const report2020 = (await call('head', 'GET', '/api/agencies/bureau/reports/2020?format=json')).json();
    assert.equal(report2020.format, '2019');
    assert.equal(report2020.cells['t2.licensing.items_prev_year'], 12);
    assert.equal(report2020.cells['t2.licensing.decisions'], 40);
    assert.equal(report2020.cells['t3.r4.total'], 1);
    assert.equal(report2020.cells['t3.r3_6.total'], 0);
    const html = (await call('head', 'GET', '/api/agencies/bureau/reports/2020?format=html')).body;
    assert.match(html, /国办公开办函〔2019〕60号/);
    const cell = await call('head', 'GET', '/api/agencies/bureau/reports/2020/cells/t3.r4.total');
    assert.equal(cell.json().recordIds.length, 1, 'lineage of a 2019-format cell');

    const sections = {
      s1: '本年度认真贯彻落实《条例》。',
      s5: '政策解读形式较为单一，下一步将增加图解和视频解读。',
      s6: '本年度未收取信息处理费，无其他需要报告的事项。',
    };
    const filed2020 = await call('head', 'POST', '/api/agencies/bureau/filings/2020', {
      sections,
      explanations: {},
    });
    assert.equal(filed2020.statusCode, 201, filed2020.body);
    const version = (await call('head', 'GET', '/api/agencies/bureau/filings/2020/versions/1')).json();
    assert.equal(version.format, '2019');

    const prepared2021 = (await call('head', 'GET', '/api/agencies/bureau/filings/2021')).json();
    assert.equal(prepared2021.report.format, '2021');
    const r6 = prepared2021.report.checks.find(
      (c: { rule: string }) => c.rule.startsWith('R6') && c.rule.endsWith('total'),
    );
    assert.deepEqual(
      [r6?.status, r6?.lhs, r6?.rhs],
      ['pass', 1, 1],
      'carried over from the 2019-format year',
    );
    const r7 = prepared2021.report.checks.filter((c: { rule: string }) => c.rule.startsWith('R7'));
    assert.ok(
      r7.every((c: { status: string }) => c.status === 'not-applicable'),
      'R7 does not cross the formats',
    );
  } finally {
    await context.close();
  }
});
