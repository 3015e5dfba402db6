/**
 * Hostile files, made on the spot for the tests (nothing large is committed): nested and huge HTML,
 * zips whose directory lies about what they inflate to, PDF stream bombs, PDFs of many pages,
 * truncated and polyglot files, a megabyte on one line.
 */
import { constants, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

/**
 * Raw deflate data that inflates to `megabytes` MB of zeros, made from one compressed megabyte repeated
 * (each ends on a full flush, so copies can follow each other), closed by an empty final block.
 */
export function deflatedZeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

export interface ZipEntry {
  readonly name: string;
  /** Raw deflate data (method 8), or the bytes themselves (method 0). */
  readonly data: Buffer;
  readonly method: 0 | 8;
  /** The size the directory claims it inflates to. */
  readonly claimedSize: number;
}

/** A zip written by hand, so that its directory can say whatever a hostile file wants it to say. */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.claimedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const centralBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

const stored = (name: string, text: string): ZipEntry => ({
  name,
  data: Buffer.from(text),
  method: 0,
  claimedSize: Buffer.byteLength(text),
});

/** A DOCX or XLSX whose one big part inflates to `megabytes` MB while its directory claims 1,000 bytes. */
export function lyingZip(kind: 'docx' | 'xlsx', megabytes: number): Buffer {
  const part = kind === 'docx' ? 'word/document.xml' : 'xl/sharedStrings.xml';
  return zipOf([
    stored('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    { name: part, data: deflatedZeros(megabytes), method: 8, claimedSize: 1000 },
  ]);
}

/** A PDF with `pages` pages (one text line each) and, optionally, one content stream bomb. */
export function pdfOf(options: { pages: number; bombMegabytes?: number }): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body));
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = Array.from({ length: options.pages }, (_, i) => `${4 + i} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${options.pages} >>`);
  const content = 'BT /F1 12 Tf 72 720 Td (2024 annual report) Tj ET';
  const contentId = 4 + options.pages;
  add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  for (let i = 0; i < options.pages; i++)
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${i === 0 && options.bombMegabytes ? contentId + 1 : 3} 0 R >>`,
    );
  add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  if (options.bombMegabytes) {
    // zlib's two header bytes, then the deflate data (no checksum: a reader that skips it still inflates).
    const bomb = Buffer.concat([Buffer.from([0x78, 0x9c]), deflatedZeros(options.bombMegabytes)]);
    add(
      Buffer.concat([
        Buffer.from(`<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`),
        bomb,
        Buffer.from('\nendstream'),
      ]),
    );
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(object);
    at += object.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

/** An HTML page of `depth` nested <div>s. */
export function nestedHtml(depth: number): Buffer {
  return Buffer.from(
    `<html><body>${'<div>'.repeat(depth)}三、收到和处理政府信息公开申请情况${'</div>'.repeat(depth)}</body></html>`,
  );
}

/** An HTML page with one table of `rows` flat rows. */
export function hugeTableHtml(rows: number): Buffer {
  return Buffer.from(
    `<html><body><table>${'<tr><td>自然人</td><td>1</td><td>2</td></tr>'.repeat(rows)}</table></body></html>`,
  );
}
