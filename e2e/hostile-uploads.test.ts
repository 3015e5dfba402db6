/**
 * Hostile files uploaded to a running server: each is refused with its reason, and meanwhile the
 * server goes on answering others within its usual latency (the files are read in the file sandbox).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signedInApp, type SignedInApp } from './signed-in-app.ts';
import { hugeTableHtml, lyingZip, nestedHtml, pdfOf } from '../test-support/hostile-files.ts';

let context: SignedInApp;
let base: string;

before(async () => {
  context = await signedInApp({
    agencies: [{ id: 'city', name: '某市政府办公室' }],
    accounts: [['supervisor', 'city', 'supervisor']],
    today: '2025-03-03',
  });
  base = await context.app.listen({ host: '127.0.0.1', port: 0 });
});
after(() => context?.close());

/** Polls /api/health every 20 ms while `work` runs: the slowest answer, in milliseconds. */
async function slowestHealthDuring<T>(work: Promise<T>): Promise<{ result: T; slowestMs: number }> {
  let slowestMs = 0;
  let done = false;
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${base}/api/health`);
      assert.equal(response.status, 200);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return { result: await work, slowestMs };
  } finally {
    done = true;
    await poll;
  }
}

function upload(fileName: string, bytes: Buffer): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  return fetch(`${base}/api/agencies/city/report-audits`, {
    method: 'POST',
    headers: context.headers.supervisor!,
    body: form,
  });
}

const ATTACKS: ReadonlyArray<readonly [string, () => Buffer, RegExp]> = [
  ['nested.html', () => nestedHtml(1_000_000), /嵌套层数过多/],
  ['rows.html', () => hugeTableHtml(400_000), /表格行数过多/],
  ['lying.docx', () => lyingZip('docx', 1024), /疑似压缩炸弹/],
  ['lying.xlsx', () => lyingZip('xlsx', 1024), /疑似压缩炸弹/],
  ['stream-bomb.pdf', () => pdfOf({ pages: 1, bombMegabytes: 300 }), /疑似压缩炸弹/],
  ['many-pages.pdf', () => pdfOf({ pages: 20_000 }), /超过 500 页/],
];

for (const [name, make, reason] of ATTACKS)
  test(`uploading ${name}: refused with its reason while health answers as usual`, async () => {
    const bytes = make();
    assert.ok(bytes.length < 20 * 1024 * 1024, `${name} is ${bytes.length} bytes`);
    const { result, slowestMs } = await slowestHealthDuring(upload(name, bytes));
    const body = (await result.json()) as { error: { code: string; message: string } };
    assert.equal(result.status, 400, JSON.stringify(body));
    assert.match(body.error.message, reason);
    assert.ok(slowestMs < 300, `/api/health took ${Math.round(slowestMs)} ms during ${name}`);
  });

test('a real report uploaded meanwhile is still read in full', async () => {
  const report = readFileSync(
    new URL('../test-support/fixtures/reports/variants/zhongwei-civil-affairs-2021.docx', import.meta.url),
  );
  const response = await upload('report.docx', report);
  assert.equal(response.status, 200);
  const body = (await response.json()) as { format: string; cells: Record<string, number> };
  assert.equal(body.format, '2021');
  assert.ok(Object.keys(body.cells).length > 150);
});
