/**
 * Webhook signatures: HubSpot's v3 request signature and Baton's generic `sha256=<hex>` body signature.
 * Pure (no I/O); every comparison is constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot rejects, and so does Baton, a request whose timestamp is further than this from now. */
export const HUBSPOT_MAX_AGE_MS = 5 * 60 * 1000;

/** Compares two strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  // timingSafeEqual needs equal lengths; comparing y with itself keeps the time the same on a length mismatch.
  if (x.length !== y.length) {
    timingSafeEqual(y, y);
    return false;
  }
  return timingSafeEqual(x, y);
}

/**
 * HubSpot's v3 signature: base64 HMAC-SHA256, keyed with the app's client secret, of
 * `method + uri + body + timestamp` (the URI is the full URL HubSpot called, the timestamp in ms as sent).
 */
export function hubspotSignatureV3(input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: Buffer | string;
  timestamp: string;
}): string {
  return createHmac('sha256', input.clientSecret)
    .update(input.method)
    .update(input.uri)
    .update(input.body)
    .update(input.timestamp)
    .digest('base64');
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch'; message: string };

/**
 * Checks a HubSpot request. `clientSecret` undefined (none configured) fails exactly as a wrong signature
 * does, after the same work, so an answer never tells which secrets exist.
 */
export function verifyHubspot(input: {
  clientSecret: string | undefined;
  method: string;
  uri: string;
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  now: number;
}): SignatureCheck {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) {
    return {
      ok: false,
      reason: 'missing',
      message: 'the X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp headers are required',
    };
  }
  const expected = hubspotSignatureV3({ ...input, clientSecret: input.clientSecret ?? UNSET_SECRET, timestamp });
  const matches = constantTimeEqual(signature, expected) && input.clientSecret !== undefined;
  if (!matches) return { ok: false, reason: 'mismatch', message: 'the signature does not match' };
  const ms = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!Number.isFinite(ms) || Math.abs(input.now - ms) > HUBSPOT_MAX_AGE_MS) {
    return {
      ok: false,
      reason: 'stale',
      message: 'X-HubSpot-Request-Timestamp is more than 5 minutes from now: the request is too old to accept',
    };
  }
  return { ok: true };
}

/** Baton's generic signature header value: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export const crmSignature = (secret: string, body: Buffer | string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Checks a generic CRM request's `X-Baton-Signature`; a missing secret fails as a wrong signature does. */
export function verifyCrm(input: {
  secret: string | undefined;
  body: Buffer;
  signature: string | undefined;
}): SignatureCheck {
  if (!input.signature)
    return {
      ok: false,
      reason: 'missing',
      message: 'the X-Baton-Signature header is required (sha256=<hex HMAC-SHA256 of the body>)',
    };
  const expected = crmSignature(input.secret ?? UNSET_SECRET, input.body);
  const matches = constantTimeEqual(input.signature.trim().toLowerCase(), expected) && input.secret !== undefined;
  return matches ? { ok: true } : { ok: false, reason: 'mismatch', message: 'the signature does not match' };
}

/** Stands in for a secret that is not configured, so the check costs the same. */
const UNSET_SECRET = 'baton-no-secret-configured';
