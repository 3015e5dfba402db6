/**
 * Corrupted and hostile files end with a named reason in bounded time and memory, and a fuzz run of
 * mutated reports never crashes the reader.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { extractReportText } from './extract-report-text.ts';
import { readReportText } from '../domain/read-report-text.ts';
import { auditReportFile, extractRefusalMessage } from '../use-cases/audit-report.ts';
import { hugeTableHtml, lyingZip, nestedHtml, pdfOf } from '../../../../test-support/hostile-files.ts';

const folder = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const fixtureText = readFileSync(new URL('008-pingtan-2022.txt', folder), 'utf8');

/** The process's resident memory sampled while `work` runs: its peak growth, in MB. */
async function peakGrowthMb<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number; ms: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = Date.now();
  try {
    const result = await work();
    return {
      result,
      growthMb: (Math.max(peak, process.memoryUsage.rss()) - before) / 1024 / 1024,
      ms: Date.now() - started,
    };
  } finally {
    clearInterval(sampler);
  }
}

const variants = new URL('variants/', folder);
const docx = readFileSync(new URL('zhongwei-civil-affairs-2021.docx', variants));
const pdf = readFileSync(new URL('zhongwei-civil-affairs-2021.pdf', variants));

/** [file name, bytes, what the refusal must say (undefined: read or refused, but never stuck)] */
const CORPUS: ReadonlyArray<readonly [string, () => Buffer, RegExp | undefined]> = [
  ['nested.html', () => nestedHtml(2_000_000), /嵌套层数过多/],
  ['huge-table.html', () => hugeTableHtml(450_000), /表格行数过多/],
  ['many-elements.html', () => Buffer.from(`<body>${'<p>1</p>'.repeat(400_000)}</body>`), /网页元素过多/],
  ['lying.docx', () => lyingZip('docx', 1024), /疑似压缩炸弹/],
  ['lying.xlsx', () => lyingZip('xlsx', 1024), /疑似压缩炸弹/],
  ['stream-bomb.pdf', () => pdfOf({ pages: 1, bombMegabytes: 300 }), /疑似压缩炸弹/],
  ['many-pages.pdf', () => pdfOf({ pages: 20_000 }), /共 20000 页，超过 500 页/],
  ['truncated.docx', () => docx.subarray(0, docx.length >> 1), /压缩包|损坏/],
  ['truncated.pdf', () => pdf.subarray(0, pdf.length >> 1), undefined],
  ['polyglot.docx', () => Buffer.concat([pdf, docx]), /压缩包/],
  ['polyglot.pdf', () => Buffer.concat([pdf, docx]), undefined],
  ['one-line.txt', () => Buffer.from('1'.repeat(1024 * 1024)), undefined],
  ['too-long.txt', () => Buffer.from('政府信息公开'.repeat(1_000_000)), /不像是一份年度报告/],
  // A page saved as one file with a million empty parts, and one whose page is 20 MB of encoded bytes.
  [
    'many-parts.mht',
    () =>
      Buffer.from(
        `Content-Type: multipart/related; boundary="b"\r\n\r\n${'--b\r\n\r\n'.repeat(1_000_000)}--b--`,
      ),
    /没有网页部分/,
  ],
  [
    'encoded.mht',
    () =>
      Buffer.from(
        `Content-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${'=3Cp=3E1'.repeat(2_500_000)}\r\n--b--`,
      ),
    /不像是一份年度报告/,
  ],
];

for (const [name, make, reason] of CORPUS)
  test(`hostile file ${name}: ends in bounded time and memory${reason ? ', refused with its reason' : ''}`, async () => {
    const bytes = make();
    const { result, growthMb, ms } = await peakGrowthMb(() => auditReportFile(name, bytes));
    if (reason) {
      assert.equal(result.ok, false, `${name} was read`);
      assert.match(result.ok ? '' : extractRefusalMessage(result.error), reason);
    }
    assert.ok(ms < 20_000, `${name} took ${ms} ms`);
    assert.ok(growthMb < 700, `${name} grew the process by ${Math.round(growthMb)} MB`);
  });

