/** A report cell's lineage page lists its records a hundred at a time. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signedInApp } from './signed-in-app.ts';
import { importLedger } from '../src/features/ledger-import/index.ts';
import { databaseLedgerStore } from '../src/main/ledger-store.ts';

test('the records behind a cell come a hundred a page, numbered on from page to page', async () => {
  const context = await signedInApp({
    agencies: [{ id: 'city', name: '某市教育局' }],
    accounts: [],
    today: '2025-03-03',
  });
  try {
    const ledger = join(mkdtempSync(join(tmpdir(), 'gongkai-lineage-')), 'requests.csv');
    const rows = Array.from(
      { length: 150 },
      (_, i) => `L-${String(i + 1).padStart(3, '0')},2025-01-06,natural,r3_1,2025-01-20`,
    );
    writeFileSync(ledger, `id,received_on,applicant_type,outcome,completed_on\n${rows.join('\n')}\n`);
    const imported = await importLedger(databaseLedgerStore(context.handle.db), {
      files: { requests: ledger },
      agencyId: 'city',
      year: 2025,
      actor: 'x',
      now: 'now',
      importId: 'i1',
    });
    assert.ok(imported.ok);
    const first = (
      await context.app.inject({ method: 'GET', url: '/agencies/city/reports/2025/cells/t3.r1.natural' })
    ).body;
    assert.match(first, /共 150 条记录/);
    assert.equal((first.match(/<li><code>L-/g) ?? []).length, 100);
    assert.match(first, /第 1\/2 页/);
    const second = (
      await context.app.inject({
        method: 'GET',
        url: '/agencies/city/reports/2025/cells/t3.r1.natural?page=2',
      })
    ).body;
    assert.equal((second.match(/<li><code>L-/g) ?? []).length, 50);
    assert.match(second, /<ol start="101">/);
    assert.match(second, /L-150/);
    const beyond = (
      await context.app.inject({
        method: 'GET',
        url: '/agencies/city/reports/2025/cells/t3.r1.natural?page=99',
      })
    ).body;
    assert.match(beyond, /第 1\/2 页/, 'a page past the end shows the first');
  } finally {
    await context.close();
  }
});
