/**
 * Reading ingest bodies off the request thread. Parsing and checking a 100-event batch costs about as much as
 * storing it, and the request thread is the one that stores: worker threads take the reading, so the two overlap
 * on a machine with more than one core. Without threads (`BATON_INGEST_READ_THREADS=0`), while a worker starts,
 * or if one fails, bodies are read on the request thread instead: a request never waits on a missing worker.
 */
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../../platform/workers/ts-worker.ts';
import { type BodyJob, type BodyRead, readBody } from './read-body.ts';

interface Pending {
  job: BodyJob;
  resolve: (read: BodyRead) => void;
  reject: (error: unknown) => void;
}

/** Reads a job on this thread and settles its promise (a reading that throws rejects it, as inline). */
function readHere(p: Pending): void {
  try {
    p.resolve(readBody(p.job));
  } catch (error) {
    p.reject(error);
  }
}

interface Thread {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
}

export class BodyReader {
  private readonly threads: Thread[] = [];
  private next = 0;
  private ids = 0;
  private closed = false;

  constructor(private readonly size: number) {}

  /** Reads a body, on a worker thread when one is ready. */
  read(job: BodyJob): Promise<BodyRead> {
    if (this.size > 0 && !this.closed && this.threads.length === 0) this.start();
    const ready = this.threads.filter((t) => t.ready);
    if (ready.length === 0) return Promise.resolve(readBody(job));
    const thread = ready[this.next++ % ready.length] as Thread;
    const id = ++this.ids;
    return new Promise<BodyRead>((resolve, reject) => {
      thread.pending.set(id, { job, resolve, reject });
      thread.worker.postMessage({ id, job });
    });
  }

  /** Workers answering now (tests, status). */
  get readyThreads(): number {
    return this.threads.filter((t) => t.ready).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads.splice(0);
    for (const t of threads) this.fail(t);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private start(): void {
    for (let i = 0; i < this.size; i++) {
      const thread: Thread = {
        worker: startTsWorker(new URL('./read.worker.ts', import.meta.url)),
        ready: false,
        pending: new Map(),
      };
      thread.worker.unref();
      thread.worker.on('message', (m: { ready?: boolean; id?: number; read?: BodyRead; error?: string }) => {
        if (m.ready) {
          thread.ready = true;
          return;
        }
        const p = thread.pending.get(m.id as number);
        if (!p) return;
        thread.pending.delete(m.id as number);
        // A reading that failed in the worker is done again here, where its error surfaces as it would have.
        if (m.read) p.resolve(m.read);
        else readHere(p);
      });
      thread.worker.on('error', () => this.fail(thread));
      thread.worker.on('exit', () => this.fail(thread));
      this.threads.push(thread);
    }
  }

  /** A worker gone: its jobs are read here, and it takes no more. */
  private fail(thread: Thread): void {
    thread.ready = false;
    const pending = [...thread.pending.values()];
    thread.pending.clear();
    for (const p of pending) readHere(p);
  }
}
