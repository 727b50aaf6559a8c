import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type RawBuilder,
  SqliteDialect,
  SqliteDriver,
  type SqliteDialectConfig,
  sql,
  type Transaction,
} from 'kysely';
import { redactUrl } from '../config/config.ts';
import { type ModeFixed, protectSqliteFile } from './file-modes.ts';
import { AppError } from '../errors/app-error.ts';
import { type SideThread, startSideThread } from './side-thread.ts';
import { type DialectCapabilities, postgresCapabilities, sqliteCapabilities } from './capabilities.ts';
import type { Database } from './schema.ts';

/** A Kysely handle or a transaction: stores and services accept either, the caller owns the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly caps: DialectCapabilities;
  /** The URL with its password hidden, for messages. */
  readonly displayUrl: string;
  /** SQLite only: the file on disk (undefined for `:memory:` and PostgreSQL). */
  readonly sqliteFile: string | undefined;
  /** SQLite only: the raw driver handle, for online backups. */
  readonly sqlite: SqliteDatabase.Database | undefined;
  /** SQLite file opened to serve: its side thread (WAL checkpoints, reads beside the request thread's). */
  readonly sideThread?: SideThread | undefined;
  close(): Promise<void>;
}

/**
 * better-sqlite3 compiles a statement on every `prepare`; Kysely prepares each query it runs. Reusing the
 * compiled statement for the same SQL text removes that cost from every request.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 500): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          statement = target.prepare(source);
          if (cache.size >= max) cache.delete(cache.keys().next().value as string);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

/**
 * SQLite transactions that take the write lock as they begin (BEGIN IMMEDIATE) instead of at their first write.
 * A served file has a second writing connection (the usage ingest thread): a transaction begun as a reader and
 * turned writer after that connection committed would fail (SQLITE_BUSY_SNAPSHOT); one that holds the lock from
 * the start waits its turn (busy_timeout) and then sees the latest data.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/** What stands behind each Kysely instance, keyed by its adapter (which its transactions share). */
const behind = new WeakMap<
  object,
  { caps: DialectCapabilities; sqlite?: SqliteDatabase.Database; sideThread?: SideThread }
>();
const behindOf = (db: Db) => behind.get(db.getExecutor().adapter);

/** The capabilities of the database a handle or transaction works on. */
export function capabilitiesOf(db: Db): DialectCapabilities {
  const found = behindOf(db);
  if (!found) throw new Error('this Kysely instance was not opened by openDatabase');
  return found.caps;
}

/**
 * Runs read queries at the same time, for a report made of several heavy ones: on PostgreSQL each on a connection
 * of the pool; on a served SQLite file the side thread takes every other query (the first, third…) while this
 * thread runs the rest; otherwise one after the other. Outside a transaction only (each query sees the data as
 * committed when it starts). Answers in the order asked.
 */
export async function readTogether(
  db: Db,
  queries: readonly CompiledQuery[],
): Promise<Array<Array<Record<string, unknown>>>> {
  const found = behindOf(db);
  const run = async (q: CompiledQuery) => (await db.executeQuery<Record<string, unknown>>(q)).rows;
  if (!db.isTransaction && found?.caps.kind === 'postgres') return Promise.all(queries.map(run));
  const side = db.isTransaction ? undefined : found?.sideThread;
  const results: Array<Promise<Array<Record<string, unknown>>> | Array<Record<string, unknown>>> = new Array(
    queries.length,
  );
  // Handed over first, so that the side thread works while this one does.
  queries.forEach((q, i) => {
    const elsewhere = i % 2 === 0 ? side?.read<Record<string, unknown>>(q.sql, q.parameters) : undefined;
    if (elsewhere) results[i] = elsewhere;
  });
  for (let i = 0; i < queries.length; i++) if (!results[i]) results[i] = await run(queries[i] as CompiledQuery);
  return Promise.all(results);
}

/**
 * A list of texts as a derived table of one column, `value`, bound as a single parameter whatever its length
 * (SQLite reads it as JSON text, PostgreSQL as an array): a query can then walk the list in its order.
 */
export function textListRows(db: Db, values: readonly string[]): RawBuilder<unknown> {
  return capabilitiesOf(db).textListRows === 'json_each'
    ? sql`(select value from json_each(${JSON.stringify(values)}))`
    : sql`(select unnest(cast(${[...values]} as text[])) as value)`;
}

/**
 * The raw SQLite connection under a transaction, for a hot path that runs one prepared statement many times
 * (usage ingest). Only inside a transaction: Kysely then holds SQLite's single connection for it, so nothing
 * else can interleave. Undefined on PostgreSQL and outside transactions.
 */
export function sqliteInTransaction(db: Db): SqliteDatabase.Database | undefined {
  return db.isTransaction ? behindOf(db)?.sqlite : undefined;
}

/** Opens the database named by a URL (`sqlite:<file>`, `sqlite::memory:` or `postgres://…`) and checks it answers. */
export interface OpenOptions {
  poolSize?: number;
  /** SQLite file opened to serve: start its side thread (WAL checkpoints, reads beside the request thread's). */
  sideThread?: boolean;
  /** SQLite: open the file only if it is there (a second connection to a served file), never create it. */
  mustExist?: boolean;
  /** SQLite file: told of each of its files that others could read, narrowed to the owner before opening. */
  onModeFixed?: (fixed: ModeFixed) => void;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<DatabaseHandle> {
  const displayUrl = redactUrl(url);
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    const inMemory = file === ':memory:' || file === '';
    let sqlite: SqliteDatabase.Database;
    try {
      // A new file is made readable by its owner only (SQLite gives its -wal and -shm the same mode).
      if (!inMemory && !options.mustExist)
        for (const fixed of protectSqliteFile(path.resolve(file))) options.onModeFixed?.(fixed);
      sqlite = new SqliteDatabase(inMemory ? ':memory:' : file, { fileMustExist: options.mustExist === true });
    } catch (cause) {
      throw new AppError(
        'unavailable',
        `Cannot open the SQLite database at ${file}: ${(cause as Error).message}. Check that the folder exists and is writable (BATON_DATA_DIR).`,
        { cause },
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
    const sideThread = options.sideThread && !inMemory ? startSideThread(sqlite, path.resolve(file)) : undefined;
    behind.set(db.getExecutor().adapter, { caps: sqliteCapabilities, sqlite, sideThread });
    return {
      db,
      caps: sqliteCapabilities,
      displayUrl,
      sqliteFile: inMemory ? undefined : path.resolve(file),
      sqlite,
      sideThread,
      close: async () => {
        await sideThread?.stop();
        await db.destroy();
      },
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Loaded here: on SQLite, every command starts without the PostgreSQL client.
    const { default: pg } = await import('pg');
    // PostgreSQL sends bigint (count(*), sum of integers) as a string; every value Baton counts fits a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on the next query.
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    behind.set(db.getExecutor().adapter, { caps: postgresCapabilities });
    try {
      await sql`select 1`.execute(db);
    } catch (cause) {
      await db.destroy().catch(() => {});
      throw new AppError(
        'unavailable',
        `Cannot reach PostgreSQL at ${displayUrl}: ${(cause as Error).message}. Check that the server is running, the host and port are right, and the database exists (DATABASE_URL).`,
        { cause },
      );
    }
    return {
      db,
      caps: postgresCapabilities,
      displayUrl,
      sqliteFile: undefined,
      sqlite: undefined,
      close: () => db.destroy(),
    };
  }
  throw new AppError('validation', `DATABASE_URL must start with postgres:// or sqlite:, got ${displayUrl}`);
}
