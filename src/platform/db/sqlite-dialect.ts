/**
 * SQLite for Kysely, with two changes to its stock dialect that the load benchmark
 * (bench/load.bench.ts) called for:
 *
 * - **The one connection is handed out first come, first served.** Kysely's own mutex wakes every waiter
 *   at once and lets a query that arrives meanwhile take the connection first, so under 200 concurrent
 *   requests a few of them lost again and again: they waited for seconds (up to the whole run) and the
 *   client timed out, while every other request took milliseconds.
 * - **Statements are prepared once and kept** (the most recently used few hundred), instead of being
 *   prepared again for every query.
 * And a rollback after SQLite has already ended the transaction leaves the original error standing.
 */
import type SQLite from 'better-sqlite3';
import {
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';

/** A lock that its waiters get in the order they asked for it. */
export class FairLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the lock straight to the longest waiter, so that no one arriving meanwhile can take it. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  get waiting(): number {
    return this.#waiting.length;
  }
}

class FairSqliteDriver extends SqliteDriver {
  readonly #lock = new FairLock();

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire();
    // Kysely's own mutex is never contended now: only the holder of the fair lock reaches it.
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#lock.release();
  }

  /**
   * SQLite ends a transaction itself on some errors (a full disk, I/O errors); the rollback that follows
   * would then fail with "cannot rollback - no transaction is active" and hide the error that mattered.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (!/no transaction is active/.test((error as Error).message)) throw error;
    }
  }
}

class FairSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new FairSqliteDriver(this.#config);
  }
}

/** `database` as Kysely sees it, each distinct statement prepared once (least recently used dropped). */
export function withStatementCache(database: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

/** The dialect every SQLite database of gongkai is opened with (server, CLI, tests, benchmarks). */
export function sqliteDialect(database: SQLite.Database): SqliteDialect {
  return new FairSqliteDialect({ database: withStatementCache(database) });
}
