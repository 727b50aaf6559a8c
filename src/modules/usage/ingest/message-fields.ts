/**
 * Reading the fields of Segment and PostHog messages (pure, no I/O): ids, emails and groups as clients send them,
 * timestamps corrected for the client's clock, each message's size, and where a field in error sits in its body.
 */
import { createHash } from 'node:crypto';
import type { MessageFieldError, MessageSizes } from './usage-event.ts';

export type Obj = Record<string, unknown>;
export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Text as both databases store it: a lone UTF-16 surrogate (valid in a JSON string, not in UTF-8) becomes
 * U+FFFD, as it would on its way into PostgreSQL, instead of bytes SQLite keeps that read back as three.
 */
const wellFormed = (text: string): string => (text.isWellFormed() ? text : text.toWellFormed());

/** An id as clients send it: a non-empty string, or a number. */
export const idOf = (v: unknown): string | null => {
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
export const receiptOfMessage = (item: Obj, body: Receipt): Receipt =>
  item.sentAt === undefined || item.sentAt === null || item.sentAt === '' ? body : receiptOf(body.at, item.sentAt);

/**
 * ISO-8601 UTC text of when a message happened: its timestamp corrected for its client's clock, the receipt time
 * when it has none; undefined when present but unreadable. No message happened after it arrived: a later time (a
 * clock far ahead, `9999-12-31`) is the receipt time, so one such event cannot date an account's last use ahead for good.
 */
export function occurredAtOf(v: unknown, receipt: Receipt): string | undefined {
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

export const byteLength = (v: unknown): number => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

/** A stable id for a message that carries none, so that sending it again is still a duplicate. */
export const contentId = (v: unknown): string =>
  `sha256:${createHash('sha256')
    .update(JSON.stringify(v) ?? '')
    .digest('hex')}`;

/** An email as identify traits give it: trimmed, lower-cased, when it looks like one. */
export function emailOf(traits: unknown): string | null {
  if (!isObject(traits)) return null;
  const set = isObject(traits.$set) ? traits.$set : undefined;
  const value = traits.email ?? set?.email;
  if (typeof value !== 'string') return null;
  const email = wellFormed(value.trim().toLowerCase());
  return email.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** The group named by traits such as `{ company: { id } }` or `groupId`. */
export function groupOfTraits(traits: unknown): string | null {
  if (!isObject(traits)) return null;
  const company = traits.company;
  if (isObject(company)) return idOf(company.id);
  return idOf(traits.groupId);
}

/**
 * Where a message sits in its body (`body`, or `body.batch` and its index), named only when one of its fields
 * is in error: reading a valid message builds no name and no function.
 */
export interface Place {
  base: string;
  index: number | null;
}

const placeName = (place: Place): string => (place.index === null ? place.base : `${place.base}.${place.index}`);

/** Records an error on a field of the message at `place`. */
export function fail(errors: MessageFieldError[], place: Place, field: string, message: string): void {
  errors.push({ field: `${placeName(place)}.${field}`, message });
}

/** A message refused whole (not an object, or too large). */
export const refused = (place: Place, message: string) => ({ errors: [{ field: placeName(place), message }] });

/** The size to check of message `i` of `count`, undefined when it must be measured. */
export const sizeOf = (sizes: MessageSizes, i: number, count: number): number | undefined =>
  !sizes ? undefined : 'atMost' in sizes ? sizes.atMost : sizes.length === count ? sizes[i] : undefined;
