/**
 * One ingest request's body read into messages (pure, no I/O): JSON, the size of each message as sent, then the
 * Segment or PostHog reading. Runs on a worker thread (read-pool.ts) or, without one, on the request's thread.
 */
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepMessage } from '../../../platform/http/json-input.ts';
import { scanMessages } from './message-sizes.ts';
import type { Messages } from './packed-messages.ts';
import { readPosthog } from './posthog-event.ts';
import { readSegment, segmentWriteKey } from './segment-event.ts';
import {
  MAX_EVENT_BYTES,
  type MessageSizes,
  type ReadResult,
  type UsageSource,
  type UsageType,
} from './usage-event.ts';

export interface BodyJob {
  source: UsageSource;
  body: Uint8Array;
  /** The type a single-message Segment endpoint implies (`/v1/track`…); none for batches. */
  implied?: UsageType | undefined;
  /** Receipt time: the timestamp of messages that carry none. */
  now: string;
}

export interface BodyRead {
  /** Whether the body was JSON at all (and nested within MAX_JSON_DEPTH). */
  json: boolean;
  /** The API key the body carries (Segment `writeKey`, PostHog `api_key` or `properties.token`). */
  key: string | null;
  /** Read here, the messages are objects; read on a worker thread, packed. */
  read: ReadResult | { ok: true; messages: Messages };
}

const tooDeep: BodyRead = {
  json: false,
  key: null,
  read: { ok: false, count: 1, errors: [{ field: 'body', message: tooDeepMessage() }] },
};

export function readBody(job: BodyJob): BodyRead {
  const bytes = Buffer.isBuffer(job.body)
    ? job.body
    : Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
  // Nesting is refused on the raw bytes, before any recursive walk (reading, measuring) could run out of stack. A body
  // within the limit holds no message beyond it: nothing to measure. A larger one is scanned once, for both.
  let sizes: MessageSizes;
  if (bytes.length <= MAX_EVENT_BYTES || job.implied) {
    if (nestsDeeperThan(bytes)) return tooDeep;
    sizes = { atMost: bytes.length };
  } else {
    const scan = scanMessages(bytes, MAX_JSON_DEPTH);
    if (scan.tooDeep) return tooDeep;
    sizes = scan.sizes;
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return {
      json: false,
      key: null,
      read: { ok: false, count: 1, errors: [{ field: 'body', message: `not valid JSON (${(err as Error).message})` }] },
    };
  }
  if (job.source === 'segment')
    return { json: true, key: segmentWriteKey(value), read: readSegment(value, job.now, job.implied, sizes) };
  const { apiKey, ...read } = readPosthog(value, job.now, sizes);
  return { json: true, key: apiKey, read: read as ReadResult };
}
