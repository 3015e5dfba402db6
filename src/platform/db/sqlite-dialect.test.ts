import { test } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { FairLock, sqliteDialect, withStatementCache } from './sqlite-dialect.ts';

test('the lock goes to its waiters in the order they asked, and no one arriving later overtakes them', async () => {
  const lock = new FairLock();
  const order: string[] = [];
  await lock.acquire();
  const waiters = ['a', 'b', 'c'].map((name) => lock.acquire().then(() => order.push(name)));
  assert.equal(lock.waiting, 3);
  lock.release();
  // Arrives after the release, before the first waiter has run: must queue behind all three.
  const late = lock.acquire().then(() => order.push('late'));
  await waiters[0];
  lock.release();
  await waiters[1];
  lock.release();
  await waiters[2];
  lock.release();
  await late;
  lock.release();
  assert.deepEqual(order, ['a', 'b', 'c', 'late']);
  assert.equal(lock.waiting, 0);
});

test('queries wait for an open transaction in the order they were made', async () => {
  const db = new Kysely<Record<string, never>>({ dialect: sqliteDialect(new SQLite(':memory:')) });
  const done: number[] = [];
  let commit!: () => void;
  const held = new Promise<void>((resolve) => (commit = resolve));
  const transaction = db.transaction().execute(async (tx) => {
    await sql`create table t (n integer)`.execute(tx);
    await held;
  });
  await new Promise((resolve) => setImmediate(resolve));
  const queries = Array.from({ length: 50 }, (_, n) =>
    sql`select ${n} as n`.execute(db).then(() => done.push(n)),
  );
  commit();
  await transaction;
  await Promise.all(queries);
  assert.deepEqual(
    done,
    Array.from({ length: 50 }, (_, n) => n),
  );
  await db.destroy();
});

test('a statement is prepared once and reused; the cache keeps only the most recent', () => {
  const native = new SQLite(':memory:');
  const database = withStatementCache(native, 2);
  const first = database.prepare('select 1');
  assert.equal(database.prepare('select 1'), first);
  database.prepare('select 2');
  database.prepare('select 3'); // drops 'select 1', the least recently used
  assert.notEqual(database.prepare('select 1'), first);
  native.close();
});
