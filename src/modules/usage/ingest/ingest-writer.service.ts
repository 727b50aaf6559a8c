/**
 * The ingest write path of one instance: a bounded queue in front of the database. Requests that arrive while a
 * transaction runs wait and are then stored together in the next one (group commit), each answered with its own
 * outcome after that transaction commits. When the queue is full, or the database says it is busy (SQLite
 * SQLITE_BUSY, PostgreSQL out of connections or a lock conflict), the request is refused with 429 and a
 * `Retry-After`, storing nothing: Segment and PostHog clients send it again later, and the events' ids make a
 * resend of anything that did commit a duplicate.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { IngestOutcome } from './ingest-group.service.ts';
import { countOf } from './packed-messages.ts';
import { ingestRequests } from './ingest.service.ts';
import { type QueuedRequest, unpacked } from './queued-request.ts';
import { type IngestWriteThread, WriteThreadStopped } from './write-thread.service.ts';

export interface IngestWriterOptions {
  /** Requests admitted (waiting or being written) at most; beyond, 429. */
  maxPending: number;
  retryAfterSeconds: number;
  /** Transactions run at once: one on SQLite (it has one writer), a few on PostgreSQL. */
  writers: number;
  /** Events per transaction at most (a group holds at least one request, whatever its size). */
  maxGroupEvents?: number;
}

interface Waiting {
  request: QueuedRequest;
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: unknown) => void;
}

const PG_BUSY = new Set(['53300', '53400', '57P03', '40001', '40P01', '55P03']);

/** Whether an error says the database cannot take the write now (not that the write is wrong). */
export function isDatabaseBusy(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || PG_BUSY.has(code)) return true;
  return /timeout exceeded when trying to connect|connection timeout|too many clients/i.test(String(e?.message ?? ''));
}

export class IngestWriter {
  private readonly queue: Waiting[] = [];
  private pending = 0;
  private active = 0;
  private scheduled = false;

  /** `thread`: a served SQLite file's write thread, which stores the groups while this thread receives requests. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: IngestWriterOptions,
    private readonly thread?: IngestWriteThread,
  ) {}

  overloaded(cause?: unknown): AppError {
    return new AppError('rate_limited', `ingest is busy: send this batch again in ${this.opts.retryAfterSeconds} s`, {
      retryAfterSeconds: this.opts.retryAfterSeconds,
      cause,
      detail: cause ? String((cause as Error).message ?? cause) : 'ingest queue full',
    });
  }

  /**
   * Admits one more request from its first byte until its answer (`leave`), or refuses it with 429 when
   * `maxPending` are in flight already: requests still sending their body, waiting for a transaction or being
   * written all count, so the memory and the wait they hold stay bounded.
   */
  enter(): void {
    if (this.pending >= this.opts.maxPending) throw this.overloaded();
    this.pending += 1;
  }

  leave(): void {
    this.pending = Math.max(0, this.pending - 1);
  }

  /** Stores one admitted request with others waiting at the same time; resolves after its transaction commits. */
  submit(request: QueuedRequest): Promise<IngestOutcome> {
    return new Promise<IngestOutcome>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  /**
   * Starts the next groups on the next turn of the event loop, not now: requests whose bodies arrived in the same
   * turn join the group first. (On SQLite a transaction never yields to the event loop, so without this every
   * request would commit alone.)
   */
  private pump(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startGroups();
    });
  }

  private startGroups(): void {
    const max = this.opts.maxGroupEvents ?? 5000;
    while (this.active < this.opts.writers && this.queue.length > 0) {
      const group: Waiting[] = [];
      let events = 0;
      while (
        this.queue.length > 0 &&
        (group.length === 0 || events + countOf((this.queue[0] as Waiting).request.messages) <= max)
      ) {
        const next = this.queue.shift() as Waiting;
        events += countOf(next.request.messages);
        group.push(next);
      }
      this.active += 1;
      void this.write(group).finally(() => {
        this.active -= 1;
        this.pump();
      });
    }
  }

  /** Requests stored in one transaction: on the write thread when it is ready, else here. */
  private async store(requests: QueuedRequest[]): Promise<IngestOutcome[]> {
    const here = () => this.db.transaction().execute((trx) => ingestRequests(trx, requests.map(unpacked)));
    const onThread = this.thread?.write(requests);
    if (!onThread) return here();
    return onThread.catch((error: unknown) => (error instanceof WriteThreadStopped ? here() : Promise.reject(error)));
  }

  private async write(group: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.store(group.map((g) => g.request));
      group.forEach((g, i) => g.resolve(outcomes[i] as IngestOutcome));
    } catch (error) {
      if (isDatabaseBusy(error) || group.length === 1) {
        for (const g of group) g.reject(isDatabaseBusy(error) ? this.overloaded(error) : error);
        return;
      }
      // One request's failure must not fail the others it was grouped with: each again, alone.
      for (const g of group) {
        try {
          g.resolve((await this.store([g.request]))[0] as IngestOutcome);
        } catch (alone) {
          g.reject(isDatabaseBusy(alone) ? this.overloaded(alone) : alone);
        }
      }
    }
  }
}