test('binary junk, a thousand-column table and a long run of digits end quickly with nothing guessed', async () => {
  const junk = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256));
  for (const name of ['junk.pdf', 'junk.docx', 'junk.xlsx'])
    assert.equal((await extractReportText(name, junk)).ok, false, name);
  const started = Date.now();
  const wide = readReportText(
    `本年制发件数\n` +
      `三、收到和处理政府信息公开申请情况\n${Array(1000).fill('1').join('\t')}\n四、政府信息公开行政复议`,
  );
  assert.deepEqual(wide.cells, {});
  const digits = readReportText(fixtureText.replace('713000074', '7'.repeat(5000)));
  assert.ok(!('t3.r1.total' in digits.cells), 'a garbled row is left unread');
  const text = readReportText('政府信息公开工作年度报告 本年制发件数 '.repeat(200_000));
  assert.equal(text.format, '2021');
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
});

test('a dash before a count or an amount leaves the cell unread, never read as a negative number', () => {
  // Found by the fuzz test below: “行政事业性收费 -9116.36” had been read as −9,116.36 万元.
  const at = fixtureText.indexOf('9116.36');
  const reading = readReportText(`${fixtureText.slice(0, at)}-${fixtureText.slice(at)}`);
  assert.ok(!('t2.admin_fees.amount_wan' in reading.cells));
  assert.ok(reading.unread.includes('t2.admin_fees.amount_wan'));
  assert.ok(reading.problems.some((p) => /行政事业性收费.*读到负数 -9116\.36/.test(p)));
  assert.equal(readReportText(fixtureText).cells['t2.admin_fees.amount_wan'], 9116.36);
});

test('fuzz: thousands of mutated reports are read without a crash, and every number read is a count', () => {
  const mutation = fc.record({
    at: fc.nat({ max: fixtureText.length - 1 }),
    remove: fc.nat({ max: 40 }),
    insert: fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9\t |、.（）]{0,20}$/)),
  });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
      let text = fixtureText;
      for (const m of mutations) text = text.slice(0, m.at) + m.insert + text.slice(m.at + m.remove);
      const reading = readReportText(text);
      for (const value of Object.values(reading.cells)) assert.ok(Number.isFinite(value) && value >= 0);
      assert.equal(
        Object.keys(reading.cells).length + reading.unread.length,
        reading.format === '2019' ? 190 + 8 : reading.format ? 200 : reading.unread.length,
      );
    }),
    { numRuns: 2000 },
  );
});

test('fuzz: mutated DOCX, PDF and XLSX bytes end with a reading or a reason, never a crash', async () => {
  for (const kind of ['docx', 'pdf', 'xlsx'] as const) {
    const original = readFileSync(new URL(`variants/zhongwei-civil-affairs-2021.${kind}`, folder));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.nat({ max: 255 })), { maxLength: 20 }),
        async (flips) => {
          const bytes = Buffer.from(original);
          for (const [at, value] of flips) bytes[at] = value;
          const result = await extractReportText(`mutated.${kind}`, bytes);
          if (result.ok) readReportText(result.value.text);
        },
      ),
      { numRuns: kind === 'pdf' ? 60 : 150 },
    );
  }
});

