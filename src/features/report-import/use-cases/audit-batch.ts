/**
 * Batch audit for a supervisor or researcher: one row per report (agency, year, format, the totals, each
 * failed rule; a file holding several reports, a row for each), a report that cannot be read is a row with
 * the reason, and the batch never stops at one bad file. Rows already in the output are skipped, so an
 * interrupted batch resumes where it stopped.
 * Where the batch holds an agency's report of the year before, its 结转下年度继续办理 splits this year's
 * 上年结转 printed run together, as `audit --previous` does.
 */
import { ok, type Result } from '../../../shared/domain/result.ts';
import { sharedFileSandbox } from '../../../platform/untrusted-files/file-sandbox.ts';
import { extractRefusalMessage, type AuditRefusal, type CarriedOnRecord } from './audit-report.ts';
import { filesDone, readingsOf, unreadableRow, type BatchReading, type BatchRow } from './batch-row.ts';
import { yearKey } from './batch-carry-over.ts';
import { GROUP_FILES, groupsOf, readGroup, type Done, type GroupReader } from './batch-groups.ts';

export {
  BATCH_COLUMNS,
  batchRow,
  endsItsFile,
  filesDone,
  unreadableRow,
  type BatchRow,
} from './batch-row.ts';

const ROW_WORKER = new URL('./audit-row-worker.ts', import.meta.url);

/**
 * Files read and audited in the sandbox, together in one worker, each file's batch row made there
 * (`carried`: last year's 结转 for a file read again with it; `account`: whose files, for its limit).
 */
function inSandbox(
  files: ReadonlyArray<{
    readonly file: string;
    readonly bytes: Uint8Array;
    readonly carried?: CarriedOnRecord;
  }>,
  account?: string,
): ReturnType<GroupReader> {
  return sharedFileSandbox().run<ReadonlyArray<Result<BatchReading, AuditRefusal>>>(
    ROW_WORKER,
    {
      files: files.map(({ file, bytes, carried }) => ({
        fileName: file,
        bytes,
        ...(carried ? { carried } : {}),
      })),
    },
    account !== undefined ? { key: account } : {},
  );
}

/** One file read and audited in the sandbox (`carried`: last year's 结转). */
async function rowOf(
  file: string,
  bytes: Uint8Array,
  carried?: CarriedOnRecord,
  account?: string,
): Promise<Result<BatchReading, AuditRefusal>> {
  const done = await inSandbox([{ file, bytes, ...(carried ? { carried } : {}) }], account);
  return done.ok ? done.value[0]! : done;
}

/**
 * One file of a batch audited (`carried`: last year's 结转 from the batch): its row with its 结转, or the
 * reason it could not be read (never a thrown error).
 */
export async function batchReadingOf(
  file: string,
  bytes: Uint8Array,
  account?: string,
  carried?: CarriedOnRecord,
): Promise<BatchReading> {
  const read = await rowOf(file, bytes, carried, account);
  return read.ok ? read.value : { row: unreadableRow(file, extractRefusalMessage(read.error)) };
}

/**
 * Each agency-year's 结转下年度继续办理 by column as a batch read it (none where the year's files differ):
 * what splits the next year's 上年结转 printed run together.
 */
export class CarriedOutByYear {
  private readonly byYear = new Map<string, readonly number[] | null>();

  note({ row, carriedOut }: BatchReading): void {
    if (!carriedOut || !row.agency || !row.year) return;
    const key = yearKey(row);
    const known = this.byYear.get(key);
    this.byYear.set(key, known === undefined || known?.join() === carriedOut.join() ? carriedOut : null);
  }

  /** For a report whose 上年结转 was left uncertain: its agency's year-before 结转, where the batch has it. */
  into({ row, carriedInUncertain }: BatchReading): CarriedOnRecord | undefined {
    if (!carriedInUncertain || !row.agency || !row.year) return undefined;
    const columns = this.byYear.get(yearKey(row, Number(row.year) - 1));
    return columns ? { into: Number(row.year), columns: [...columns] } : undefined;
  }
}

/** Groups in the batch's window: the sandbox reads two at once (one a core), the next one is read from disk. */
const WINDOW = 2;

/** How a batch reads one file into its row (the sandbox's worker; a test's stand-in). */
export type RowReader = (
  file: string,
  bytes: Uint8Array,
  carried?: CarriedOnRecord,
) => Promise<Result<BatchReading, AuditRefusal>>;

/** One file read again alone (`carried`: with last year's 结转): its reading, or why it could not be read. */
async function auditAlone(
  file: string,
  read: (file: string) => Promise<Uint8Array>,
  rowOfFile: RowReader,
  carried?: CarriedOnRecord,
): Promise<BatchReading> {
  const entries = (await groupsOf([file], read, 1).next())!;
  const reader: GroupReader = async ([one]) => ok([await rowOfFile(one!.file, one!.bytes, carried)]);
  return (await readGroup(entries, reader, true))[0]!.reading;
}

