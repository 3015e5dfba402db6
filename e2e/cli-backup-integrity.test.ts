/**
 * A damaged SQLite file is found, never passed on: the backup refuses to copy it, a restore refuses a
 * damaged backup before touching the current database, the server refuses to start on it. Backups are
 * readable by their owner only.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { startServer } from './start-server.ts';

let tmp: string;
before(() => (tmp = mkdtempSync(join(tmpdir(), 'gongkai-integrity-'))));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Overwrites a page in the middle of the file, as a failing disk or a stray write would. */
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 3);
  } finally {
    closeSync(fd);
  }
}

async function databaseWithRecords(name: string): Promise<string> {
  // One agency is enough: the migrated schema alone spans dozens of pages.
  const database = join(tmp, name);
  const added = await runCli(['agency', 'add', '--id', 'city', '--name', '某市教育局'], {
    DATABASE_URL: database,
  });
  assert.equal(added.code, 0, added.stderr);
  return database;
}

test('a backup is readable by its owner only, and a damaged database is not backed up', async () => {
  const database = await databaseWithRecords('sound.db');
  const copy = join(tmp, 'sound.backup');
  const made = await runCli(['backup', copy], { DATABASE_URL: database });
  assert.equal(made.code, 0, made.stderr);
  assert.equal(statSync(copy).mode & 0o777, 0o600);
  damage(database);
  const refused = await runCli(['backup', join(tmp, 'damaged.backup')], { DATABASE_URL: database });
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /已损坏（SQLite 自检未通过）/);
});

test('a damaged backup is refused before the current database is touched', async () => {
  const database = await databaseWithRecords('current.db');
  const copy = join(tmp, 'to-damage.backup');
  assert.equal((await runCli(['backup', copy], { DATABASE_URL: database })).code, 0);
  damage(copy);
  const before = readFileSync(database);
  const restored = await runCli(['restore', copy, '--force'], { DATABASE_URL: database });
  assert.notEqual(restored.code, 0);
  assert.match(restored.stderr, /已损坏.*未做任何改动/s);
  assert.ok(readFileSync(database).equals(before), 'the current database is as it was');
  const listed = await runCli(['agency', 'list'], { DATABASE_URL: database });
  assert.match(listed.stdout, /^city\t某市教育局$/m);
});

test('the server does not start on a damaged database, and says why', async () => {
  const database = await databaseWithRecords('server.db');
  damage(database);
  await assert.rejects(
    startServer({ GONGKAI_NO_DEMO: '1' }, { database }),
    /已损坏（SQLite 自检未通过），服务未启动/,
  );
});
