/** Slack incoming webhooks, through Slack's own client: a message with blocks. */
import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError } from '@slack/webhook';
import { slackMessage } from '../alert-message.ts';
import { clip, SEND_TIMEOUT_MS, type Sender } from './channel.ts';

export const slackSender: Sender = {
  async send(_env, message, to) {
    const hook = new IncomingWebhook(to.address, { timeout: SEND_TIMEOUT_MS });
    try {
      const r = await hook.send(slackMessage(message));
      return { ok: true, status: 200, answer: clip(r.text ?? '') };
    } catch (err) {
      if (err instanceof IncomingWebhookHTTPError) {
        return { ok: false, status: err.statusCode, answer: clip(err.body || err.statusMessage) };
      }
      const why = err instanceof IncomingWebhookRequestError ? err.original : (err as Error);
      return { ok: false, status: null, answer: clip(`not reached: ${why.message}`) };
    }
  },
};
