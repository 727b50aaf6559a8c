/** One face for every channel: send an alert to a destination, answer what the other side said. Pure types. */
import type { Config } from '../../../platform/config/config.ts';
import type { AlertMessage } from '../alert-message.ts';
import type { Channel } from '../alert.ts';

export interface Destination {
  channel: Channel;
  /** An email address, or a URL (Slack's carries its token, so it is kept sealed and opened only to send). */
  address: string;
  /** A webhook's signing secret. */
  secret: string | null;
}

/** What the other side answered: ok, its HTTP or SMTP status where there was one, and its words (or the error). */
export interface SendResult {
  ok: boolean;
  status: number | null;
  answer: string;
}

export interface SendEnv {
  config: Pick<Config, 'smtp' | 'smtpFrom'>;
  now(): Date;
}

export interface Sender {
  send(env: SendEnv, message: AlertMessage, to: Destination): Promise<SendResult>;
}

/** How long any channel may take to answer. */
export const SEND_TIMEOUT_MS = 10_000;

export const clip = (s: string, n = 500): string => (s.length > n ? `${s.slice(0, n)}…` : s);
