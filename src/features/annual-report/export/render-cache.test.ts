import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCache } from './render-cache.ts';
import type { AnnualReport } from '../domain/annual-report.ts';

const report = (n: number) => ({ year: 2025, cells: { 't3.r1.total': n } }) as unknown as AnnualReport;

test('a report renders once per content and format; a changed figure renders anew', async () => {
  let calls = 0;
  const cache = renderCache({ render: async (r, f) => (calls++, Buffer.from(`${f}:${JSON.stringify(r)}`)) });
  const [a, b] = await Promise.all([cache.render(report(1), 'pdf'), cache.render(report(1), 'pdf')]);
  assert.deepEqual(a, b);
  assert.equal(calls, 1, 'two downloads at once share one render');
  await cache.render(report(1), 'docx');
  await cache.render(report(2), 'pdf');
  assert.equal(calls, 3);
  assert.deepEqual(cache.stats().hits, 1);
});

test('at most two renders run at once, and the kept files stay within the budget', async () => {
  let running = 0;
  let most = 0;
  const cache = renderCache({
    budgetBytes: 3_000,
    render: async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running--;
      return Buffer.alloc(1_000);
    },
  });
  await Promise.all(Array.from({ length: 8 }, (_, i) => cache.render(report(i), 'pdf')));
  assert.equal(most, 2);
  assert.ok(cache.stats().bytes <= 3_000, `${cache.stats().bytes} bytes kept`);
  await cache.render(report(7), 'pdf');
  assert.equal(cache.stats().hits, 1, 'the most recent is still kept');
});