/**
 * Audits each file not yet done, several at once (`window` groups of up to `groupFiles` files; small files
 * go to a worker together, a large one alone); `onRow` receives the rows in the files' order, each as soon
 * as it and those before it are ready. A file refused for its time or memory while others were read beside
 * it — or a group refused as a whole — is read again alone, after the rest: its row is what it would be
 * alone. A report whose 上年结转 was left uncertain (run together) waits for the rest too, and is read again
 * with the 结转下年度继续办理 of the agency's report of the year before where the batch has it (all seven
 * read, the files of that year agreeing): its row comes last. A test's stand-ins: `rowOfFile` reads one
 * file at a time (and a file again alone), `groupReader` a group.
 */
export async function auditBatch(
  files: readonly string[],
  read: (file: string) => Promise<Uint8Array>,
  done: ReadonlySet<string>,
  onRow: (row: BatchRow) => Promise<void> | void,
  {
    window = WINDOW,
    rowOfFile,
    groupReader,
    groupFiles = rowOfFile && !groupReader ? 1 : GROUP_FILES,
  }: { window?: number; rowOfFile?: RowReader; groupReader?: GroupReader; groupFiles?: number } = {},
): Promise<{ audited: number; skipped: number }> {
  // A compilation whose rows are all written is done (filesDone); one stopped among them is read again,
  // the rows already written not written twice.
  const finished = filesDone(done);
  const todo = files.filter((file) => !finished.has(file));
  const oneByOne = rowOfFile ?? rowOf;
  const reader: GroupReader =
    groupReader ??
    (rowOfFile
      ? async (some) => ok(await Promise.all(some.map(({ file, bytes }) => rowOfFile(file, bytes))))
      : (files) => inSandbox(files));
  const alone = window <= 1;
  const groups = groupsOf(todo, read, Math.max(1, groupFiles));
  const pending: Array<Promise<Done[]>> = [];
  const again: string[] = [];
  const uncertain: BatchReading[] = [];
  const carriedOut = new CarriedOutByYear();
  const take = async (reading: BatchReading) => {
    // A compilation's reports: a row each (file#1/3…), as read; those already in the output (a batch
    // stopped among them) not again.
    if (reading.more) {
      for (const report of readingsOf(reading)) {
        carriedOut.note(report);
        if (!done.has(report.row.file)) await onRow(report.row);
      }
      return;
    }
    carriedOut.note(reading);
    if (reading.carriedInUncertain && reading.row.agency && reading.row.year) uncertain.push(reading);
    else await onRow(reading.row);
  };
  // The next group is read from disk while the groups before it are read in the sandbox.
  const fill = async () => {
    while (pending.length < Math.max(1, window)) {
      const entries = await groups.next();
      if (!entries) return;
      const reading = readGroup(entries, reader, alone);
      reading.catch(() => undefined); // awaited below, in order
      pending.push(reading);
    }
  };
  await fill();
  while (pending.length > 0) {
    const group = await pending.shift()!;
    await fill();
    for (const { file, reading, again: later } of group)
      if (later) again.push(file);
      else await take(reading);
  }
  for (const file of again) await take(await auditAlone(file, read, oneByOne));
  for (const reading of uncertain) {
    const carried = carriedOut.into(reading);
    await onRow(carried ? (await auditAlone(reading.row.file, read, oneByOne, carried)).row : reading.row);
  }
  return { audited: todo.length, skipped: files.length - todo.length };
}

export interface ReadingTotals {
  readonly read: number;
  readonly ambiguous: number;
  readonly unread: number;
  /** The files with the most cells not read for certain (ambiguous and unread), worst first. */
  readonly worst: ReadonlyArray<{ file: string; read: number; ambiguous: number; unread: number }>;
}

/** Cells read, ambiguous and unread over a batch, with the files read worst. */
export function readingTotals(rows: readonly BatchRow[], worstCount = 10): ReadingTotals {
  const counted = rows
    .filter((r) => !r.problem)
    .map((r) => ({
      file: r.file,
      read: Number(r.cells_read) || 0,
      ambiguous: Number(r.cells_ambiguous) || 0,
      unread: Number(r.cells_unread) || 0,
    }));
  const sum = (key: 'read' | 'ambiguous' | 'unread') => counted.reduce((s, r) => s + r[key], 0);
  const worst = counted
    .filter((r) => r.ambiguous + r.unread > 0)
    .sort((a, b) => b.ambiguous + b.unread - (a.ambiguous + a.unread) || a.file.localeCompare(b.file))
    .slice(0, worstCount);
  return { read: sum('read'), ambiguous: sum('ambiguous'), unread: sum('unread'), worst };
}

/** How often each rule failed across the batch (by rule family, R1…R10), most frequent first. */
export function ruleFailureCounts(rows: readonly BatchRow[]): Array<{ rule: string; reports: number }> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const families = new Set(
      row.failed_rules
        .split(' ')
        .filter(Boolean)
        .map((rule) => rule.split('.')[0]!),
    );
    for (const family of families) counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  return [...counts]
    .map(([rule, reports]) => ({ rule, reports }))
    .sort((a, b) => b.reports - a.reports || a.rule.localeCompare(b.rule, 'en', { numeric: true }));
}
