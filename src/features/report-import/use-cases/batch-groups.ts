/**
 * A batch's files in groups for the sandbox's workers: small files sent together (a worker reads them in
 * turn and answers once), a large one alone, each group's answer taken apart into each file's reading —
 * and a group refused as a whole (too slow, out of memory, its worker crashed) read again file by file,
 * alone, so that no file's row depends on the files read beside it.
 */
import type { Result } from '../../../shared/domain/result.ts';
import { extractRefusalMessage, type AuditRefusal } from './audit-report.ts';
import { unreadableRow, type BatchReading } from './batch-row.ts';

/** Files sent to a worker together at most. */
export const GROUP_FILES = 8;
/** A group's bytes at most; a file of this size or more is sent alone. */
export const GROUP_BYTES = 1024 * 1024;

/** How a batch reads a group of files in the sandbox: each file's reading or refusal, or the group's. */
export type GroupReader = (
  files: ReadonlyArray<{ readonly file: string; readonly bytes: Uint8Array }>,
) => Promise<Result<ReadonlyArray<Result<BatchReading, AuditRefusal>>, AuditRefusal>>;

/** Refusals that another file read beside this one may have caused (the process's memory, the time). */
const LOAD_REFUSALS: ReadonlySet<string> = new Set([
  'file-too-slow',
  'file-too-big-in-memory',
  'sandbox-busy',
]);

/** A file of a group: its bytes to send, or the row saying why they could not be read from disk. */
interface Entry {
  readonly file: string;
  readonly bytes?: Uint8Array;
  readonly failed?: BatchReading;
}

/** A file's reading, or `again`: it is to be read again alone, after the rest. */
export interface Done {
  readonly file: string;
  readonly reading: BatchReading;
  readonly again: boolean;
}

/** Takes the batch's files from the first in groups, reading each from disk once. */
export function groupsOf(
  files: readonly string[],
  read: (file: string) => Promise<Uint8Array>,
  groupFiles: number,
): { next(): Promise<Entry[] | undefined> } {
  let at = 0;
  /** A file read that did not fit the group before: the next one starts with it. */
  let held: Entry | undefined;
  return {
    async next() {
      const entries: Entry[] = [];
      let sent = 0;
      let bytes = 0;
      while (sent < groupFiles && (held || at < files.length)) {
        let entry = held;
        held = undefined;
        if (!entry) {
          const file = files[at++]!;
          try {
            entry = { file, bytes: await read(file) };
          } catch (error) {
            const row = unreadableRow(file, `无法读取：${(error as Error).message.slice(0, 200)}`);
            entries.push({ file, failed: { row } });
            continue;
          }
        }
        const size = entry.bytes!.length;
        if (sent > 0 && (size >= GROUP_BYTES || bytes + size > GROUP_BYTES)) {
          held = entry;
          break;
        }
        entries.push(entry);
        sent++;
        bytes += size;
        if (size >= GROUP_BYTES) break;
      }
      return entries.length > 0 ? entries : undefined;
    },
  };
}

/** A group read in the sandbox, each file's reading in the group's order. */
export async function readGroup(
  entries: readonly Entry[],
  reader: GroupReader,
  alone: boolean,
): Promise<Done[]> {
  const sent = entries.filter((e) => e.bytes);
  let answer: Awaited<ReturnType<GroupReader>>;
  try {
    answer = sent.length
      ? await reader(sent.map((e) => ({ file: e.file, bytes: e.bytes! })))
      : { ok: true, value: [] };
  } catch (error) {
    answer = {
      ok: false,
      error: { code: 'file-reader-crashed', reason: (error as Error).message.slice(0, 200) },
    };
  }
  let k = 0;
  return entries.map((entry) => {
    if (entry.failed) return { file: entry.file, reading: entry.failed, again: false };
    const own = answer.ok ? answer.value[k++] : sent.length === 1 ? answer : undefined;
    // Refused as a group of several: which file caused it is not known; each is read again alone.
    if (!own) return { file: entry.file, reading: { row: unreadableRow(entry.file, '') }, again: true };
    if (own.ok) return { file: entry.file, reading: own.value, again: false };
    return {
      file: entry.file,
      reading: { row: unreadableRow(entry.file, extractRefusalMessage(own.error)) },
      again: !alone && LOAD_REFUSALS.has(own.error.code),
    };
  });
}