test('a table 三 of 100,000 rows and lines of a million digits: bounded time, a clear reason, nothing read', () => {
  const heading =
    '二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n三、收到和处理政府信息公开申请情况\n';
  const end = '\n四、政府信息公开行政复议、行政诉讼情况\n';
  let started = Date.now();
  const rows = readReportText(
    `${heading}${Array.from({ length: 100_000 }, () => '1.属于国家秘密 1 0 0 0 0 0 1').join('\n')}${end}`,
  );
  // A bound against runaway work (quadratic would take hours), generous for a loaded test machine; the
  // reader's speed is measured in bench/, not here.
  assert.ok(Date.now() - started < 20_000, `100,000 rows took ${Date.now() - started} ms`);
  assert.ok(!Object.keys(rows.cells).some((c) => c.startsWith('t3.')));
  assert.ok(
    rows.problems.some((p) => /表三读到 100000 行数字，远多于格式的行数/.test(p)),
    rows.problems.join('；'),
  );

  started = Date.now();
  const digits = readReportText(
    `${heading}一、本年新收政府信息公开申请数量${'1'.repeat(1_000_000)} 0 0 0 0 0 ${'1'.repeat(1_000_000)}${end}${'7'.repeat(1_000_000)}`,
  );
  assert.ok(Date.now() - started < 20_000, `a million digits took ${Date.now() - started} ms`);
  assert.deepEqual(digits.cells, {}, 'no number of a million digits is read (nor Infinity)');

  // A web row of a few numbers and 200,000 empty cells after them (each ending tried): not read.
  started = Date.now();
  const wide = readReportText(
    `${heading}一、本年新收政府信息公开申请数量\t3\t1${'\t'.repeat(200_000)}${end}`,
  );
  assert.ok(Date.now() - started < 5_000, `200,000 empty cells took ${Date.now() - started} ms`);
  assert.equal(wide.cells['t3.r1.total'], undefined);

  started = Date.now();
  const flat = readReportText(
    `本年制发件数 二、主动公开政府信息情况规章000三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量${'12'.repeat(500_000)}二、上年结转政府信息公开申请数量0000000四、政府信息公开行政复议${'0'.repeat(15)}`,
  );
  assert.ok(
    Date.now() - started < 5_000,
    `a flattened row of a million digits took ${Date.now() - started} ms`,
  );
  assert.equal(flat.cells['t3.r1.total'], undefined);
  assert.ok(
    flat.problems.some((p) => /本年新收政府信息公开申请数量”一行连在一起的数字有 1000000 位/.test(p)),
    flat.problems.join('；'),
  );

  // Markdown: a row of 250,000 empty cells, and 10,000 label lines above a row (each row looks back
  // over the labels above it): bounded, the row with the empty cells not read.
  started = Date.now();
  const pipes = readReportText(
    `${heading}| 四、结转下年度继续办理 | 1 |${' |'.repeat(250_000)}\n${'| 3.其他 |\n'.repeat(10_000)}| 3 | 0 | 0 | 0 | 0 | 0 | 3 |${end}`,
  );
  assert.ok(Date.now() - started < 10_000, `250,000 empty markdown cells took ${Date.now() - started} ms`);
  assert.equal(pipes.cells['t3.r4.total'], undefined);
});

test('a table 二 printed 50,000 times on one line: bounded time, the problems listed at most a hundred and counted', () => {
  const heading = '二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n';
  const table3 = `三、收到和处理政府信息公开申请情况\n${'1.属于国家秘密 1 0 0 0 0 0 1\n'.repeat(20)}四、政府信息公开行政复议`;
  const started = Date.now();
  const reading = readReportText(`${heading}${'规章000行政规范性文件114'.repeat(50_000)}\n${table3}`);
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  assert.equal(reading.problems.length, 101);
  assert.match(reading.problems.at(-1)!, /^另有 \d+ 条问题未列出$/);
  assert.ok(reading.extraRows.length <= 100);
  // What it read is what the page printed (its first 规章 and 行政规范性文件 rows).
  assert.equal(reading.cells['t2.normative_docs.in_force'], 4);
});

test('a table 四 line of 250,000 numbers, and 20,000 table 三 rows of nine: bounded time, said, nothing read from them', () => {
  const heading =
    '二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n三、收到和处理政府信息公开申请情况\n';
  let started = Date.now();
  const four = readReportText(
    `${heading}一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n四、政府信息公开行政复议、行政诉讼情况\n|${' 1 |'.repeat(250_000)}\n五、存在的主要问题`,
  );
  assert.ok(Date.now() - started < 10_000, `250,000 numbers took ${Date.now() - started} ms`);
  assert.ok(!Object.keys(four.cells).some((c) => c.startsWith('t4.')));
  assert.ok(
    four.problems.includes('表四读到 250000 个数字，多于 15 个，看不出各在哪一格，未读'),
    four.problems.join('；'),
  );

  started = Date.now();
  const nines = readReportText(
    `${heading}${'一、本年新收政府信息公开申请数量 1 2 3 4 5 6 7 8 9\n'.repeat(20_000)}二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n四、政府信息公开行政复议`,
  );
  assert.ok(Date.now() - started < 10_000, `20,000 rows of nine took ${Date.now() - started} ms`);
  assert.ok(!Object.keys(nines.cells).some((c) => c.startsWith('t3.r1.')));
  // Each such line named, the first hundred listed and the rest counted.
  assert.equal(nines.problems.length, 101);
  assert.match(
    nines.problems[0]!,
    /^表三第 4 行（一、本年新收政府信息公开申请数量 1 2 3 4 5 6 7 8 9）读到 9 个数字，不成一行/,
  );
  assert.match(nines.problems.at(-1)!, /^另有 \d+ 条问题未列出$/);
});
