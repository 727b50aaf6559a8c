/**
 * WAL checkpoints of a served SQLite database, off the main thread. In WAL mode every committed page is written
 * twice: appended to the WAL, then copied into the database file by a checkpoint. SQLite runs that copy inside the
 * commit that crosses its threshold, on the thread that committed: the request's thread. A server instead turns
 * the automatic checkpoint off and lets a worker thread, on its own connection, checkpoint a few times a second
 * (PASSIVE: it never blocks readers or the writer). Should the worker stop, the automatic checkpoint comes back.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

/** SQLite's own threshold (pages), restored whenever no worker checkpoints. */
const AUTOCHECKPOINT_PAGES = 1000;

// CommonJS, evaluated in the worker: no loader or build step needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointProgress {
  /** WAL frames at the last checkpoint, and how many of them are in the database file. */
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** Resolves with the next checkpoint's figures (tests, diagnostics). */
  next(): Promise<CheckpointProgress>;
  stop(): Promise<void>;
}

/** Starts checkpointing `file` from a worker thread; `sqlite` is the main connection, whose own checkpoints stop. */
export function startCheckpointer(sqlite: SqliteDatabase.Database, file: string, intervalMs = 250): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let waiting: Array<(p: CheckpointProgress) => void> = [];
  let stopped = false;
  const restore = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (m: CheckpointProgress | { error: string }) => {
    if ('error' in m) return;
    const now = waiting;
    waiting = [];
    for (const resolve of now) resolve(m);
  });
  worker.on('error', restore);
  worker.on('exit', () => {
    if (!stopped) restore();
  });
  return {
    next: () => new Promise((resolve) => waiting.push(resolve)),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      await worker.terminate();
      restore();
    },
  };
}
