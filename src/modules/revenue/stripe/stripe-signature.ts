/**
 * Stripe's webhook signature, checked as Stripe specifies (pure): the `Stripe-Signature` header carries a timestamp
 * `t` and one or more `v1` signatures (several while a secret is being rolled); each is the hex HMAC-SHA256, keyed
 * with the endpoint's secret (`whsec_…`, whole), of `t + "." + the raw body`. One matching `v1` is enough; the
 * timestamp must be within the tolerance of now (replays of old deliveries fail).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe's own default tolerance: five minutes. */
export const STRIPE_TOLERANCE_SECONDS = 300;

export type StripeSignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'stale' | 'mismatch'; message: string };

export const stripeSignature = (secret: string, timestamp: number | string, body: Buffer | string): string =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');

/** The header's timestamp and `v1` signatures; other schemes (`v0`, test-mode extras) are not used. */
export function parseStripeHeader(header: string): { timestamp: number | null; v1: string[] } {
  let timestamp: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value) v1.push(value);
  }
  return { timestamp, v1 };
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length) {
    timingSafeEqual(y, y);
    return false;
  }
  return timingSafeEqual(x, y);
}

/** Stands in for a secret that is not set (or a workspace that does not exist), so the check costs the same. */
const UNSET_SECRET = 'whsec_baton-no-secret-configured';

/**
 * Checks a delivery. `secret` undefined fails exactly as a wrong signature does, after the same work, so an answer
 * never tells which workspaces or secrets exist.
 */
export function verifyStripe(input: {
  secret: string | undefined;
  header: string | undefined;
  body: Buffer;
  /** Now, in seconds since the epoch. */
  nowSeconds: number;
  toleranceSeconds?: number;
}): StripeSignatureCheck {
  const { timestamp, v1 } = parseStripeHeader(input.header ?? '');
  if (timestamp === null || v1.length === 0)
    return {
      ok: false,
      reason: 'missing',
      message: 'the Stripe-Signature header must carry a timestamp (t=) and at least one v1 signature',
    };
  const expected = stripeSignature(input.secret ?? UNSET_SECRET, timestamp, input.body);
  let matches = false;
  for (const candidate of v1) matches = sameHex(candidate.toLowerCase(), expected) || matches;
  if (!matches || input.secret === undefined)
    return { ok: false, reason: 'mismatch', message: 'no v1 signature of the Stripe-Signature header matches' };
  const tolerance = input.toleranceSeconds ?? STRIPE_TOLERANCE_SECONDS;
  if (Math.abs(input.nowSeconds - timestamp) > tolerance)
    return {
      ok: false,
      reason: 'stale',
      message: `the Stripe-Signature timestamp is more than ${tolerance} seconds from now: the delivery is too old to accept`,
    };
  return { ok: true, timestamp };
}
