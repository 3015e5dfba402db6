/**
 * Corrupted and hostile files end with a named reason in bounded time and memory, and a fuzz run of
 * mutated reports never crashes the reader.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Document, Packer, Paragraph } from 'docx';
import { extractReportText } from './extract-report-text.ts';
import { readReportText } from '../domain/read-report-text.ts';

const folder = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const fixtureText = readFileSync(new URL('008-pingtan-2022.txt', folder), 'utf8');

test('a DOCX that would unpack to more than 200 MB is refused before it is unpacked', async () => {
  const bytes = Buffer.from(
    await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] })),
  );
  // Claim 1 GB in the central directory, as a zip bomb would.
  const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE(1024 * 1024 * 1024, central + 24);
  const result = await extractReportText('bomb.docx', bytes);
  assert.equal(result.ok, false);
  assert.match(
    !result.ok && result.error.code === 'unreadable-file' ? result.error.reason : '',
    /疑似压缩炸弹/,
  );
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
