/**
 * Zendesk's webhook signature, checked as Zendesk specifies (pure): `X-Zendesk-Webhook-Signature` is the base64
 * HMAC-SHA256, keyed with the webhook's signing secret, of the `X-Zendesk-Webhook-Signature-Timestamp` header's
 * value followed by the raw body. The timestamp must be within the tolerance of now (old deliveries replayed fail).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The same five minutes as Stripe's tolerance. */
export const ZENDESK_TOLERANCE_SECONDS = 300;

export type ZendeskSignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch'; message: string };

export const zendeskSignature = (secret: string, timestamp: string, body: Buffer | string): string =>
  createHmac('sha256', secret).update(timestamp).update(body).digest('base64');

/** Stands in for a secret that is not set (or a workspace that does not exist), so the check costs the same. */
const UNSET_SECRET = 'baton-no-zendesk-secret-configured';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length) {
    timingSafeEqual(y, y);
    return false;
  }
  return timingSafeEqual(x, y);
}

/** Checks a delivery; `secret` undefined fails exactly as a wrong signature does, after the same work. */
export function verifyZendesk(input: {
  secret: string | undefined;
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
  nowSeconds: number;
  toleranceSeconds?: number;
}): ZendeskSignatureCheck {
  const { signature, timestamp } = input;
  if (!signature || !timestamp)
    return {
      ok: false,
      reason: 'missing',
      message: 'X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp are both required',
    };
  const expected = zendeskSignature(input.secret ?? UNSET_SECRET, timestamp, input.body);
  if (!same(signature.trim(), expected) || input.secret === undefined)
    return { ok: false, reason: 'mismatch', message: 'the X-Zendesk-Webhook-Signature does not match' };
  const at = Date.parse(timestamp);
  const tolerance = input.toleranceSeconds ?? ZENDESK_TOLERANCE_SECONDS;
  if (!Number.isFinite(at) || Math.abs(input.nowSeconds - at / 1000) > tolerance)
    return {
      ok: false,
      reason: 'stale',
      message:
        `the signature's timestamp is more than ${tolerance} seconds from now: ` + `the delivery is too old to accept`,
    };
  return { ok: true };
}
