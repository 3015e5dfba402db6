import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  corpusReports,
  scoreReading,
  unclassifiedCells,
  type CorpusScore,
} from '../../../../test-support/report-corpus.ts';
import { auditReportFileHere } from './audit-report-here.ts';

/**
 * The importer on real published reports of many shapes, against the cells a careful person read from
 * each: never a wrong number, and (the goal) at least 98% of the readable cells read.
 */
const reports = corpusReports();
const RIGHT_SHARE_FLOOR = 0.98;

test('the corpus: every real report mapped in full, from public sources', () => {
  assert.ok(reports.length >= 17, `${reports.length} reports`);
  for (const report of reports) {
    assert.deepEqual(
      unclassifiedCells(report),
      [],
      `${report.name}: cells neither read, ambiguous nor unprinted`,
    );
    assert.ok(report.agency && report.year >= 2019 && report.shape, report.name);
  }
});

test('real published reports: cells read right, never a wrong one', async () => {
  const byShape = new Map<string, CorpusScore & { reports: number }>();
  const lines: string[] = [];
  const total = { readable: 0, right: 0, wrong: 0, ambiguous: 0, unread: 0 };
  for (const report of reports) {
    const audit = await auditReportFileHere({
      fileName: report.name,
      bytes: readFileSync(report.file),
    });
    assert.ok(audit.ok, `${report.name}: ${JSON.stringify(!audit.ok && audit.error)}`);
    assert.equal(audit.value.reading.format, report.format, report.name);
    const score = scoreReading(report, audit.value.reading);
    const shape = byShape.get(report.shape) ?? {
      reports: 0,
      readable: 0,
      right: 0,
      wrong: [],
      ambiguous: 0,
      unread: 0,
    };
    shape.reports++;
    shape.readable += score.readable;
    shape.right += score.right;
    shape.wrong.push(...score.wrong);
    shape.ambiguous += score.ambiguous;
    shape.unread += score.unread;
    byShape.set(report.shape, shape);
    total.readable += score.readable;
    total.right += score.right;
    total.wrong += score.wrong.length;
    total.ambiguous += score.ambiguous;
    total.unread += score.unread;
    lines.push(
      `${report.name}: ${score.right}/${score.readable} 读对，${score.wrong.length} 读错，${score.ambiguous} 存疑，${score.unread} 未读`,
    );
    assert.deepEqual(score.wrong, [], `${report.name}: wrong cells`);
  }
  for (const [shape, s] of byShape)
    lines.push(
      `[${shape}] ${s.reports} 份：${s.right}/${s.readable} 读对，${s.wrong.length} 读错，${s.ambiguous} 存疑，${s.unread} 未读`,
    );
  lines.push(
    `[全部] ${reports.length} 份：${total.right}/${total.readable} 读对（${((100 * total.right) / total.readable).toFixed(1)}%），${total.wrong} 读错，${total.ambiguous} 存疑，${total.unread} 未读`,
  );
  console.log(lines.join('\n'));
  assert.ok(total.right / total.readable >= RIGHT_SHARE_FLOOR, `${total.right}/${total.readable} read right`);
});
