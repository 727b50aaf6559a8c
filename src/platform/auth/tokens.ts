import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Writes are throttled: a "last used" stamp older than this is refreshed, a newer one is left alone. */
export const TOUCH_INTERVAL_MS = 60_000;

export const isStale = (stampIso: string | null, now: Date): boolean =>
  stampIso === null || now.getTime() - Date.parse(stampIso) > TOUCH_INTERVAL_MS;
