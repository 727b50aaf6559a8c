// The usage ingest write thread (write-thread.ts): stores each group of requests it is sent in one transaction on
// a SQLite connection of its own, one group at a time, and answers each group's outcomes or its error.
import { parentPort, workerData } from 'node:worker_threads';
// A worker thread is an entry point of its own: it composes the modules as the process that started it did.
import '../../../app/modules.ts';
import { openDatabase } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { ingestRequests } from './ingest.service.ts';
import { type QueuedRequest, unpacked } from './queued-request.ts';
import type { ThreadError } from './write-thread.service.ts';

const port = parentPort;
if (!port) throw new Error('write.worker.ts runs as a worker thread');
const dbh = await openDatabase(`sqlite:${workerData.file as string}`, { mustExist: true });
// A served file's side thread checkpoints the WAL for every connection a few times a second, so commits here
// only append to it; should that thread stop, a commit here checkpoints once the WAL passes 40 MB.
dbh.sqlite?.pragma('wal_autocheckpoint = 10000');

const errorOf = (error: unknown): ThreadError => {
  const e = error as { message?: unknown; code?: unknown };
  return {
    message: String(e?.message ?? error),
    code: typeof e?.code === 'string' ? e.code : undefined,
    app: error instanceof AppError,
  };
};

let queue = Promise.resolve();
port.on('message', (message: { id: number; requests: QueuedRequest[] } | 'stop') => {
  queue = queue.then(async () => {
    if (message === 'stop') {
      await dbh.close();
      port.close();
      return;
    }
    try {
      const outcomes = await dbh.db.transaction().execute((trx) => ingestRequests(trx, message.requests.map(unpacked)));
      port.postMessage({ id: message.id, outcomes });
    } catch (error) {
      port.postMessage({ id: message.id, error: errorOf(error) });
    }
  });
});
port.postMessage({ ready: true });
