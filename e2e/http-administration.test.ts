/**
 * Administration over HTTP: the agency tree (add an agency below one's own with its level, jurisdiction
 * and reconsideration organ; never beside or above it; each change audited) and the calendar (the
 * notice read and shown with the periods it would move, nothing saved; then imported, the open case's
 * due date moved; only an administrator of the top agency; a bad notice refused, nothing changed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signedInApp } from './signed-in-app.ts';
import { fixture } from './run-cli.ts';
import { listAudit } from '../src/platform/audit/audit-log.ts';

const NOTICE = readFileSync(fixture('calendar/test-notice-2027.txt'), 'utf8');

async function setUp(today = '2026-12-20') {
  return signedInApp({
    agencies: [
      { id: 'city', name: '某市人民政府', level: 'city' },
      { id: 'bureau', name: '某市教育局', parentId: 'city' },
      { id: 'other', name: '某市民政局', parentId: 'city' },
    ],
    accounts: [
      ['cityadmin', 'city', 'admin'],
      ['bureauadmin', 'bureau', 'admin'],
      ['officer', 'bureau', 'officer'],
    ],
    today,
  });
}

test('an administrator adds an agency below their own, with its level, jurisdiction and organ', async () => {
  const context = await setUp();
  try {
    const { app, headers } = context;
    const post = (who: string, url: string, payload: object) =>
      app.inject({ method: 'POST', url, headers: headers[who]!, payload });
    const created = await post('bureauadmin', '/api/agencies/bureau/agencies', {
      id: 'bureau-school',
      name: '某市第一中学',
      level: 'department',
      jurisdiction: 'CN',
      reconsiderationOrgan: '某市教育局',
    });
    assert.equal(created.statusCode, 201, created.body);
    const tree = (
      await app.inject({ method: 'GET', url: '/api/agencies/bureau/agencies', headers: headers.bureauadmin! })
    ).json().agencies;
    assert.deepEqual(
      tree.map((a: { id: string; parentId?: string; reconsiderationOrgan: string | null }) => [
        a.id,
        a.parentId,
        a.reconsiderationOrgan,
      ]),
      [
        ['bureau', 'city', null],
        ['bureau-school', 'bureau', '某市教育局'],
      ],
    );
    // The letters of the new agency name the organ it was given.
    const settings = (
      await app.inject({
        method: 'GET',
        url: '/api/agencies/bureau-school/disclosure-settings',
        headers: headers.bureauadmin!,
      })
    ).json();
    assert.equal(settings.settings.letters.reconsiderationOrgan, '某市教育局');

    const refusals: Array<[string, string, object, number, string]> = [
      [
        'bureauadmin',
        '/api/agencies/other/agencies',
        { id: 'x-one', name: '某机关', level: 'department' },
        403,
        'forbidden',
      ],
      [
        'officer',
        '/api/agencies/bureau/agencies',
        { id: 'x-two', name: '某机关', level: 'department' },
        403,
        'forbidden',
      ],
      [
        'bureauadmin',
        '/api/agencies/bureau/agencies',
        { id: 'bureau-school', name: '另一个', level: 'department' },
        409,
        'conflict',
      ],
      [
        'bureauadmin',
        '/api/agencies/bureau/agencies',
        { id: 'x-three', name: '某市第一中学', level: 'department' },
        409,
        'conflict',
      ],
      [
        'bureauadmin',
        '/api/agencies/bureau/agencies',
        { id: 'X Y', name: '某机关', level: 'department' },
        400,
        'invalid-request',
      ],
      [
        'bureauadmin',
        '/api/agencies/bureau/agencies',
        { id: 'x-four', name: '某机关', level: 'ministry' },
        400,
        'invalid-request',
      ],
      [
        'bureauadmin',
        '/api/agencies/bureau/agencies',
        { id: 'x-five', name: '某机关', level: 'department', jurisdiction: 'xinjiang' },
        400,
        'invalid-request',
      ],
    ];
    for (const [who, url, body, status, code] of refusals) {
      const answer = await post(who, url, body);
      assert.deepEqual(
        [answer.statusCode, answer.json().error.code],
        [status, code],
        `${who} ${JSON.stringify(body)}`,
      );
      assert.ok(answer.json().error.message.length > 0);
    }
    // The city's administrator changes the new agency's level (it is below the city too).
    const changed = await app.inject({
      method: 'PUT',
      url: '/api/agencies/city/agencies/bureau-school',
      headers: headers.cityadmin!,
      payload: { name: '某市第一中学', level: 'department', jurisdiction: 'CN-XZ', reconsiderationOrgan: '' },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().jurisdiction, 'CN-XZ');
    const outOfScope = await app.inject({
      method: 'PUT',
      url: '/api/agencies/bureau/agencies/other',
      headers: headers.bureauadmin!,
      payload: { name: '改名', level: 'department' },
    });
    assert.equal(outOfScope.statusCode, 403);
    const audit = await listAudit(context.handle.db);
    assert.deepEqual(
      audit.filter((e) => e.action.startsWith('agency.')).map((e) => [e.action, e.actor, e.subject]),
      [
        ['agency.create', 'bureauadmin', 'agencies/bureau-school'],
        ['agency.update', 'cityadmin', 'agencies/bureau-school'],
      ],
    );
  } finally {
    await context.close();
  }
});

test('the notice is shown with the periods it would move; imported, it moves them; a bad one changes nothing', async () => {
  const context = await setUp('2027-01-14');
  try {
    const { app, headers } = context;
    const created = await app.inject({
      method: 'POST',
      url: '/api/agencies/bureau/requests',
      headers: headers.officer!,
      payload: {
        channel: 'in-person',
        submittedOn: '2027-01-14',
        applicant: { type: 'natural', name: '张三' },
        application: { description: '某校舍改造项目的资金使用情况', delivery: 'pickup' },
      },
    });
    const id = created.json().id as string;
    const dueOn = async () =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/agencies/bureau/requests/${id}`,
          headers: headers.officer!,
        })
      ).json().deadline.dueOn;
    assert.equal(await dueOn(), '2027-02-17', 'before the notice: 除夕 to the 6th day of 春节 off');
    const body = { year: 2027, jurisdiction: 'CN', text: NOTICE, source: '测试通知' };
    const send = (who: string, what: 'preview' | 'import', payload: object = body) =>
      app.inject({
        method: 'POST',
        url: `/api/agencies/city/calendar/${what}`,
        headers: headers[who]!,
        payload,
      });

    const preview = await send('cityadmin', 'preview');
    assert.equal(preview.statusCode, 200, preview.body);
    assert.equal(preview.json().imported, false);
    assert.equal(preview.json().year.makeupWorkdays['2027-02-13'], '春节');
    assert.deepEqual(preview.json().moved, [
      {
        agencyId: 'bureau',
        caseId: id,
        what: 'reply',
        before: '2027-02-17',
        after: '2027-02-18',
        label: '答复期限',
      },
    ]);
    assert.equal(await dueOn(), '2027-02-17', 'a preview saves nothing');
    const listed = (
      await app.inject({ method: 'GET', url: '/api/agencies/city/calendar', headers: headers.cityadmin! })
    ).json();
    assert.equal(listed.years.filter((y: { year: number }) => y.year === 2027).length, 0);

    // Not an administrator of the top agency: the calendar applies to all, it is not theirs to change.
    assert.equal((await send('bureauadmin', 'import')).statusCode, 403);
    assert.equal((await send('officer', 'import')).statusCode, 403);
    const bad = await send('cityadmin', 'import', {
      ...body,
      text: '一、元旦：1月1日（周四）至3日（周六）放假，共3天。',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /2027-01-01 是周五，通知写的是周四/);
    assert.equal(await dueOn(), '2027-02-17');

    const imported = await send('cityadmin', 'import');
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal(imported.json().moved.length, 1);
    assert.equal(await dueOn(), '2027-02-18', 'the server counts on the new calendar at once');
    const after = (
      await app.inject({ method: 'GET', url: '/api/agencies/city/calendar', headers: headers.cityadmin! })
    ).json();
    assert.deepEqual(
      after.years.map((y: { year: number; source: string; importedBy: string }) => [
        y.year,
        y.source,
        y.importedBy,
      ]),
      [[2027, '测试通知', 'cityadmin']],
    );
    const audit = await listAudit(context.handle.db);
    assert.equal(audit.filter((e) => e.action === 'calendar.import').length, 1, 'the preview left no entry');
    // An agency with cases keeps its jurisdiction: its periods were counted on it.
    const moved = await app.inject({
      method: 'PUT',
      url: '/api/agencies/city/agencies/bureau',
      headers: headers.cityadmin!,
      payload: { name: '某市教育局', level: 'department', jurisdiction: 'CN-XZ' },
    });
    assert.deepEqual([moved.statusCode, moved.json().error.code], [409, 'conflict']);
  } finally {
    await context.close();
  }
});
