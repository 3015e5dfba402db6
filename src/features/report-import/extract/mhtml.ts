/**
 * A web page saved as one file (MHTML, .mht/.mhtml — a browser's 网页，单个文件): a MIME message whose first
 * text/html part is the page, its bytes quoted-printable or base64, in the charset its part declares (or
 * the page's own, read from the bytes as a loose page is). The images and styles beside it are skipped.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { decodeUnknownText } from './decode-bytes.ts';

/** Parts of a MIME message looked at, at most (a saved page has one per image and style sheet). */
const MAX_PARTS = 2_000;
/** A page larger than this is no annual report (the largest seen are a few hundred kilobytes). */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

interface Part {
  readonly headers: ReadonlyMap<string, string>;
  /** The body as bytes read one to a character (latin1): what the transfer encodings work on. */
  readonly body: string;
}

/** A header block (folded lines unfolded), by lower-cased name. */
function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Headers and body of a MIME entity (they part at the first empty line). */
function partOf(entity: string): Part {
  const gap = /\r?\n\r?\n/.exec(entity);
  return gap
    ? { headers: headersOf(entity.slice(0, gap.index)), body: entity.slice(gap.index + gap[0].length) }
    : { headers: headersOf(entity), body: '' };
}

/** A parameter of a header's value (boundary="…", charset=…). */
function parameter(value: string | undefined, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The value of a hexadecimal digit's character code, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Quoted-printable decoded byte by byte into one buffer no larger than its input (a regular expression's
 * replacements over megabytes of =XX had held hundreds of megabytes at once).
 */
function quotedPrintable(body: string): Buffer {
  const out = Buffer.allocUnsafe(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code !== 61 /* = */) {
      out[n++] = code;
      continue;
    }
    // A soft line break (=CRLF, =LF) is nothing; =XX is a byte; a stray = is itself.
    if (body.charCodeAt(i + 1) === 13 && body.charCodeAt(i + 2) === 10) i += 2;
    else if (body.charCodeAt(i + 1) === 10) i += 1;
    else {
      const high = hexValue(body.charCodeAt(i + 1));
      const low = hexValue(body.charCodeAt(i + 2));
      if (high < 0 || low < 0) out[n++] = code;
      else {
        out[n++] = high * 16 + low;
        i += 2;
      }
    }
  }
  return out.subarray(0, n);
}

/** A body's bytes from its transfer encoding. */
function bodyBytes(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body, 'base64'); // Node skips what is not base64
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  return Buffer.from(part.body, 'latin1');
}

/** The page's text as its part's charset gives it, else as its bytes read. */
function pageText(part: Part): Result<string, string> {
  const bytes = bodyBytes(part);
  if (bytes.length > MAX_PAGE_BYTES)
    return err(
      `网页单个文件（MHTML）里的网页有 ${Math.round(bytes.length / 1024 / 1024)} MB，不像是一份年度报告`,
    );
  const charset = parameter(part.headers.get('content-type'), 'charset');
  if (charset) {
    try {
      return ok(new TextDecoder(charset).decode(bytes));
    } catch {
      // a charset TextDecoder does not know: read from the bytes
    }
  }
  return ok(decodeUnknownText(bytes, { html: true }));
}

const isHtml = (part: Part) => /^\s*text\/html\b/i.test(part.headers.get('content-type') ?? '');

/** The HTML of the page an MHTML file holds, or why there is none. */
export function mhtmlPage(bytes: Uint8Array): Result<string, string> {
  const message = partOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  if (isHtml(message)) return pageText(message);
  const boundary = parameter(message.headers.get('content-type'), 'boundary');
  if (!boundary) return err('不是网页单个文件（MHTML）：没有找到各部分的分隔标记');
  // Part by part from one delimiter to the next (a hostile file of a million tiny parts is not split
  // into a million strings).
  const delimiter = `--${boundary}`;
  const body = message.body;
  let at = body.indexOf(delimiter);
  for (let n = 0; at >= 0 && n < MAX_PARTS; n++) {
    const from = at + delimiter.length;
    if (body.startsWith('--', from)) break; // the closing delimiter
    const next = body.indexOf(delimiter, from);
    const part = partOf(body.slice(from, next < 0 ? body.length : next).replace(/^\r?\n/, ''));
    if (isHtml(part)) return pageText(part);
    at = next;
  }
  return err('网页单个文件（MHTML）里没有网页部分（text/html）');
}
