/**
 * What one server needs to take in usage, built once when usage is composed into that server (its manifest's
 * routes hook) and stopped when the server closes: the counters since start, the reader pool that parses bodies
 * off the request thread, the write thread that stores groups on a served SQLite file, and the writer (admission,
 * group commit) in front of them. The routes only use it.
 */
import type { AppContext } from '../../../platform/app-context.ts';
import { IngestCounters } from './ingest-counters.ts';
import { IngestWriter } from './ingest-writer.service.ts';
import { BodyReader } from './read-pool.service.ts';
import { IngestWriteThread } from './write-thread.service.ts';

export interface IngestRuntime {
  readonly counters: IngestCounters;
  readonly reader: BodyReader;
  readonly writer: IngestWriter;
  /** Whether groups are stored on the write thread now (a served SQLite file, the thread ready). */
  readonly writingOnThread: boolean;
  /** Stops the write thread (once it stored what it was sent) and the reader pool. */
  close(): Promise<void>;
}

export function openIngestRuntime(ctx: AppContext): IngestRuntime {
  // A served SQLite file stores ingest on a thread of its own (write-thread.service.ts); PostgreSQL and commands here.
  const file = ctx.dbh.sideThread && ctx.config.ingestWriteThread ? ctx.dbh.sqliteFile : undefined;
  const thread = file
    ? new IngestWriteThread(file, (reason) =>
        ctx.logger.warn({ reason }, 'the usage ingest write thread stopped: ingest is stored on the request thread'),
      )
    : undefined;
  const writer = new IngestWriter(
    ctx.db,
    {
      maxPending: ctx.config.ingestMaxPending,
      retryAfterSeconds: ctx.config.ingestRetryAfterSeconds,
      // PostgreSQL (row locks) takes several writing transactions at once; SQLite one.
      writers: ctx.caps.singleWriter ? 1 : ctx.config.ingestPgWriters,
    },
    thread,
  );
  const reader = new BodyReader(ctx.config.ingestReadThreads);
  return {
    counters: new IngestCounters(),
    reader,
    writer,
    get writingOnThread() {
      return thread?.writing ?? false;
    },
    close: async () => {
      await thread?.close();
      await reader.close();
    },
  };
}
