/**
 * A served SQLite database's side threads, each on a connection of its own.
 *
 * - WAL checkpoints. In WAL mode every committed page is written twice: appended to the WAL, then copied into the
 *   database file by a checkpoint, which SQLite runs inside the commit that crosses its threshold, on the thread
 *   that committed: the request's. A server turns that off and checkpoints from here a few times a second
 *   (PASSIVE: never blocking readers or the writer). Should the thread stop, SQLite's own checkpoints come back.
 * - Reads run beside the request thread's: a report made of several heavy queries runs one here while the
 *   request thread runs another (WAL readers do not block each other), as PostgreSQL runs them on two connections.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { stopWorker } from '../workers/stop-worker.ts';

/** SQLite's own threshold (pages), restored whenever no side thread checkpoints. */
const AUTOCHECKPOINT_PAGES = 1000;

// CommonJS, evaluated in each worker: no loader or build step needed there. One worker checkpoints, the other
// reads, so that a long checkpoint (after a bulk load) never holds a read back.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
const timer = workerData.checkpoints
  ? setInterval(() => {
      const startedAt = Date.now();
      try {
        const [result] = db.pragma('wal_checkpoint(PASSIVE)');
        parentPort.postMessage({ checkpoint: { log: result.log, checkpointed: result.checkpointed, startedAt } });
      } catch (error) {
        parentPort.postMessage({ checkpointError: String((error && error.message) || error) });
      }
    }, workerData.intervalMs)
  : undefined;
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
    return;
  }
  try {
    let statement = statements.get(message.sql);
    if (!statement) {
      statement = db.prepare(message.sql);
      if (!statement.reader) throw new Error('only reads run on the side thread');
      if (statements.size >= 100) statements.delete(statements.keys().next().value);
      statements.set(message.sql, statement);
    }
    parentPort.postMessage({ id: message.id, rows: statement.all(message.parameters) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;

export interface CheckpointProgress {
  /** WAL frames at the last checkpoint, and how many of them are in the database file. */
  log: number;
  checkpointed: number;
}

export interface SideThread {
  /** Resolves with the figures of the first checkpoint started after the call (tests, diagnostics). */
  nextCheckpoint(): Promise<CheckpointProgress>;
  /** Runs a read-only statement on the side thread; undefined once the thread is gone (run it on the caller's). */
  read<R>(sql: string, parameters: readonly unknown[]): Promise<R[]> | undefined;
  stop(): Promise<void>;
}

/** Starts the side threads of `file`; `sqlite` is the request thread's connection, whose own checkpoints stop. */
export function startSideThread(sqlite: SqliteDatabase.Database, file: string, intervalMs = 250): SideThread {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const checkpointer = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, file, intervalMs, checkpoints: true },
  });
  const reader = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, checkpoints: false } });
  checkpointer.unref();
  reader.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let waiting: Array<{ since: number; resolve: (p: CheckpointProgress) => void }> = [];
  const reads = new Map<number, { resolve: (rows: never[]) => void; reject: (e: Error) => void }>();
  let ids = 0;
  let reading = true;
  let stopped = false;
  const checkpointsGone = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  const readsGone = () => {
    reading = false;
    for (const r of reads.values()) r.reject(new Error('the SQLite side thread stopped'));
    reads.clear();
  };
  checkpointer.on('message', (m: { checkpoint?: CheckpointProgress & { startedAt: number } }) => {
    if (!m.checkpoint) return;
    const { startedAt, ...progress } = m.checkpoint;
    const due = waiting.filter((w) => startedAt >= w.since);
    waiting = waiting.filter((w) => startedAt < w.since);
    for (const w of due) w.resolve(progress);
  });
  reader.on('message', (m: { id: number; rows?: never[]; error?: string }) => {
    const r = reads.get(m.id);
    if (!r) return;
    reads.delete(m.id);
    if (reads.size === 0) reader.unref();
    if (m.error !== undefined) r.reject(new Error(m.error));
    else r.resolve(m.rows ?? []);
  });
  checkpointer.on('error', checkpointsGone);
  checkpointer.on('exit', () => {
    if (!stopped) checkpointsGone();
  });
  reader.on('error', readsGone);
  reader.on('exit', readsGone);
  return {
    nextCheckpoint: () => new Promise((resolve) => waiting.push({ since: Date.now(), resolve })),
    read: <R>(sql: string, parameters: readonly unknown[]) => {
      if (!reading) return undefined;
      const id = ++ids;
      // The thread keeps the process alive only while a read is out.
      if (reads.size === 0) reader.ref();
      return new Promise<R[]>((resolve, reject) => {
        reads.set(id, { resolve: resolve as (rows: never[]) => void, reject });
        reader.postMessage({ id, sql, parameters });
      });
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      readsGone();
      await Promise.all([stopWorker(checkpointer, 2000), stopWorker(reader, 2000)]);
      checkpointsGone();
    },
  };
}
