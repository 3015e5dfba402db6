/**
 * A report page saved as one file (MHTML) as browsers write it — Chrome's (quoted-printable UTF-8, the
 * charset in the page), Internet Explorer's (quoted-printable GB2312 declared on the part), base64 — reads
 * as the page itself does; a file that is no MHTML is refused with the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractReportText } from './extract-report-text.ts';
import { readReportText } from '../domain/read-report-text.ts';
import { encodeWith } from '../../../../test-support/legacy-encoding.ts';

const real = new URL('../../../../test-support/fixtures/reports/real/', import.meta.url);

/** Quoted-printable as mail writers write it: lines of at most 76, = and bytes past ASCII as =XX. */
function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let line = '';
  for (const byte of bytes) {
    if (byte === 0x0a) {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    const piece =
      byte >= 0x20 && byte < 0x7f && byte !== 0x3d
        ? String.fromCharCode(byte)
        : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

const image =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function chrome(html: string): Buffer {
  const boundary = '----MultipartBoundary--x1y2z3----';
  return Buffer.from(
    [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://www.example.gov.cn/art/2020/1/report.html',
      'Subject: =?utf-8?Q?report?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      `\tboundary="${boundary}"`,
      '',
      '',
      `--${boundary}`,
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://www.example.gov.cn/art/2020/1/report.html',
      '',
      quotedPrintable(Buffer.from(`<meta charset="utf-8">${html}`, 'utf8')),
      `--${boundary}`,
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-Location: https://www.example.gov.cn/logo.png',
      '',
      image,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
    'latin1',
  );
}

function internetExplorer(html: string, transfer: 'quoted-printable' | 'base64'): Buffer {
  const boundary = '----=_NextPart_000_0000_01DA4C2B.5F1E6A30';
  const gb = Buffer.from(encodeWith('gb18030', html, [0x3f]));
  return Buffer.from(
    [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      `\tboundary="${boundary}";`,
      '\ttype="text/html"',
      'X-MimeOLE: Produced By Microsoft MimeOLE',
      '',
      'This is a multi-part message in MIME format.',
      '',
      `--${boundary}`,
      'Content-Type: text/html;',
      '\tcharset="gb2312"',
      `Content-Transfer-Encoding: ${transfer}`,
      'Content-Location: http://www.example.gov.cn/report.htm',
      '',
      transfer === 'base64' ? gb.toString('base64').replace(/.{76}/g, '$&\r\n') : quotedPrintable(gb),
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
    'latin1',
  );
}

async function cells(name: string, bytes: Uint8Array) {
  const extracted = await extractReportText(name, bytes);
  assert.ok(extracted.ok, JSON.stringify(!extracted.ok && extracted.error));
  return readReportText(extracted.value.text).cells;
}

for (const page of ['shanghai-gov-office-2019.html', 'shuyang-ndrc-2023.html']) {
  test(`${page} saved as one file, as Chrome and Internet Explorer save it, reads as the page does`, async () => {
    const html = readFileSync(new URL(page, real), 'utf8');
    const map = JSON.parse(readFileSync(new URL(page.replace('.html', '.expected.json'), real), 'utf8'))
      .cells as Record<string, number>;
    const asPage = await cells(page, Buffer.from(html));
    assert.deepEqual(
      Object.keys(map).filter((c) => asPage[c] !== map[c]),
      [],
    );
    assert.deepEqual(await cells('report.mhtml', chrome(html)), asPage, 'Chrome');
    assert.deepEqual(await cells('report.mht', internetExplorer(html, 'quoted-printable')), asPage, 'IE, QP');
    assert.deepEqual(await cells('report.MHT', internetExplorer(html, 'base64')), asPage, 'base64');
  });
}

test('a file named .mht that holds no page is refused with the reason', async () => {
  const plain = await extractReportText(
    'report.mht',
    Buffer.from('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello'),
  );
  assert.deepEqual(plain.ok ? 'read' : plain.error, {
    code: 'unreadable-file',
    kind: 'html',
    reason: '不是网页单个文件（MHTML）：没有找到各部分的分隔标记',
  });
  const noPage = await extractReportText(
    'report.mht',
    Buffer.from(
      'Content-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n',
    ),
  );
  assert.deepEqual(noPage.ok ? 'read' : noPage.error.code, 'unreadable-file');
});
