/** A supervisor uploads a published report and gets its cells, where each was read, and the checks. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { multipartFile, multipartFiles, signedInApp, type SignedInApp } from './signed-in-app.ts';
import { carriedOverPair } from '../test-support/carried-over-pair.ts';
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
  // An older office format: what to save it as.
  const doc = await upload('年报.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  assert.deepEqual(
    [doc.statusCode, doc.json().error.message],
    [
      415,
      '不支持 .doc 文件：可读取 TXT、HTML、MHT、DOCX、PDF、XLSX（旧版 Word 文件请另存为 DOCX 或 PDF 后再核查）',
    ],
  );
  const broken = await upload('report.pdf', Buffer.from('%PDF-1.7 broken'));
  assert.equal(broken.statusCode, 400);
  // Said in Chinese first; the library's own words after it.
  assert.match(
    broken.json().error.message,
    /^PDF 文件已损坏或无法解析：文件结构无效或不完整（程序库的说明：/,
  );
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

function uploadFiles(files: Array<{ field: string; fileName: string; content: Buffer }>) {
  const { contentType, payload } = multipartFiles(files);
  return app.inject({
    method: 'POST',
    url: '/api/agencies/office/report-audits',
    headers: { ...headers.supervisor, 'content-type': contentType },
    payload,
  });
}

test('with last year’s report beside it, 结转 is checked and a run-together 上年结转 is split by it', async () => {
  const pair = carriedOverPair();
  const alone = await uploadFiles([
    { field: 'file', fileName: '2024.txt', content: Buffer.from(pair.thisYear) },
    // A browser's file input left empty: a part with no name and no bytes, not a file.
    { field: 'previous', fileName: '', content: Buffer.alloc(0) },
  ]);
  assert.equal(alone.statusCode, 200, alone.body);
  assert.deepEqual(alone.json().ambiguous['t3.r2.natural'], [1, 11]);
  assert.equal(alone.json().previous, undefined);

  const both = await uploadFiles([
    { field: 'file', fileName: '2024.txt', content: Buffer.from(pair.thisYear) },
    { field: 'previous', fileName: '2023.txt', content: Buffer.from(pair.lastYear) },
  ]);
  assert.equal(both.statusCode, 200, both.body);
  const body = both.json();
  assert.deepEqual(
    ['natural', 'org_business', 'total'].map((c) => body.cells[`t3.r2.${c}`]),
    [11, 1, 12],
  );
  assert.equal(body.ambiguous['t3.r2.natural'], undefined);
  assert.match(body.sources['t3.r2.natural'].text, /按上年报告“结转下年度继续办理”的数字拆分/);
  // Row 四, run together too, then has one split the table's arithmetic allows: read, and said so.
  assert.deepEqual(body.cells['t3.r4.total'], 12);
  assert.ok(
    body.problems.some((p: string) =>
      /结转下年度继续办理”的数字连在一起（111000012），可以拆成 3 种，只有一种与表中其他各行的勾稽关系相符/.test(
        p,
      ),
    ),
    body.problems.join('\n'),
  );
  assert.equal(body.previous.file, '2023.txt');
  assert.equal(body.previous.year, 2023);
  assert.ok(body.previous.repeatedShare > 0.5, 'the two years share most of their text');
  const r6 = body.checks.find((c: { rule: string }) => c.rule === 'R6.total');
  assert.deepEqual([r6.status, r6.lhs, r6.rhs], ['pass', 12, 12]);
});

test('last year’s report is named when it is what cannot be read, and stray or doubled files are refused', async () => {
  const pair = carriedOverPair();
  const thisYear = { field: 'file', fileName: '2024.txt', content: Buffer.from(pair.thisYear) };
  const broken = await uploadFiles([
    thisYear,
    { field: 'previous', fileName: '2023.pdf', content: Buffer.from('%PDF-1.7 broken') },
  ]);
  assert.equal(broken.statusCode, 400);
  assert.match(broken.json().error.message, /^上年报告：PDF 文件已损坏或无法解析/);
  const stray = await uploadFiles([
    thisYear,
    { field: 'attachment', fileName: 'x.txt', content: Buffer.from('x') },
  ]);
  assert.equal(stray.statusCode, 400);
  assert.match(stray.json().error.message, /不认识的文件字段“attachment”/);
  const twice = await uploadFiles([thisYear, { ...thisYear, fileName: 'again.txt' }]);
  assert.equal(twice.statusCode, 400);
  assert.match(twice.json().error.message, /本年度报告只能上传一个文件/);
  const onlyLastYear = await uploadFiles([
    { field: 'previous', fileName: '2023.txt', content: Buffer.from(pair.lastYear) },
  ]);
  assert.equal(onlyLastYear.statusCode, 400);
  assert.match(onlyLastYear.json().error.message, /没有收到本年度报告文件/);
  // Each file within the upload limit, last year's too.
  const huge = await uploadFiles([
    thisYear,
    { field: 'previous', fileName: '2023.txt', content: Buffer.alloc(21 * 1024 * 1024, 0x31) },
  ]);
  assert.deepEqual([huge.statusCode, huge.json().error.code], [413, 'payload-too-large']);
  assert.match(huge.json().error.message, /上年度报告文件不能超过 20 MB/);
  const empty = { field: 'previous', fileName: '', content: Buffer.alloc(0) };
  const many = await uploadFiles([empty, empty, thisYear]);
  assert.deepEqual(
    [many.statusCode, many.json().error],
    [413, { code: 'payload-too-large', message: '一次上传的文件太多' }],
  );
});

function uploadBatch(files: Array<{ field: string; fileName: string; content: Buffer }>) {
  const { contentType, payload } = multipartFiles(files);
  return app.inject({
    method: 'POST',
    url: '/api/agencies/office/report-audits/batch',
    headers: { ...headers.supervisor, 'content-type': contentType },
    payload,
  });
}

test('a batch of reports: a row each, a bad file named with its reason, totals, and 结转 across years', async () => {
  const real = (name: string) => ({
    field: 'files',
    fileName: name,
    content: readFileSync(fixture(`reports/real/${name}`)),
  });
  const response = await uploadBatch([
    real('pingtan-2023.txt'),
    real('pingtan-2024.txt'),
    real('shanghai-gov-office-2019.html'),
    { field: 'files', fileName: 'broken.pdf', content: Buffer.from('%PDF-1.7 broken') },
  ]);
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json();
  assert.deepEqual(
    body.rows.map((r: { file: string }) => r.file),
    ['pingtan-2023.txt', 'pingtan-2024.txt', 'shanghai-gov-office-2019.html', 'broken.pdf'],
  );
  const shanghai = body.rows[2];
  assert.deepEqual(
    [shanghai.agency, shanghai.year, shanghai.cells_read, shanghai.received],
    ['上海市人民政府办公厅', '2019', '198', '859'],
  );
  assert.match(body.rows[3].problem, /PDF 文件已损坏或无法解析/);
  // 平潭 2023 and 2024: three 表二 cells ambiguous in each (行政规范性文件 run together); 上海 read whole.
  assert.equal(body.totals.ambiguous, 6);
  assert.deepEqual(
    body.totals.worst.map((w: { file: string }) => w.file),
    ['pingtan-2023.txt', 'pingtan-2024.txt'],
  );
  // 平潭 2023 → 2024: one pair of consecutive years, its 结转 compared.
  assert.equal(body.carryOver.pairs, 1);
  assert.deepEqual(body.sameYear, [], 'no agency’s year in two files');
});

test('a batch with one agency’s year in two files: one year, and whether they say the same', async () => {
  const file = (fileName: string, path: string) => ({
    field: 'files',
    fileName,
    content: readFileSync(fixture(path)),
  });
  const response = await uploadBatch([
    file('2022.txt', 'reports/008-pingtan-2022.txt'),
    file('2022.html', 'reports/variants/008-pingtan-2022.html'),
  ]);
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.json().sameYear, [
    { agency: '平潭综合实验区', year: 2022, files: ['2022.txt', '2022.html'], differing: [] },
  ]);
});

test('a batch refuses more files than it takes, stray fields and no file at all', async () => {
  const one = { field: 'files', fileName: 'r.txt', content: Buffer.from('x') };
  const many = await uploadBatch(Array.from({ length: 51 }, () => one));
  assert.deepEqual([many.statusCode, many.json().error.message], [413, '一次至多核查 50 个文件']);
  const stray = await uploadBatch([{ ...one, field: 'file' }]);
  assert.equal(stray.statusCode, 400);
  assert.match(stray.json().error.message, /批量核查的文件用 files/);
  const none = await uploadBatch([{ field: 'files', fileName: '', content: Buffer.alloc(0) }]);
  assert.equal(none.statusCode, 400);
  assert.match(none.json().error.message, /没有收到年度报告文件/);
});

test('a batch upload: last year’s report among the files splits this year’s 上年结转 run together', async () => {
  const pair = carriedOverPair();
  const text = (fileName: string, content: string) => ({
    field: 'files',
    fileName,
    content: Buffer.from(content),
  });
  const response = await uploadBatch([text('2024.txt', pair.thisYear), text('2023.txt', pair.lastYear)]);
  assert.equal(response.statusCode, 200, response.body);
  const rows = response.json().rows as Array<Record<string, string>>;
  assert.deepEqual(
    rows.map((r) => [r.file, r.cells_read, r.cells_ambiguous, r.carried_in]),
    [
      ['2024.txt', '200', '0', '12'],
      ['2023.txt', '200', '0', '1'],
    ],
  );
  // Alone, the same file stays uncertain: nothing is guessed.
  const alone = await uploadBatch([text('2024.txt', pair.thisYear)]);
  assert.notEqual(alone.json().rows[0].cells_ambiguous, '0');
});

test('a batch upload with a compilation: a row for each of its reports, and the single upload says it read the first', async () => {
  const text = (name: string) => readFileSync(fixture(`reports/real/${name}`), 'utf8');
  const compilation = Buffer.from([text('pingtan-2024.txt'), text('pingtan-junshan-2022.txt')].join('\n'));
  const response = await uploadBatch([{ field: 'files', fileName: '汇编.txt', content: compilation }]);
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(
    response.json().rows.map((r: Record<string, string>) => [r.file, r.agency, r.year]),
    [
      ['汇编.txt#1/2', '平潭综合实验区', '2024'],
      ['汇编.txt#2/2', '平潭综合实验区君山片区管理局', '2022'],
    ],
  );
  const single = await upload('汇编.txt', compilation);
  assert.equal(single.statusCode, 200, single.body);
  assert.equal(single.json().year, 2024);
  assert.ok(
    single
      .json()
      .problems.includes(
        '这份文件里不止一份年度报告：第一份之后还有 1 份（“平潭综合实验区君山片区管理局2022年”），只读了第一份；批量核查会逐份读出',
      ),
    single.body,
  );
});
