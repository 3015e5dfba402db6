import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, type RunningServer } from './start-server.ts';
import { fixture } from './run-cli.ts';

const expected = JSON.parse(readFileSync(fixture('ledger-2024/expected.json'), 'utf8')) as {
  cells: Record<string, number>;
};
let server: RunningServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test('a fresh start creates the demo agency and says so', async () => {
  assert.match(server.output(), /已创建示范机关“示范市示范局”/);
  const body = (await (await fetch(`${server.url}/api/agencies`)).json()) as {
    agencies: Array<{ id: string; name: string }>;
  };
  assert.deepEqual(
    body.agencies.find((a: { id: string }) => a.id === 'demo'),
    { id: 'demo', name: '示范市示范局', parentId: 'demo-city', jurisdiction: 'CN', level: 'department' },
  );
});

test('the report API answers the expected 2024 report from the database', async () => {
  const response = await fetch(`${server.url}/api/agencies/demo/reports/2024`);
  assert.equal(response.status, 200);
  const report = (await response.json()) as { cells: Record<string, number>; agency: { name: string } };
  assert.deepEqual(report.cells, expected.cells);
  assert.equal(report.agency.name, '示范市示范局');
});

test('every export downloads with its content type and a file name', async () => {
  for (const [format, type, magic] of [
    ['docx', 'wordprocessingml', 'PK'],
    ['xlsx', 'spreadsheetml', 'PK'],
    ['pdf', 'application/pdf', '%PDF'],
  ] as const) {
    const response = await fetch(`${server.url}/api/agencies/demo/reports/2024?format=${format}`);
    assert.equal(response.status, 200, format);
    assert.ok(response.headers.get('content-type')?.includes(type), format);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      new RegExp(`filename\\*=UTF-8''.*\\.${format}`),
    );
    assert.equal(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, magic.length)
        .toString(),
      magic,
    );
  }
});

test('a cell lists the records behind it', async () => {
  const body = (await (
    await fetch(`${server.url}/api/agencies/demo/reports/2024/cells/t3.r2.org_legal`)
  ).json()) as { count: number; recordIds: string[] };
  assert.equal(body.count, expected.cells['t3.r2.org_legal']);
  assert.equal(body.recordIds.length, body.count);
});

test('bad input gets a clear error with a code; nothing is a 500', async () => {
  const cases: Array<[string, number, string]> = [
    ['/api/agencies/demo/reports/20x4', 400, 'invalid-request'],
    ['/api/agencies/demo/reports/1900', 400, 'invalid-request'],
    ['/api/agencies/Nope!/reports/2024', 400, 'invalid-request'],
    ['/api/agencies/ghost/reports/2024', 404, 'agency-not-found'],
    ['/api/agencies/demo/reports/2024?format=exe', 400, 'invalid-request'],
    ['/api/agencies/demo/reports/2024/cells/t3.r9.natural', 404, 'unknown-cell'],
    ['/api/nothing', 404, 'not-found'],
  ];
  for (const [path, status, code] of cases) {
    const response = await fetch(server.url + path);
    assert.equal(response.status, status, path);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, code, path);
    assert.ok(body.error.message.length > 0);
  }
});

test('a posted report JSON is checked; an invalid one is refused with its problems', async () => {
  const report = {
    format: '2021',
    year: 2024,
    agency: { name: 'x' },
    cells: { ...expected.cells, 't3.r1.total': 1 },
  };
  const response = await fetch(`${server.url}/api/report-checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ report }),
  });
  const body = (await response.json()) as { checks: Array<{ rule: string; status: string }> };
  assert.equal(body.checks.find((c) => c.rule === 'R1.total')?.status, 'fail');
  const invalid = await fetch(`${server.url}/api/report-checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ report: { format: 'x' } }),
  });
  assert.equal(invalid.status, 400);
  assert.equal(((await invalid.json()) as { error: { code: string } }).error.code, 'invalid-report');
});

test('the public pages work without JavaScript: index, report with linked numbers, cell lineage', async () => {
  const index = await (await fetch(`${server.url}/`)).text();
  assert.match(index, /<a href="\/agencies\/demo\/reports\/2024">2024年度<\/a>/);
  const page = await fetch(`${server.url}/agencies/demo/reports/2024`);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  const html = await page.text();
  assert.match(html, /示范市示范局2024年政府信息公开工作年度报告/);
  assert.match(
    html,
    /<td class="value" data-cell="t3\.r1\.total"><a href="\/agencies\/demo\/reports\/2024\/cells\/t3\.r1\.total">1290<\/a><\/td>/,
  );
  assert.ok(!/<script/i.test(html));
  const cell = await (await fetch(`${server.url}/agencies/demo/reports/2024/cells/t3.r1.total`)).text();
  assert.match(cell, /共 1290 条记录/);
});

test('the OpenAPI document at /api/docs describes the JSON API, and only it', async () => {
  const document = (await (await fetch(`${server.url}/api/docs/json`)).json()) as {
    paths: Record<string, Record<string, { tags?: string[] }>>;
  };
  const paths = Object.keys(document.paths);
  assert.ok(paths.includes('/api/agencies/{agencyId}/requests/{id}/actions'));
  assert.ok(paths.includes('/api/agencies/{agencyId}/reports/{year}'));
  assert.ok(
    paths.every((p) => p.startsWith('/api/')),
    paths.join(' '),
  );
  assert.deepEqual(document.paths['/api/public/status']?.post?.tags, ['依申请公开（公众）']);
  assert.equal((await fetch(`${server.url}/api/docs/`)).status, 200);
});
