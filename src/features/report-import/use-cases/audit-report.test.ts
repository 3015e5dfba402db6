import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { auditReportText } from './audit-report.ts';

test('a cell left uncertain in a page’s run-together text is shown with its row as the table prints it', () => {
  const text = readFileSync(
    new URL('../../../../test-support/fixtures/reports/real/pingtan-2023.txt', import.meta.url),
    'utf8',
  );
  const audit = auditReportText(text);
  // 行政规范性文件77132470: three numbers run together more than one way.
  assert.deepEqual(Object.keys(audit.reading.ambiguous).sort(), [
    't2.normative_docs.in_force',
    't2.normative_docs.made',
    't2.normative_docs.repealed',
  ]);
  for (const cell of Object.keys(audit.reading.ambiguous))
    assert.match(
      audit.unreadContext[cell]!,
      /^行政规范性文件77132470第二十条/,
      'the table’s row, not the prose',
    );
  assert.ok(audit.unreadContext['t2.normative_docs.made']!.length <= 400);
});
