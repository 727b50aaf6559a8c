/** Signed outgoing webhooks: the JSON body, `Baton-Signature` (HMAC-SHA256 under the secret), `Baton-Event-Id`. */
import { webhookBody } from '../alert-message.ts';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from '../signature.ts';
import { clip, SEND_TIMEOUT_MS, type Sender } from './channel.ts';

export const webhookSender: Sender = {
  async send(env, message, to) {
    if (!to.secret) return { ok: false, status: null, answer: 'the webhook has no signing secret' };
    const body = webhookBody(message);
    try {
      const res = await fetch(to.address, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Baton-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(to.secret, body, env.now()),
          [EVENT_ID_HEADER]: message.id,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      const text = await res.text().catch(() => '');
      return { ok: res.status >= 200 && res.status < 300, status: res.status, answer: clip(text || res.statusText) };
    } catch (err) {
      const e = err as Error & { cause?: Error };
      return { ok: false, status: null, answer: clip(`not reached: ${e.cause?.message ?? e.message}`) };
    }
  },
};
