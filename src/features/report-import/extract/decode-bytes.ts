/**
 * Text from bytes whose encoding a page or file may not declare, or declare wrongly (a crawler's saved
 * fragment, a copy-paste): UTF-16 by its byte-order mark; valid UTF-8 is UTF-8 whatever the page says;
 * otherwise the declared legacy encoding, or — none declared — the one of GB18030, Big5 and UTF-16 under
 * which the text reads as the Chinese of a disclosure report (common characters counted), never
 * Windows-1252's mojibake.
 */
import { isUtf8, transcode } from 'node:buffer';

/** Characters every disclosure report is full of, whichever its encoding. */
const COMMON = /[的年政府信息公开申请件数情况本行处理机关条例工作]/gu;
const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu;

function decode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return undefined; // a label TextDecoder does not know
  }
}

const score = (text: string) => (text.match(COMMON) ?? []).length - 5 * (text.match(/\uFFFD/gu) ?? []).length;

/**
 * The likelier of the encodings a Chinese text comes in for bytes that are not UTF-8: GB18030, Big5, or
 * UTF-16 without its byte-order mark (a text editor's “Unicode”).
 */
function guessChinese(bytes: Uint8Array): string {
  let best = new TextDecoder('gb18030').decode(bytes);
  let bestScore = score(best);
  for (const label of ['big5', 'utf-16le', 'utf-16be']) {
    const text = decode(bytes, label);
    if (text === undefined) continue;
    const points = score(text);
    if (points > bestScore) [best, bestScore] = [text, points];
  }
  return best;
}

/** UTF-16 by its byte-order mark (FF FE little-endian, FE FF big-endian): Notepad's “Unicode”. */
function utf16ByMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** NUL characters in a text: a few are noise, many are UTF-16's zero bytes read as UTF-8. */
const nulShare = (text: string) => (text.length === 0 ? 0 : (text.match(/\0/g) ?? []).length / text.length);

/**
 * Valid UTF-8 as text: through ICU's converter to UTF-16 (five to ten times faster than V8's own UTF-8
 * decoding of Chinese text on Node 20, and the same characters), or Node's decoding where ICU cannot.
 */
function utf8Text(bytes: Buffer): string {
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return bytes.toString('utf8');
  }
}

export function decodeUnknownText(bytes: Uint8Array, options: { html?: boolean } = {}): string {
  const utf16 = utf16ByMark(bytes);
  if (utf16) return decode(bytes, utf16)!;
  if (isUtf8(bytes)) {
    const text = utf8Text(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // UTF-16 without its mark can be valid UTF-8 too (its zero bytes are NULs): guessed below instead.
    if (!text.includes('\0') || nulShare(text) < 0.05)
      // Its byte-order mark dropped, as TextDecoder would.
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return guessChinese(bytes);
  }
  if (options.html) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const declared = DECLARED.exec(head)?.[1]?.toLowerCase();
    // A declaration of UTF-8 over bytes that are not is wrong: it is guessed instead.
    if (declared && !/^utf-?8$/u.test(declared)) {
      const text = decode(bytes, declared);
      if (text !== undefined) return text;
    }
  }
  return guessChinese(bytes);
}
