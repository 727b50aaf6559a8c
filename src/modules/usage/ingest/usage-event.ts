/**
 * Product usage messages as Segment and PostHog clients send them, read into one shape (pure, no I/O).
 * A payload is read whole: one bad message refuses the request, so nothing is half-stored.
 */
import { createHash } from 'node:crypto';

export const USAGE_SOURCES = ['segment', 'posthog'] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

export const SEGMENT_TYPES = ['track', 'identify', 'group', 'page', 'screen', 'alias'] as const;
export type UsageType = (typeof SEGMENT_TYPES)[number];

/** Segment's limits: one event at most 32 KB, one batch at most 500 KB. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_SEGMENT_BATCH_BYTES = 500 * 1024;
/** A PostHog body, compressed or inflated, at most 1 MiB. */
export const MAX_POSTHOG_BODY_BYTES = 1024 * 1024;

export interface UsageMessage {
  source: UsageSource;
  messageId: string;
  type: UsageType;
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  /** The group this message names (group call, `context.groupId`, traits `company.id`, PostHog `$groups`). */
  groupId: string | null;
  occurredAt: string;
  /** The message's properties (traits for identify and group calls) as JSON text, as stored. */
  properties: string;
  /** The email an identify call gives its user (traits `email`, PostHog `$set.email`), lower-cased. */
  email: string | null;
}

export interface MessageFieldError {
  field: string;
  message: string;
}

export type ReadResult =
  { ok: true; messages: UsageMessage[] } | { ok: false; errors: MessageFieldError[]; count: number };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Text as both databases store it: a lone UTF-16 surrogate (valid in a JSON string, not in UTF-8) becomes
 * U+FFFD, as it would on its way into PostgreSQL, instead of bytes SQLite keeps that read back as three.
 */
const wellFormed = (text: string): string => (text.isWellFormed() ? text : text.toWellFormed());

/** An id as clients send it: a non-empty string, or a number. */
const idOf = (v: unknown): string | null => {
  if (typeof v === 'string') {
    // PostgreSQL text cannot hold NUL characters.
    let clean = v.includes('\u0000') ? v.replaceAll('\u0000', '') : v;
    if (clean.length === 0) return null;
    if (clean.charCodeAt(0) <= 32 || clean.charCodeAt(clean.length - 1) <= 32) clean = clean.trim();
    if (clean.length === 0) return null;
    if (clean.length > 200) clean = clean.slice(0, 200);
    return wellFormed(clean);
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
};

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits of text[from, to), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Whether text is already a valid timestamp as `toISOString` writes it (`YYYY-MM-DDTHH:MM:SS.sssZ`, what clients
 * send): kept as it is, without a Date round trip.
 */
export function isCanonicalUtc(text: string): boolean {
  if (
    text.length !== 24 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':' ||
    text[19] !== '.' ||
    text[23] !== 'Z'
  )
    return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (
    year < 0 ||
    digits(text, 20, 23) < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (MONTH_DAYS[month - 1] as number) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return false;
  return !(month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)));
}

/**
 * When a message arrived and how far its client's clock is off. Segment and PostHog clients say when they sent
 * a batch (`sentAt`, `sent_at`): the difference to the time Baton received it corrects every timestamp in it,
 * as Segment's and PostHog's own servers do (timestamp = receivedAt − (sentAt − timestamp)).
 */
export interface Receipt {
  /** Receipt time as ISO-8601 UTC text (`toISOString`). */
  at: string;
  ms: number;
  /** receivedAt − sentAt in milliseconds; 0 when the client sent no readable sentAt. */
  skewMs: number;
}

/** The milliseconds of a client time (ISO-8601 text or epoch milliseconds), NaN when unreadable. */
const msOf = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN);

/** The receipt of a body received at `now` whose client says it sent it at `sentAt` (absent or unreadable: no correction). */
export function receiptOf(now: string, sentAt: unknown): Receipt {
  const ms = Date.parse(now);
  const sent = sentAt === undefined || sentAt === null || sentAt === '' ? Number.NaN : msOf(sentAt);
  return { at: now, ms, skewMs: Number.isNaN(new Date(sent).getTime()) ? 0 : ms - sent };
}

/** The receipt of one message that says itself when it was sent (Segment's `sentAt` on a message), else the body's. */
const receiptOfMessage = (item: Obj, body: Receipt): Receipt =>
  item.sentAt === undefined || item.sentAt === null || item.sentAt === '' ? body : receiptOf(body.at, item.sentAt);

