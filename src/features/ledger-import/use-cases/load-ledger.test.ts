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
