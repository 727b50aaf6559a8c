/**
 * The signature of an outgoing webhook: `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * under the endpoint's secret, the scheme Stripe made familiar. Pure.
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Baton-Signature';
export const EVENT_ID_HEADER = 'Baton-Event-Id';

export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}
