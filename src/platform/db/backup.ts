/**
 * Backups: a consistent online copy of the SQLite database (SQLite's backup API, safe while the server
 * writes), or pg_dump's custom format for PostgreSQL; and the restore of either into an empty or a
 * replaced database — in one transaction on PostgreSQL, by copying through the backup API on SQLite.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { isPostgresUrl } from './database.ts';

export type BackupError =
  | { readonly code: 'not-found'; readonly path: string }
  | { readonly code: 'not-a-backup'; readonly path: string; readonly expected: 'sqlite' | 'postgres' }
  | { readonly code: 'target-exists'; readonly path: string }
  | { readonly code: 'corrupt'; readonly path: string; readonly problems: readonly string[] }
  | { readonly code: 'tool-failed'; readonly tool: string; readonly message: string }
  | { readonly code: 'archive-damaged'; readonly path: string; readonly message: string };

export class BackupFailure extends Error {
  constructor(readonly error: BackupError) {
    super(error.code);
  }
}

function sqlitePath(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/, '');
}

/** libpq reads "+" in a URL's query as a plus, not a space (as URLSearchParams writes it). */
function libpqUrl(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at) + url.slice(at).replace(/\+/g, '%20');
}

function header(path: string, length: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, 0);
    return buffer.toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function run(tool: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      reject(new BackupFailure({ code: 'tool-failed', tool, message: error.message })),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupFailure({ code: 'tool-failed', tool, message: stderr.trim().slice(0, 2000) })),
    );
  });
}

/**
 * SQLite's own check of a database file (PRAGMA quick_check: every page and index readable and
 * consistent): the problems found, none when the file is sound.
 */
export function sqliteProblems(path: string): string[] {
  const database = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const rows = database.pragma('quick_check(20)') as Array<{ quick_check: string }>;
    return rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
  } catch (error) {
    return [(error as Error).message];
  } finally {
    database.close();
  }
}

function assertSound(path: string): void {
  const problems = sqliteProblems(path);
  if (problems.length > 0) throw new BackupFailure({ code: 'corrupt', path, problems });
}

/** An empty file only its owner may read: a backup holds every applicant's personal data. */
function createPrivately(target: string): void {
  closeSync(openSync(target, 'wx', 0o600));
  chmodSync(target, 0o600);
}

/**
 * Writes a backup of the database at `url` to `target`, readable by its owner only; returns its size in
 * bytes. A SQLite database that fails its own check is not copied (a backup of a broken file would
 * only look like one).
 */
export async function backupDatabase(
  url: string,
  target: string,
  options: { schema?: string } = {},
): Promise<number> {
  if (existsSync(target)) throw new BackupFailure({ code: 'target-exists', path: target });
  if (isPostgresUrl(url)) {
    createPrivately(target);
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      ...(options.schema ? ['--schema', options.schema] : []),
      '--file',
      target,
      libpqUrl(url),
    ]);
  } else {
    const path = sqlitePath(url);
    if (!existsSync(path)) throw new BackupFailure({ code: 'not-found', path });
    assertSound(path);
    createPrivately(target);
    const source = new SQLite(path, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    assertSound(target);
  }
  return statSync(target).size;
}

/**
 * Restores `source` into the database at `url`. SQLite: the file is replaced only with `force` (stop the
 * server first). PostgreSQL: the archive is read through first (a damaged one changes nothing), then every
 * object of the dump is dropped and recreated in one transaction.
 */
export async function restoreDatabase(
  source: string,
  url: string,
  options: { force?: boolean; schema?: string } = {},
): Promise<void> {
  if (!existsSync(source)) throw new BackupFailure({ code: 'not-found', path: source });
  if (isPostgresUrl(url)) {
    if (header(source, 5) !== 'PGDMP')
      throw new BackupFailure({ code: 'not-a-backup', path: source, expected: 'postgres' });
    // The whole archive read first, every data block inflated, without a database: a backup cut short
    // or damaged is refused before anything of the database is touched, whatever pg_restore would have
    // done with it half-way.
    await run('pg_restore', [
      ...(options.schema ? ['--schema', options.schema] : []),
      '--file',
      '/dev/null',
      source,
    ]).catch((error: unknown) => {
      throw error instanceof BackupFailure && error.error.code === 'tool-failed'
        ? new BackupFailure({ code: 'archive-damaged', path: source, message: error.error.message })
        : error;
    });
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      ...(options.schema ? ['--schema', options.schema] : []),
      '--dbname',
      libpqUrl(url),
      source,
    ]);
    return;
  }
  if (header(source, 16) !== 'SQLite format 3\0')
    throw new BackupFailure({ code: 'not-a-backup', path: source, expected: 'sqlite' });
  const path = sqlitePath(url);
  if (existsSync(path) && !options.force) throw new BackupFailure({ code: 'target-exists', path });
  // Checked before anything of the current database is touched.
  assertSound(source);
  const backup = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const tables = backup
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .all();
    if (tables.length === 0)
      throw new BackupFailure({ code: 'not-a-backup', path: source, expected: 'sqlite' });
    // A stale write-ahead log of the replaced file must not be replayed over the restored one.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    await backup.backup(path);
  } finally {
    backup.close();
  }
}
