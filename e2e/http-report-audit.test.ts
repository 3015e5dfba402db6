/** A supervisor uploads a published report and gets its cells, where each was read, and the checks. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { multipartFile, signedInApp, type SignedInApp } from './signed-in-app.ts';
import { fixture } from './run-cli.ts';

let app: FastifyInstance;
let headers: Record<string, Record<string, string>>;
let context: SignedInApp;

before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'office', name: '某市政府办公室' }],
    accounts: [['supervisor', 'office', 'supervisor']],
    today: '2026-01-20',
  });
  ({ app, headers } = context);
});
after(() => context?.close());

function upload(fileName: string, content: Buffer, as = headers.supervisor) {
  const { contentType, payload } = multipartFile(fileName, content);
  return app.inject({
    method: 'POST',
    url: '/api/agencies/office/report-audits',
    headers: { ...as, 'content-type': contentType },
    payload,
  });
}

test('an uploaded DOCX report is read cell for cell and checked', async () => {
  const response = await upload(
    'report.docx',
    readFileSync(fixture('reports/variants/014-shanghai-gov-office-2025.docx')),
  );
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json();
  assert.deepEqual([body.kind, body.format, body.year], ['docx', '2021', 2025]);
  assert.equal(body.cells['t3.r1.total'], 1295);
  assert.ok(body.sources['t3.r1.total'].line > 0);
  assert.ok(
    body.checks.every(
      (c: { severity: string; status: string }) => c.severity !== 'error' || c.status !== 'fail',
    ),
  );
});

test('what cannot be read is refused with the reason, and only staff may upload', async () => {
  const exe = await upload('setup.exe', Buffer.from('MZ'));
  assert.deepEqual([exe.statusCode, exe.json().error.code], [415, 'unsupported-media-type']);
  const broken = await upload('report.pdf', Buffer.from('%PDF-1.7 broken'));
  assert.equal(broken.statusCode, 400);
  assert.match(broken.json().error.message, /PDF 文件已损坏或无法解析/);
  const anonymous = await upload('report.txt', Buffer.from('x'), {});
  assert.equal(anonymous.statusCode, 401);
});

test('a local row added to table 二 is named, and a LibreOffice-made PDF reads whole', async () => {
  const text = readFileSync(fixture('reports/zhongwei-civil-affairs-2021.txt'), 'utf8').replace(
    '行政规范性文件\t1\t1\t4\n',
    '行政规范性文件\t1\t1\t4\n其他主动公开文件\t12\t3\t40\n',
  );
  const response = await upload('report.txt', Buffer.from(text));
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json();
  assert.deepEqual(body.extraRows, [
    { table: 't2', label: '其他主动公开文件', line: 57, values: [12, 3, 40] },
  ]);
  assert.equal(body.cells['t2.normative_docs.in_force'], 4);
  const pdf = await upload(
    'report.pdf',
    readFileSync(fixture('reports/variants/libreoffice/008-pingtan-2022.pdf')),
  );
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.equal(pdf.json().unread.length, 0);
});
