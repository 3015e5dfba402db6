/**
 * How many bytes a zip really inflates to: every entry is inflated (and thrown away) while counting,
 * stopping at the limit, so a directory that claims 1,000 bytes for a gigabyte changes nothing. The
 * central directory is walked to its end and must agree with the entry count the end record gives.
 */
import { inflateRawSync } from 'node:zlib';
import { err, ok, type Result } from '../../shared/domain/result.ts';
import { megabytes, type FileLimits } from './file-limits.ts';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function measureZip(
  bytes: Uint8Array,
  limits: Pick<FileLimits, 'inflatedBytes' | 'zipEntries'>,
): Result<{ entries: number; inflatedBytes: number }, string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length || buffer.readUInt32LE(end) !== END_OF_DIRECTORY)
    return err('不是有效的压缩包');
  const declared = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  let entries = 0;
  let inflated = 0;
  while (at < end) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY)
      return err('压缩包目录已损坏');
    if (++entries > limits.zipEntries) return err(`压缩包内文件过多（超过 ${limits.zipEntries} 个）`);
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const local = buffer.readUInt32LE(at + 42);
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL_HEADER)
      return err('压缩包内的文件头已损坏');
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + compressedSize > buffer.length) return err('压缩包内的文件被截断');
    const data = buffer.subarray(start, start + compressedSize);
    const room = limits.inflatedBytes - inflated;
    if (method === 0) inflated += data.length;
    else if (method === 8) {
      try {
        // One byte more than the room left: reaching it means the limit is passed.
        inflated += inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') inflated = limits.inflatedBytes + 1;
        else return err('压缩包内的文件已损坏');
      }
    } else return err(`压缩包使用了不支持的压缩方式（${method}）`);
    if (inflated > limits.inflatedBytes)
      return err(`解压后超过 ${megabytes(limits.inflatedBytes)}（疑似压缩炸弹）`);
  }
  if (entries !== declared) return err('压缩包目录与文件数不符');
  return ok({ entries, inflatedBytes: inflated });
}