/**
 * ISO-8601 UTC text of when a message happened: its timestamp corrected for its client's clock, the receipt time
 * when it has none; undefined when present but unreadable. No message happened after it arrived: a later time (a
 * clock far ahead, `9999-12-31`) is the receipt time, so one such event cannot date an account's last use ahead for good.
 */
function occurredAtOf(v: unknown, receipt: Receipt): string | undefined {
  if (v === undefined || v === null || v === '') return receipt.at;
  // Both canonical texts, with four-digit years: they compare as the times they write.
  if (receipt.skewMs === 0 && typeof v === 'string' && isCanonicalUtc(v)) return v > receipt.at ? receipt.at : v;
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const ms = msOf(v);
  // No date at all (1e20 ms is none either: dates end at ±8.64e15 ms).
  if (Number.isNaN(new Date(ms).getTime())) return undefined;
  const corrected = ms + receipt.skewMs;
  if (corrected > receipt.ms) return receipt.at;
  const date = new Date(corrected);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const byteLength = (v: unknown): number => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

/** A stable id for a message that carries none, so that sending it again is still a duplicate. */
const contentId = (v: unknown): string =>
  `sha256:${createHash('sha256')
    .update(JSON.stringify(v) ?? '')
    .digest('hex')}`;

/** An email as identify traits give it: trimmed, lower-cased, when it looks like one. */
function emailOf(traits: unknown): string | null {
  if (!isObject(traits)) return null;
  const set = isObject(traits.$set) ? traits.$set : undefined;
  const value = traits.email ?? set?.email;
  if (typeof value !== 'string') return null;
  const email = wellFormed(value.trim().toLowerCase());
  return email.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** The group named by traits such as `{ company: { id } }` or `groupId`. */
function groupOfTraits(traits: unknown): string | null {
  if (!isObject(traits)) return null;
  const company = traits.company;
  if (isObject(company)) return idOf(company.id);
  return idOf(traits.groupId);
}

/**
 * Where a message sits in its body (`body`, or `body.batch` and its index), named only when one of its fields
 * is in error: reading a valid message builds no name and no function.
 */
interface Place {
  base: string;
  index: number | null;
}

const placeName = (place: Place): string => (place.index === null ? place.base : `${place.base}.${place.index}`);

/** Records an error on a field of the message at `place`. */
function fail(errors: MessageFieldError[], place: Place, field: string, message: string): void {
  errors.push({ field: `${placeName(place)}.${field}`, message });
}

/** A message refused whole (not an object, or too large). */
const refused = (place: Place, message: string) => ({ errors: [{ field: placeName(place), message }] });

function segmentMessage(
  item: unknown,
  place: Place,
  implied: UsageType | undefined,
  receipt: Receipt,
  size: number | undefined,
): { message?: UsageMessage; errors: MessageFieldError[] } {
  const errors: MessageFieldError[] = [];
  if (!isObject(item)) return refused(place, 'must be an object');
  if ((size ?? byteLength(item)) > MAX_EVENT_BYTES)
    return refused(place, `is larger than ${MAX_EVENT_BYTES / 1024} KB`);
  const type = (item.type ?? implied) as string | undefined;
  if (typeof type !== 'string' || !(SEGMENT_TYPES as readonly string[]).includes(type)) {
    fail(errors, place, 'type', `must be one of ${SEGMENT_TYPES.join(', ')}`);
  } else if (implied && type !== implied) fail(errors, place, 'type', `must be ${implied} on this endpoint`);
  const userId = idOf(item.userId);
  const anonymousId = idOf(item.anonymousId);
  if (!userId && !anonymousId) fail(errors, place, 'userId', 'give a userId or an anonymousId');
  const event = type === 'track' ? item.event : type === 'page' || type === 'screen' ? (item.name ?? null) : null;
  if (type === 'track' && (typeof event !== 'string' || !idOf(event)))
    fail(errors, place, 'event', 'a track call names its event');
  if (event !== null && event !== undefined && typeof event !== 'string') fail(errors, place, 'name', 'must be text');
  const context = item.context;
  if (context !== undefined && context !== null && !isObject(context))
    fail(errors, place, 'context', 'must be an object');
  const properties = type === 'identify' || type === 'group' ? item.traits : item.properties;
  if (properties !== undefined && properties !== null && !isObject(properties))
    fail(errors, place, type === 'identify' || type === 'group' ? 'traits' : 'properties', 'must be an object');
  const groupIdOfCall = type === 'group' ? idOf(item.groupId) : null;
  if (type === 'group' && !groupIdOfCall) fail(errors, place, 'groupId', 'a group call names its group');
  // A message's own timestamp corrected by its sentAt (else its batch's), else the receipt time.
  const occurredAt = occurredAtOf(item.timestamp, receiptOfMessage(item, receipt));
  if (!occurredAt) fail(errors, place, 'timestamp', 'must be an ISO-8601 date-time');
  const messageId = item.messageId === undefined || item.messageId === null ? contentId(item) : idOf(item.messageId);
  if (!messageId) fail(errors, place, 'messageId', 'must be a non-empty string');
  if (errors.length > 0) return { errors };
  const ctx = isObject(context) ? context : {};
  const groupId =
    groupIdOfCall ??
    idOf(ctx.groupId) ??
    groupOfTraits(type === 'identify' ? item.traits : undefined) ??
    groupOfTraits(ctx.traits);
  return {
    errors,
    message: {
      source: 'segment',
      messageId: messageId as string,
      type: type as UsageType,
      event: typeof event === 'string' ? (idOf(event) ?? null) : null,
      userId,
      anonymousId,
      groupId,
      occurredAt: occurredAt as string,
      properties: isObject(properties) ? JSON.stringify(properties) : '{}',
      email: type === 'identify' ? emailOf(properties) : null,
    },
  };
}

/**
 * What is known of the byte size of each message as sent, so that checking it against the limit spares
 * serializing each message again: each one's size (`messageSizes`), or one bound for all (the body's size: no
 * message is larger than the body that holds it), or nothing (each is measured).
 */
export type MessageSizes = readonly number[] | { atMost: number } | null | undefined;

/** The size to check of message `i` of `count`, undefined when it must be measured. */
const sizeOf = (sizes: MessageSizes, i: number, count: number): number | undefined =>
  !sizes ? undefined : 'atMost' in sizes ? sizes.atMost : sizes.length === count ? sizes[i] : undefined;

/**
 * Reads a Segment body: `{ batch: [...] }` for `/v1/batch`, or one message for `/v1/track` and the others
 * (`implied` is the endpoint's type). Fields are named as `body.batch.3.event`.
 */
export function readSegment(body: unknown, now: string, implied?: UsageType, sizes?: MessageSizes): ReadResult {
  if (!isObject(body)) return { ok: false, count: 0, errors: [{ field: 'body', message: 'must be a JSON object' }] };
  if (implied) {
    const one = segmentMessage(
      body,
      { base: 'body', index: null },
      implied,
      receiptOf(now, undefined),
      sizeOf(sizes, 0, 1),
    );
    return one.message ? { ok: true, messages: [one.message] } : { ok: false, count: 1, errors: one.errors };
  }
  const batch = body.batch;
  if (!Array.isArray(batch))
    return { ok: false, count: 0, errors: [{ field: 'body.batch', message: 'must be a list of messages' }] };
  const messages: UsageMessage[] = [];
  const errors: MessageFieldError[] = [];
  const receipt = receiptOf(now, body.sentAt);
  const place: Place = { base: 'body.batch', index: 0 };
  batch.forEach((item, i) => {
    place.index = i;
    const one = segmentMessage(item, place, undefined, receipt, sizeOf(sizes, i, batch.length));
    if (one.message) messages.push(one.message);
    errors.push(...one.errors);
  });
  return errors.length > 0 ? { ok: false, count: batch.length, errors } : { ok: true, messages };
}

/** The write key of a Segment body (clients send it in the body as well as in Basic auth). */
export const segmentWriteKey = (body: unknown): string | null =>
  isObject(body) && typeof body.writeKey === 'string' ? body.writeKey : null;

/** PostHog's own events and the calls they are; any other name (`constructor` too: a Map, not an object) is a track call. */
const POSTHOG_TYPES = new Map<string, UsageType>([
  ['$identify', 'identify'],
  ['$groupidentify', 'group'],
  ['$pageview', 'page'],
  ['$screen', 'screen'],
  ['$create_alias', 'alias'],
]);

/** The group of PostHog `$groups`: its `company` (or `organization`) key, else its first key. */
function groupOfPosthog(groups: unknown): string | null {
  if (!isObject(groups)) return null;
  return idOf(groups.company) ?? idOf(groups.organization) ?? idOf(Object.values(groups)[0]);
}

function posthogMessage(
  item: unknown,
  place: Place,
  receipt: Receipt,
  size: number | undefined,
): { message?: UsageMessage; errors: MessageFieldError[] } {
  const errors: MessageFieldError[] = [];
  if (!isObject(item)) return refused(place, 'must be an object');
  if ((size ?? byteLength(item)) > MAX_EVENT_BYTES)
    return refused(place, `is larger than ${MAX_EVENT_BYTES / 1024} KB`);
  const event = item.event;
  if (typeof event !== 'string' || !idOf(event)) fail(errors, place, 'event', 'name the event');
  const properties = item.properties ?? {};
  if (!isObject(properties)) fail(errors, place, 'properties', 'must be an object');
  const props = isObject(properties) ? properties : {};
  const distinctId = idOf(item.distinct_id) ?? idOf(props.distinct_id);
  if (!distinctId) fail(errors, place, 'distinct_id', 'give the distinct_id of the user');
  const occurredAt = occurredAtOf(item.timestamp, receipt);
  if (!occurredAt) fail(errors, place, 'timestamp', 'must be an ISO-8601 date-time');
  const messageId = item.uuid === undefined || item.uuid === null ? contentId(item) : idOf(item.uuid);
  if (!messageId) fail(errors, place, 'uuid', 'must be a non-empty string');
  if (errors.length > 0) return { errors };
  const name = idOf(event) ?? '';
  const type = POSTHOG_TYPES.get(name) ?? 'track';
  // `$groupidentify` describes a group itself; every other event names its user's groups in `$groups`.
  const groupId =
    type === 'group' ? (idOf(props.$group_key) ?? groupOfPosthog(props.$groups)) : groupOfPosthog(props.$groups);
  return {
    errors,
    message: {
      source: 'posthog',
      messageId: messageId as string,
      type,
      event: name,
      userId: distinctId,
      anonymousId: null,
      groupId,
      occurredAt: occurredAt as string,
      properties: JSON.stringify(props),
      email: type === 'identify' ? emailOf(props) : null,
    },
  };
}

/**
 * Reads a PostHog body: `{ api_key, batch: [...] }`, one event `{ api_key, event, properties, distinct_id }`,
 * or a bare list of events (each with `properties.token` or `api_key`). `sizes` as for `readSegment`.
 */
export function readPosthog(body: unknown, now: string, sizes?: MessageSizes): ReadResult & { apiKey: string | null } {
  const list = Array.isArray(body)
    ? body
    : isObject(body)
      ? Array.isArray(body.batch)
        ? body.batch
        : [body]
      : undefined;
  if (!list)
    return { ok: false, count: 0, apiKey: null, errors: [{ field: 'body', message: 'must be a JSON object or list' }] };
  const first = list[0];
  const apiKey =
    (isObject(body) && typeof body.api_key === 'string' ? body.api_key : null) ??
    (isObject(first) && typeof first.api_key === 'string' ? first.api_key : null) ??
    (isObject(first) && isObject(first.properties) && typeof first.properties.token === 'string'
      ? first.properties.token
      : null);
  const sentAt = isObject(body) ? body.sent_at : undefined;
  const base = Array.isArray(body) ? 'body' : isObject(body) && Array.isArray(body.batch) ? 'body.batch' : null;
  const messages: UsageMessage[] = [];
  const errors: MessageFieldError[] = [];
  const receipt = receiptOf(now, sentAt);
  const place: Place = { base: base ?? 'body', index: base ? 0 : null };
  list.forEach((item, i) => {
    if (base) place.index = i;
    const one = posthogMessage(item, place, receipt, sizeOf(sizes, i, list.length));
    if (one.message) messages.push(one.message);
    errors.push(...one.errors);
  });
  return errors.length > 0 ? { ok: false, count: list.length, apiKey, errors } : { ok: true, apiKey, messages };
}

/** User → group mappings a batch states, later ones winning: group calls, `context.groupId`, traits, `$groups`. */
export function userGroups(messages: readonly UsageMessage[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of messages) {
    const user = m.userId ?? m.anonymousId;
    // `$groupidentify` carries the group's own traits, not a user's membership.
    if (!user || !m.groupId || (m.source === 'posthog' && m.type === 'group')) continue;
    out.set(user, m.groupId);
  }
  return out;
}

/** Basic-auth user name (Segment's write key), or null. */
export function basicAuthUser(header: string | undefined): string | null {
  if (!header) return null;
  const [kind, value] = header.split(' ', 2);
  if (kind?.toLowerCase() !== 'basic' || !value) return null;
  const decoded = Buffer.from(value.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user || null;
}
