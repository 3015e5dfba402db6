/**
 * The ledger (台账) export, round trip: a year's requests and proceedings exported as XLSX, imported into
 * an empty agency by the ledger import, give the same report, cell for cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { signedInApp } from './signed-in-app.ts';
import { importLedger } from '../src/features/ledger-import/index.ts';
import { databaseLedgerStore } from '../src/main/ledger-store.ts';

test('a year exported as the ledger and imported into an empty agency gives the same report, cell for cell', async () => {
  const context = await signedInApp({
    agencies: [
      { id: 'city', name: '某市教育局' },
      { id: 'copy', name: '台账导入局' },
    ],
    accounts: [
      ['officer', 'city', 'officer'],
      ['watcher', 'city', 'supervisor'],
    ],
    today: '2025-03-03',
  });
  try {
    const { app, headers, handle } = context;
    const officer = headers.officer!;
    const register = async (submittedOn: string, type: string, name: string) => {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/agencies/city/requests',
        headers: officer,
        payload: {
          channel: 'in-person',
          submittedOn,
          applicant: { type, name, phone: '13800000000' },
          application: { description: `${name}申请的信息`, delivery: 'pickup' },
        },
      });
      assert.equal(answer.statusCode, 201, answer.body);
      return answer.json().id as string;
    };
    const reply = (id: string, on: string, outcome: string, content: object) =>
      app.inject({
        method: 'POST',
        url: `/api/agencies/city/requests/${id}/actions`,
        headers: officer,
        payload: { type: 'record-reply', on, outcome, legalBasis: '《条例》第三十六条第（四）项', content },
      });
    // Carried in from 2024, replied in 2025; received and replied in 2025; still open; a company's.
    const early = await register('2024-03-04', 'natural', '早已办结');
    assert.equal((await reply(early, '2024-03-20', 'r3_4_1', { variant: 'not-held' })).statusCode, 200);
    const carried = await register('2024-12-20', 'natural', '张三');
    const replied = await register('2025-01-06', 'natural', '李四');
    await register('2025-02-24', 'org_business', '某公司');
    assert.equal((await reply(carried, '2025-01-15', 'r3_4_1', { variant: 'not-held' })).statusCode, 200);
    assert.equal((await reply(replied, '2025-01-20', 'r3_4_1', { variant: 'not-held' })).statusCode, 200);
    const filed = await app.inject({
      method: 'POST',
      url: `/api/agencies/city/requests/${replied}/proceedings`,
      headers: officer,
      payload: { kind: 'review', filedOn: '2025-02-10' },
    });
    assert.equal(filed.statusCode, 201, filed.body);

    const dir = mkdtempSync(join(tmpdir(), 'gongkai-ledger-export-'));
    const files: Record<string, string> = {};
    for (const kind of ['requests', 'reviews'] as const) {
      const exported = await app.inject({
        method: 'GET',
        url: `/api/agencies/city/ledger/2025?kind=${kind}`,
        headers: officer,
      });
      assert.equal(exported.statusCode, 200);
      assert.match(String(exported.headers['content-disposition']), /%E5%8F%B0%E8%B4%A6\.xlsx/);
      files[kind] = join(dir, `${kind}.xlsx`);
      writeFileSync(files[kind], exported.rawPayload);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(files.requests!);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    assert.deepEqual(rows[0]!.slice(1, 6), [
      '申请编号',
      '收到申请日期',
      '申请人类型',
      '办理结果',
      '办结日期',
    ]);
    assert.equal(rows.length - 1, 3, 'the 2024 case finished in 2024 is not in the 2025 ledger');

    const imported = await importLedger(databaseLedgerStore(handle.db), {
      files: { requests: files.requests!, reviews: files.reviews! },
      agencyId: 'copy',
      year: 2025,
      actor: 'officer',
      now: '2025-03-03T08:00:00Z',
      importId: 'round-trip',
    });
    assert.ok(imported.ok, JSON.stringify(imported));
    const report = async (agency: string) =>
      (
        await app.inject({ method: 'GET', url: `/api/agencies/${agency}/reports/2025`, headers: officer })
      ).json().cells as Record<string, number>;
    const [original, copy] = await Promise.all([report('city'), report('copy')]);
    assert.deepEqual(
      [original['t3.r1.total'], original['t3.r2.total'], original['t4.review.pending']],
      [2, 1, 1],
    );
    assert.deepEqual(copy, original);
    // The ledger names applicants: the case worker's only.
    const watcher = await app.inject({
      method: 'GET',
      url: '/api/agencies/city/ledger/2025',
      headers: headers.watcher!,
    });
    assert.equal(watcher.statusCode, 403);
  } finally {
    await context.close();
  }
});
