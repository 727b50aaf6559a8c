/**
 * Storing usage ingest groups on a thread of their own, for a served SQLite file. Storing a 100-event batch costs
 * more than receiving and reading it; on the request thread it also holds back every other request for the length
 * of each transaction. Here the request thread keeps receiving while this one writes, on its own connection
 * (SQLite lets one connection write at a time: the request thread's transactions take the lock as they begin,
 * see database.ts, and wait their turn). Until the thread is ready, and should it stop, groups are stored on the
 * request thread instead (`write` answers undefined): a request never waits on a missing thread.
 */
import type { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode } from '../../../platform/errors/app-error.ts';
import { stopWorker } from '../../../platform/workers/stop-worker.ts';
import { startTsWorker } from '../../../platform/workers/ts-worker.ts';
import type { IngestOutcome } from './ingest-group.service.ts';
import type { QueuedRequest } from './queued-request.ts';

/** An error thrown on the thread, as it crosses to the request thread. */
export interface ThreadError {
  message: string;
  code: string | undefined;
  /** An AppError (its code is an AppErrorCode), else a driver's error (its code, e.g. SQLITE_BUSY). */
  app: boolean;
}

const revive = (e: ThreadError): Error =>
  e.app
    ? new AppError(e.code as AppErrorCode, e.message)
    : Object.assign(new Error(e.message), e.code ? { code: e.code } : {});

/** The thread stopped with a group in flight: store it on the request thread (it may have committed: then its events are duplicates, counted once). */
export class WriteThreadStopped extends Error {
  constructor() {
    super('the ingest write thread stopped');
    this.name = 'WriteThreadStopped';
  }
}

interface Pending {
  resolve: (outcomes: IngestOutcome[]) => void;
  reject: (error: unknown) => void;
}

export class IngestWriteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private ready = false;
  private closing = false;
  private ids = 0;

  /** `onStop` hears why the thread stopped when it was not closed (groups are then stored on the request thread). */
  constructor(
    file: string,
    private readonly onStop?: (reason: string) => void,
  ) {
    this.worker = startTsWorker(new URL('./write.worker.ts', import.meta.url), { file });
    this.worker.unref();
    this.worker.on(
      'message',
      (m: { ready?: boolean; id?: number; outcomes?: IngestOutcome[]; error?: ThreadError }) => {
        if (m.ready) {
          this.ready = true;
          return;
        }
        const p = this.pending.get(m.id as number);
        if (!p) return;
        this.pending.delete(m.id as number);
        if (m.error) p.reject(revive(m.error));
        else p.resolve(m.outcomes ?? []);
      },
    );
    this.worker.on('error', (error) => this.gone(String(error?.message ?? error)));
    this.worker.on('exit', (code) => this.gone(`exited with code ${code}`));
  }

  /** Whether groups go to the thread now (tests, status). */
  get writing(): boolean {
    return this.ready;
  }

  /** Stores requests in one transaction on the thread; undefined when it is not (or no longer) ready. */
  write(requests: readonly QueuedRequest[]): Promise<IngestOutcome[]> | undefined {
    if (!this.ready) return undefined;
    const id = ++this.ids;
    return new Promise<IngestOutcome[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, requests });
    });
  }

  /** Stops the thread once it has stored the groups it was sent (5 s at most). */
  async close(): Promise<void> {
    this.closing = true;
    this.ready = false;
    await stopWorker(this.worker, 5000);
  }

  /** The thread stopped: groups in flight fail with WriteThreadStopped, and later ones are stored on the request thread. */
  private gone(reason: string): void {
    // Once: an error is followed by the exit.
    if (!this.closing) this.onStop?.(reason);
    this.closing = true;
    this.ready = false;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new WriteThreadStopped());
  }
}
