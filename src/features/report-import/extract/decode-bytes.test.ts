import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractReportText } from './extract-report-text.ts';
import { decodeUnknownText } from './decode-bytes.ts';
import { readReportText } from '../domain/read-report-text.ts';
import { Converter } from 'opencc-js';
import { encodeWith } from '../../../../test-support/legacy-encoding.ts';

const folder = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('008-pingtan-2022.expected.json', folder), 'utf8')) as {
  cells: Record<string, number>;
};
/** The page's article alone, as a crawler or a copy-paste saves it: no <head>, no charset. */
const fragment = readFileSync(new URL('variants/008-pingtan-2022.html', folder), 'utf8')
  .replace(/^[\s\S]*?<body[^>]*>/u, '')
  .replace(/<\/body>[\s\S]*$/u, '');

async function cellsOf(name: string, bytes: Uint8Array) {
  const extracted = await extractReportText(name, bytes);
  assert.ok(extracted.ok, JSON.stringify(!extracted.ok && extracted.error));
  return readReportText(extracted.value.text, extracted.value.layout).cells;
}

test('a UTF-8 page fragment that declares no charset reads as UTF-8, every cell', async () => {
  assert.doesNotMatch(fragment, /charset/iu);
  assert.deepEqual(await cellsOf('fragment.html', Buffer.from(fragment, 'utf8')), expected.cells);
});

test('a GBK page, declared or not, and a page that wrongly declares UTF-8, read as Chinese', async () => {
  const gbk = new Uint8Array(
    // GB18030 bytes of the fragment (TextEncoder only writes UTF-8: encoded through the legacy table).
    Buffer.from(encodeWith('gb18030', fragment)),
  );
  assert.deepEqual(await cellsOf('fragment-gbk.html', gbk), expected.cells);
  const declaredWrongly = Buffer.concat([Buffer.from('<meta charset="utf-8">'), gbk]);
  assert.deepEqual(await cellsOf('wrong-charset.html', declaredWrongly), expected.cells);
});

test('Big5 text is told from GB18030 by what it reads as', () => {
  const text = '本年收到政府資訊公開申請件數：本機關依條例辦理。';
  const big5 = new Uint8Array(encodeWith('big5', text));
  assert.equal(decodeUnknownText(big5), text);
  const gb = new Uint8Array(encodeWith('gb18030', '本年收到政府信息公开申请件数：本机关依条例办理。'));
  assert.equal(decodeUnknownText(gb), '本年收到政府信息公开申请件数：本机关依条例办理。');
});

test('a whole report in Big5 (a Taiwan mirror’s traditional text) reads every cell as the original does', async () => {
  const text = readFileSync(new URL('008-pingtan-2022.txt', folder), 'utf8');
  const big5 = new Uint8Array(encodeWith('big5', Converter({ from: 'cn', to: 'tw' })(text)));
  assert.deepEqual(await cellsOf('mirror-big5.txt', big5), expected.cells);
});

test('UTF-8 decodes to exactly the characters TextDecoder gives: every real report, rare characters, a BOM', () => {
  const real = new URL('real/', folder);
  const texts = [
    ...['008-pingtan-2022.txt', 'variants/008-pingtan-2022.html'].map((name) =>
      readFileSync(new URL(name, folder)),
    ),
    ...['shuyang-ndrc-2023.html', 'shanghai-stc-2024.md', 'shuyang-county-2025.txt'].map((name) =>
      readFileSync(new URL(name, real)),
    ),
    // Characters outside the basic plane (𠀀 of CJK extension B, an emoji), ASCII alone, nothing.
    Buffer.from('\u{20000}平潭\u{1F600} 2023年 ①（一）', 'utf8'),
    Buffer.from('plain ASCII only', 'utf8'),
    Buffer.alloc(0),
  ];
  for (const bytes of texts) assert.equal(decodeUnknownText(bytes), new TextDecoder().decode(bytes));
  const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('表三', 'utf8')]);
  assert.equal(decodeUnknownText(withMark), '表三');
  // A view into a larger buffer: only its own bytes.
  const whole = Buffer.from('前缀表二后缀', 'utf8');
  assert.equal(decodeUnknownText(whole.subarray(6, 12)), '表二');
});

test('UTF-16 (a text editor’s “Unicode”), with its byte-order mark either way round or without one, reads every cell', async () => {
  const text = readFileSync(new URL('zhongwei-civil-affairs-2021.txt', folder), 'utf8');
  const map = JSON.parse(readFileSync(new URL('zhongwei-civil-affairs-2021.expected.json', folder), 'utf8'))
    .cells as Record<string, number>;
  const little = Buffer.from(text, 'utf16le');
  const big = Buffer.from(little).swap16();
  for (const [name, bytes] of [
    ['little-endian with its mark', Buffer.concat([Buffer.from([0xff, 0xfe]), little])],
    ['big-endian with its mark', Buffer.concat([Buffer.from([0xfe, 0xff]), big])],
    ['little-endian without a mark', little],
    ['big-endian without a mark', big],
  ] as const) {
    assert.equal(decodeUnknownText(bytes), text, name);
    assert.deepEqual(await cellsOf('report.txt', bytes), map, name);
  }
  // A page saved so, declaring nothing: read as the UTF-8 page is.
  const page = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fragment, 'utf16le')]);
  assert.deepEqual(await cellsOf('fragment.html', page), expected.cells);
});
