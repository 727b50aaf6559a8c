import { z } from 'zod';
import { problemSchema } from '../../../platform/http/schemas.ts';
import type { RouteDocs } from '../../../platform/http/openapi.ts';
import { MAX_EVENT_BYTES, MAX_POSTHOG_BODY_BYTES, MAX_SEGMENT_BATCH_BYTES, type UsageType } from './usage-event.ts';

/*
 * The API document's description of the usage ingest routes. They read their bodies themselves (raw bytes,
 * gzip, sizes measured per message), so these schemas document and never validate: the readers in
 * usage-event.ts are the rules.
 */

const KB = 1024;
const json = z.record(z.string(), z.unknown());

const segmentMessage = z
  .looseObject({
    type: z
      .enum(['track', 'identify', 'group', 'page', 'screen', 'alias'])
      .optional()
      .describe('In a batch, the call each message is'),
    messageId: z
      .string()
      .optional()
      .describe('Deduplicates retries: a message is stored once per messageId (derived from its content when absent)'),
    userId: z.string().optional().describe('userId or anonymousId is required'),
    anonymousId: z.string().optional(),
    event: z.string().optional().describe('The event a track call names (required for track)'),
    name: z.string().optional().describe('The page or screen name'),
    groupId: z
      .string()
      .optional()
      .describe('The group (account) of a group call; other calls may name it in context.groupId'),
    properties: json.optional(),
    traits: json.optional().describe('identify and group calls: traits (email, company.id …)'),
    timestamp: z.string().optional().describe('ISO-8601; the batch’s sentAt, else the time received, when absent'),
    context: json.optional(),
  })
  .describe(`A Segment message (Segment Spec), at most ${MAX_EVENT_BYTES / KB} KB`);

const segmentBatch = z.looseObject({
  batch: z.array(segmentMessage),
  writeKey: z.string().optional().describe('The ingest API key, when not sent as the Basic auth user name'),
  sentAt: z.string().optional(),
  context: json.optional(),
});

const segmentOne = segmentMessage.extend({
  writeKey: z.string().optional().describe('The ingest API key, when not sent as the Basic auth user name'),
});

const ingestErrors = {
  400: problemSchema.describe(
    'The body is not valid JSON or a message is malformed: nothing of the request is stored; each field is named (body.batch.3.event)',
  ),
  401: problemSchema.describe('No ingest API key, or an unknown or revoked one'),
  403: problemSchema.describe('The API key’s scope is not ingest'),
  413: problemSchema.describe('The body, inflated, is larger than the limit'),
  415: problemSchema.describe('A Content-Encoding other than gzip'),
  429: problemSchema.describe(
    'Too many ingest requests in flight, or the database is busy: retry after the Retry-After header’s seconds',
  ),
};

/** A Segment endpoint: `/v1/batch` (type undefined) or `/v1/<type>`. */
export function segmentDocs(type?: UsageType): RouteDocs {
  return {
    tags: ['usage ingest'],
    summary: type
      ? `Segment ${type} call: one message`
      : 'Segment batch: up to 500 KB of messages, stored whole or not at all',
    description:
      `Segment’s HTTP Tracking API, for Segment libraries and Segment destinations pointed at Baton. Authenticate with an API key of scope ` +
      '`ingest` as the write key: the Basic auth user name with no password, or `writeKey` in the body. gzip bodies are inflated ' +
      `(Content-Encoding: gzip); a body is at most ${MAX_SEGMENT_BATCH_BYTES / KB} KB, a message at most ${MAX_EVENT_BYTES / KB} KB. ` +
      'Messages are stored once per messageId; a group’s account is found by id, CRM id or domain, else kept aside until one appears.',
    security: [{ ingestWriteKey: [] }],
    body: type ? segmentOne : segmentBatch,
    response: { 200: z.object({ success: z.literal(true) }), ...ingestErrors },
  };
}

const posthogEvent = z
  .looseObject({
    event: z
      .string()
      .describe('The event name ($identify, $groupidentify and $pageview are read as identify, group and page)'),
    distinct_id: z.string().optional().describe('The user; required here or in properties.distinct_id'),
    properties: json
      .optional()
      .describe('$groups names the user’s groups ({ company: id }); token may carry the API key'),
    timestamp: z.string().optional(),
    uuid: z
      .string()
      .optional()
      .describe('Deduplicates retries: an event is stored once per uuid (derived from its content when absent)'),
    api_key: z.string().optional(),
  })
  .describe(`A PostHog event, at most ${MAX_EVENT_BYTES / KB} KB`);

const posthogBody = z.union([
  z.looseObject({
    api_key: z.string().describe('The ingest API key'),
    batch: z.array(posthogEvent),
    sent_at: z.string().optional(),
  }),
  posthogEvent,
  z.array(posthogEvent),
]);

/** A PostHog capture endpoint (`/batch/`, `/capture/`, `/e/`). */
export function posthogDocs(path: string): RouteDocs {
  return {
    tags: ['usage ingest'],
    summary: `PostHog ${path}: events from PostHog libraries, stored whole or not at all`,
    description:
      'PostHog’s capture API, for posthog-node, posthog-js and others with their host set to Baton. There is no header to ' +
      'authenticate with: the body’s `api_key` (or the first event’s `properties.token`) is an API key of scope `ingest`. ' +
      'The body is `{ api_key, batch: [...] }`, one event, or a list of events; gzip bodies are inflated (also posthog-js’s ' +
      `\`?compression=gzip-js\`), at most ${MAX_POSTHOG_BODY_BYTES / KB / KB} MB. Also answered without the trailing slash.`,
    security: [],
    body: posthogBody,
    response: { 200: z.object({ status: z.literal(1) }), ...ingestErrors },
  };
}
