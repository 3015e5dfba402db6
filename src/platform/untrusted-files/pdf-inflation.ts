/**
 * How many bytes a PDF's compressed streams really inflate to: each FlateDecode stream is inflated (and
 * thrown away) while counting, stopping at the limit, before the PDF is handed to its reader — which
 * would otherwise inflate a 300 KB stream to 300 MB without asking.
 */
import { constants, createInflate, createInflateRaw } from 'node:zlib';
import { err, ok, type Result } from '../../shared/domain/result.ts';
import { megabytes, type FileLimits } from './file-limits.ts';

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far back from `stream` the stream's dictionary is looked for. */
const DICTIONARY_WINDOW = 2048;

/**
 * The bytes `data` inflates to, counted as they come and stopped past `limit`: what came before a
 * corrupt byte or a wrong checksum counts too (a PDF reader keeps it).
 */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  const raw = !(data.length >= 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0);
  const inflater = (raw ? createInflateRaw : createInflate)({ finishFlush: constants.Z_SYNC_FLUSH });
  return new Promise((resolve) => {
    let count = 0;
    inflater.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > limit) {
        inflater.destroy();
        resolve(count);
      }
    });
    inflater.on('end', () => resolve(count));
    inflater.on('error', () => resolve(count));
    inflater.end(data);
  });
}

export async function measurePdfStreams(
  bytes: Uint8Array,
  limits: Pick<FileLimits, 'inflatedBytes'>,
): Promise<Result<{ streams: number; inflatedBytes: number }, string>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let inflated = 0;
  let streams = 0;
  let from = 0;
  for (;;) {
    const keyword = buffer.indexOf(STREAM, from);
    if (keyword < 0) break;
    from = keyword + STREAM.length;
    // `endstream` contains `stream`; a stream starts after `stream` and an end of line.
    if (keyword >= 3 && buffer.subarray(keyword - 3, keyword).toString('latin1') === 'end') continue;
    let start = from;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] !== 0x0a && buffer[start - 1] !== 0x0d) continue;
    if (buffer[start] === 0x0a) start++;
    const stop = buffer.indexOf(END_STREAM, start);
    if (stop < 0) break;
    from = stop + END_STREAM.length;
    const dictionary = buffer.subarray(Math.max(0, keyword - DICTIONARY_WINDOW), keyword).toString('latin1');
    const opened = dictionary.lastIndexOf('<<');
    if (opened < 0 || !/\/FlateDecode|\/Fl\b/.test(dictionary.slice(opened))) continue;
    streams++;
    inflated += await inflatedSize(buffer.subarray(start, stop), limits.inflatedBytes - inflated);
    if (inflated > limits.inflatedBytes)
      return err(`PDF 内容解压后超过 ${megabytes(limits.inflatedBytes)}（疑似压缩炸弹）`);
  }
  return ok({ streams, inflatedBytes: inflated });
}
