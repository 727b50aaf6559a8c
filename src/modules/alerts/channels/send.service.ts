import type { AlertMessage } from '../alert-message.ts';
import type { Channel } from '../alert.ts';
import type { Destination, SendEnv, Sender, SendResult } from './channel.ts';
import { emailSender } from './email.service.ts';
import { slackSender } from './slack.service.ts';
import { webhookSender } from './webhook.service.ts';

const SENDERS: Record<Channel, Sender> = { slack: slackSender, email: emailSender, webhook: webhookSender };

/** Sends one alert through its channel; never throws: a failure is an answer (ok false) to record. */
export async function sendAlert(env: SendEnv, message: AlertMessage, to: Destination): Promise<SendResult> {
  try {
    return await SENDERS[to.channel].send(env, message, to);
  } catch (err) {
    return { ok: false, status: null, answer: `not sent: ${(err as Error).message}` };
  }
}
