import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLedger } from './load-ledger.ts';
import { ledgerFacts, ledgerRecordsBehind } from '../domain/ledger.ts';
import { buildAnnualReport, selectorForCell, hasErrors } from '../../annual-report/index.ts';

const dir = new URL('../../../../test-support/fixtures/ledger-2024/', import.meta.url);
const path = (name: string) => fileURLToPath(new URL(name, dir));
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  cells: Record<string, number>;
};

const files = {
  requests: path('requests.csv'),
  reviews: path('reviews.csv'),
  documents: path('documents.csv'),
  figures: path('figures.json'),
};

test('the synthetic 2024 ledger yields exactly its expected report', async () => {
  const load = await loadLedger(files, 2024);
  assert.ok(load.ok, JSON.stringify(!load.ok && load.problems.slice(0, 3)));
  const report = buildAnnualReport(ledgerFacts(load.ledger, 2024, 'filed-in-year'), {
    year: 2024,
    agencyName: '某某市某某局',
  });
  assert.deepEqual(report.cells, expected.cells);
  assert.equal(hasErrors(report.checks), false);
});

test('every request cell lists exactly as many records as it counts', async () => {
  const load = await loadLedger(files, 2024);
  assert.ok(load.ok);
  for (const [cell, value] of Object.entries(expected.cells)) {
    const selector = selectorForCell(cell);
    assert.ok(selector, cell);
    if (selector.source === 'figures') continue;
    assert.equal(ledgerRecordsBehind(load.ledger, selector, 2024, 'filed-in-year').length, value, cell);
  }
});

const zh = new URL('../../../../test-support/fixtures/ledger-2024-zh/', import.meta.url);
const zhPath = (name: string) => fileURLToPath(new URL(name, zh));

test('the same ledger as XLSX with Chinese headers, labels and mixed date styles yields the same report', async () => {
  const load = await loadLedger(
    {
      requests: zhPath('依申请公开台账.xlsx'),
      reviews: zhPath('复议诉讼台账.xlsx'),
      documents: zhPath('规范性文件目录.xlsx'),
      figures: zhPath('数据.json'),
    },
    2024,
  );
  assert.ok(load.ok, JSON.stringify(!load.ok && load.problems.slice(0, 3)));
  const report = buildAnnualReport(ledgerFacts(load.ledger, 2024, 'filed-in-year'), {
    year: 2024,
    agencyName: '某某市某某局',
  });
  assert.deepEqual(report.cells, expected.cells);
});

test('a requests CSV saved by Excel in GB18030 reads the same as UTF-8', async () => {
  const gbk = await loadLedger({ requests: zhPath('依申请公开台账-gbk.csv') }, 2024);
  const utf8 = await loadLedger({ requests: files.requests }, 2024);
  assert.ok(gbk.ok && utf8.ok);
  assert.deepEqual(
    gbk.ledger.requests.map((r) => [r.id, r.receivedOn, r.applicantType, r.outcome, r.completedOn]),
    utf8.ledger.requests.map((r) => [r.id, r.receivedOn, r.applicantType, r.outcome, r.completedOn]),
  );
});
