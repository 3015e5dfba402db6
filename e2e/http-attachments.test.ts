/**
 * Attachments, co-issuers and forwarding as the drafter and the public meet them: only the file kinds
 * agencies publish, checked by content and size; nothing of an unpublished document reaches the portal.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Document, Packer, Paragraph } from 'docx';
import { multipartFile, signedInApp, type SignedInApp } from './signed-in-app.ts';
import { lyingZip } from '../test-support/hostile-files.ts';

let app: FastifyInstance;
let headers: Record<string, Record<string, string>>;
let context: SignedInApp;

before(async () => {
  context = await signedInApp({
    agencies: [
      { id: 'civil', name: '某市民政局' },
      { id: 'province', name: '某省民政厅' },
    ],
    accounts: [
      ['drafter', 'civil', 'officer'],
      ['reviewer', 'civil', 'approver'],
      ['province', 'province', 'officer'],
      ['provinceReviewer', 'province', 'approver'],
    ],
    today: '2025-03-05',
  });
  ({ app, headers } = context);
});
after(() => context?.close());

function upload(documentId: string, fileName: string, content: Buffer) {
  const { contentType, payload } = multipartFile(fileName, content);
  return app.inject({
    method: 'POST',
    url: `/api/agencies/civil/documents/${documentId}/attachments`,
    headers: { ...headers.drafter, 'content-type': contentType },
    payload,
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('a draft takes a PDF, refuses other kinds, fakes and oversize files; the portal shows it only once published', async () => {
  const drafted = await app.inject({
    method: 'POST',
    url: '/api/agencies/civil/documents',
    headers: headers.drafter,
    payload: {
      title: '关于做好养老服务补贴发放工作的通知',
      formedOn: '2025-03-03',
      category: '养老服务',
      body: '详见附件。',
      coIssuers: ['某市财政局', '某市卫生健康委员会'],
      attribute: { attribute: 'proactive' },
    },
  });
  assert.equal(drafted.statusCode, 201, drafted.body);
  const id = drafted.json().id as string;

  const pdf = await upload(id, '补贴标准表.pdf', PDF);
  assert.equal(pdf.statusCode, 201, pdf.body);
  assert.deepEqual(
    [pdf.json().id, pdf.json().fileName, pdf.json().mediaType],
    ['A01', '补贴标准表.pdf', 'application/pdf'],
  );
  const exe = await upload(id, 'setup.exe', Buffer.from('MZ\x90\x00'));
  assert.deepEqual([exe.statusCode, exe.json().error.code], [415, 'unsupported-media-type']);
  assert.match(exe.json().error.message, /不接受“\.exe”类型的附件/);
  const fake = await upload(id, '伪装.pdf', Buffer.from('<script>alert(1)</script>'));
  assert.deepEqual([fake.statusCode, fake.json().error.details.code], [415, 'attachment-content-mismatch']);
  const empty = await upload(id, '空.pdf', Buffer.alloc(0));
  assert.deepEqual([empty.statusCode, empty.json().error.code], [422, 'attachment-empty']);
  const huge = await upload(id, '大.pdf', Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]));
  assert.equal(huge.statusCode, 413);
  const listed = await app.inject({
    method: 'GET',
    url: `/api/agencies/civil/documents/${id}/attachments`,
    headers: headers.drafter,
  });
  assert.deepEqual(
    listed.json().attachments.map((a: { id: string }) => a.id),
    ['A01'],
    'nothing refused was stored',
  );

  const portalFile = `/agencies/civil/documents/${id}/attachments/A01`;
  assert.equal(
    (await app.inject({ method: 'GET', url: portalFile })).statusCode,
    404,
    'not public before publication',
  );
  for (const [as, type] of [
    ['drafter', 'submit-for-review'],
    ['reviewer', 'approve'],
    ['drafter', 'publish'],
  ] as const)
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: `/api/agencies/civil/documents/${id}/steps`,
          headers: headers[as],
          payload: { type },
        })
      ).statusCode,
      200,
    );
  const late = await upload(id, '补充.pdf', PDF);
  assert.deepEqual([late.statusCode, late.json().error.code], [422, 'not-editable']);

  const file = await app.inject({ method: 'GET', url: portalFile });
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(String(file.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);
  assert.deepEqual(file.rawPayload, PDF);
  const page = (await app.inject({ method: 'GET', url: `/agencies/civil/documents/${id}` })).body;
  assert.match(page, /补贴标准表\.pdf/);
  assert.match(page, /某市财政局、某市卫生健康委员会/);
});

function draftAt(agencyId: string, account: string, payload: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: `/api/agencies/${agencyId}/documents`,
    headers: headers[account],
    payload: { formedOn: '2025-03-04', category: '监督检查', body: '转发。', ...payload },
  });
}

test('a forwarded document inherits the source document’s attribute unless decided anew', async () => {
  const source = await draftAt('civil', 'drafter', {
    title: '关于养老机构安全检查的内部通知',
    formedOn: '2025-03-01',
    attribute: { attribute: 'on-request', article: 'article-16', reason: '内部事务信息' },
  });
  assert.equal(source.statusCode, 201, source.body);
  const forwards = { agencyId: 'civil', documentId: source.json().id };
  const inherited = await draftAt('civil', 'drafter', { title: '转发内部通知', forwards });
  assert.equal(inherited.statusCode, 201, inherited.body);
  assert.deepEqual(inherited.json().attribute, {
    attribute: 'on-request',
    article: 'article-16',
    reason: '内部事务信息',
  });
  const decided = await draftAt('civil', 'drafter', {
    title: '转发内部通知（公开版）',
    forwards,
    attribute: { attribute: 'proactive' },
  });
  assert.deepEqual(decided.json().attribute, { attribute: 'proactive' });
  const missing = await draftAt('civil', 'drafter', {
    title: '转发不存在的文件',
    forwards: { agencyId: 'province', documentId: 'DOC-2025-09999' },
  });
  assert.deepEqual([missing.statusCode, missing.json().error.code], [422, 'forwarded-document-not-found']);
});

test('another agency’s unpublished document cannot be forwarded: the answer is that of a missing one', async () => {
  const internal = await draftAt('province', 'province', {
    title: '关于养老机构安全检查的内部通知',
    attribute: { attribute: 'not-disclosed', article: 'article-14', reason: '涉及国家秘密' },
  });
  assert.equal(internal.statusCode, 201, internal.body);
  const forwarded = await draftAt('civil', 'drafter', {
    title: '转发省厅通知',
    forwards: { agencyId: 'province', documentId: internal.json().id },
  });
  assert.deepEqual(
    [forwarded.statusCode, forwarded.json().error.code],
    [422, 'forwarded-document-not-found'],
  );
  assert.doesNotMatch(forwarded.body, /article-14|not-disclosed|国家秘密/);
  // Once the province publishes a document, any agency may forward it.
  const published = await draftAt('province', 'province', {
    title: '关于养老机构安全检查的通知',
    attribute: { attribute: 'proactive' },
  });
  const id = published.json().id as string;
  await app.inject({
    method: 'POST',
    url: `/api/agencies/province/documents/${id}/steps`,
    headers: headers.province,
    payload: { type: 'submit-for-review' },
  });
  const provinceReviewer = headers.provinceReviewer;
  for (const type of ['approve', 'publish'])
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: `/api/agencies/province/documents/${id}/steps`,
          headers: type === 'approve' ? provinceReviewer : headers.province,
          payload: { type },
        })
      ).statusCode,
      200,
    );
  const ok = await draftAt('civil', 'drafter', {
    title: '转发省厅通知',
    forwards: { agencyId: 'province', documentId: id },
  });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual(ok.json().attribute, { attribute: 'proactive' });
});

test('a Word or Excel attachment that would inflate past the limit on a reader’s machine is refused', async () => {
  const drafted = await draftAt('civil', 'drafter', {
    title: '关于公布补贴标准的通知',
    attribute: { attribute: 'proactive' },
  });
  const id = drafted.json().id as string;
  const bomb = await upload(id, '补贴标准.docx', lyingZip('docx', 1024));
  assert.deepEqual([bomb.statusCode, bomb.json().error.code], [422, 'attachment-unreadable']);
  assert.match(bomb.json().error.message, /疑似压缩炸弹/);
  const honest = Buffer.from(
    await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('补贴标准')] }] })),
  );
  assert.equal((await upload(id, '补贴标准.docx', honest)).statusCode, 201);
});
