/**
 * Filing from a published report whose file does not yield every cell: a preview names each unread cell
 * as the printed table does, with the text around it; the office types the values it reads there; the
 * filing records them as typed, and by whom. Never a cell id in a message to a person.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { multipartFile, signedInApp } from './signed-in-app.ts';
import { fixture } from './run-cli.ts';
import { carriedOverPair } from '../test-support/carried-over-pair.ts';
import { reportFormat } from '../src/features/annual-report/index.ts';
import { databaseFiling } from '../src/main/database-filing.ts';
import type { IsoDate } from '../src/shared/domain/iso-date.ts';

// The published 2021 report of 中卫市民政局, as a 2024 report whose 规范性文件 row cannot be read.
const TEXT = Buffer.from(
  readFileSync(fixture('reports/zhongwei-civil-affairs-2021.txt'), 'utf8')
    .replace('行政规范性文件\t1\t1\t4', '行政规范性文件\t1\t一\t4')
    .replaceAll('2021', '2024'),
);

test('unread cells are shown with their text, typed by the office, and filed as typed', async () => {
  const context = await signedInApp({
    agencies: [{ id: 'water', name: '某市水务局' }],
    accounts: [['office', 'water', ['admin', 'approver']]],
    today: '2025-01-20',
  });
  try {
    const { app, headers } = context;
    const send = (fields: Record<string, string>) => {
      const body = multipartFile('report.txt', TEXT, fields);
      return app.inject({
        method: 'POST',
        url: '/api/agencies/water/filings/2024/import',
        headers: { ...headers.office!, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const preview = await send({ mode: 'preview' });
    assert.equal(preview.statusCode, 200, preview.body);
    const read = preview.json();
    assert.deepEqual([read.format, read.year, read.total - read.read], ['2021', 2024, 3]);
    assert.deepEqual(
      read.unread.map((u: { label: string }) => u.label),
      [
        '表二 第二十条第（一）项 行政规范性文件 本年制发件数',
        '表二 第二十条第（一）项 行政规范性文件 本年废止件数',
        '表二 第二十条第（一）项 行政规范性文件 现行有效件数',
      ],
    );
    assert.match(read.unread[0].context, /行政规范性文件\t1\t一\t4/);
    const versions = async () =>
      (
        await app.inject({ method: 'GET', url: '/api/agencies/water/filings/2024', headers: headers.office! })
      ).json().versions;
    assert.deepEqual(await versions(), [], 'a preview files nothing');

    // Filed without the values: refused, the cells named as printed, no internal id.
    const refused = await send({});
    assert.equal(refused.statusCode, 422);
    assert.match(refused.json().error.message, /表二 第二十条第（一）项 行政规范性文件 本年制发件数/);
    assert.doesNotMatch(refused.json().error.message, /t2\.|normative_docs/);
    // Typing over a cell the file did yield is refused: the file's figure stands.
    const over = await send({ typed: JSON.stringify({ 't3.r1.total': 9 }) });
    assert.equal(over.statusCode, 400);
    assert.equal((await send({ typed: '{"t2.normative_docs.made": "一"}' })).statusCode, 400);

    const filed = await send({
      typed: JSON.stringify({
        't2.normative_docs.made': 1,
        't2.normative_docs.repealed': 1,
        't2.normative_docs.in_force': 4,
      }),
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const version = (
      await app.inject({
        method: 'GET',
        url: '/api/agencies/water/filings/2024/versions/1',
        headers: headers.office!,
      })
    ).json();
    assert.equal(version.report.cells['t2.normative_docs.in_force'], 4);
    assert.deepEqual(version.report.typedCells['t2.normative_docs.in_force'], { value: 4, by: 'office' });
  } finally {
    await context.close();
  }
});

test('last year’s filing here splits a 上年结转 printed run together in the file filed this year', async () => {
  const context = await signedInApp({
    agencies: [{ id: 'county', name: '某县人民政府' }],
    accounts: [['office', 'county', ['admin', 'approver']]],
    today: '2025-01-20',
  });
  try {
    const { app, headers, handle } = context;
    const preview = async () => {
      const body = multipartFile('2024.txt', Buffer.from(carriedOverPair().thisYear), { mode: 'preview' });
      const response = await app.inject({
        method: 'POST',
        url: '/api/agencies/county/filings/2024/import',
        headers: { ...headers.office!, 'content-type': body.contentType },
        payload: body.payload,
      });
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as {
        read: number;
        total: number;
        notes: string[];
        unread: Array<{ cell: string; candidates?: number[] }>;
      };
    };
    // Nothing filed for 2023: the row's digits split more than one way, left for the office to read.
    const alone = await preview();
    assert.deepEqual(alone.unread.find((u) => u.cell === 't3.r2.natural')?.candidates, [1, 11]);

    // 2023 filed here with 11 自然人 and 1 商业企业 carried to the next year: that is the split.
    const cells = Object.fromEntries(reportFormat('2021').cellIds.map((c) => [c, 0]));
    Object.assign(cells, {
      't3.r1.natural': 11,
      't3.r1.org_business': 1,
      't3.r1.total': 12,
      't3.r4.natural': 11,
      't3.r4.org_business': 1,
      't3.r4.total': 12,
    });
    const filing = databaseFiling(handle.db, {
      today: () => '2024-01-20' as IsoDate,
      now: () => '2024-01-20T02:00:00.000Z',
    });
    const filed2023 = await filing.fileFromImport(
      'county',
      2023,
      { format: '2021', year: 2023, cells, unread: [] },
      '2023.txt',
      {},
      'office',
    );
    assert.ok(filed2023.ok, JSON.stringify(!filed2023.ok && filed2023.error));
    const split = await preview();
    assert.equal(split.total - split.read, 0, JSON.stringify(split.unread));
    // The office is told how the row was read.
    assert.ok(
      split.notes.some((n) => /上年结转…”的数字连在一起（按上年报告“结转下年度继续办理”的数字拆分）/.test(n)),
      split.notes.join('\n'),
    );
  } finally {
    await context.close();
  }
});
