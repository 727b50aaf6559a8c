/** Email over SMTP with nodemailer, to the server `BATON_SMTP_URL` names, from `BATON_SMTP_FROM`. */
import nodemailer from 'nodemailer';
import type { Config } from '../config/config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** What the SMTP server answered: accepted or not, its reply code where there was one, and its words (or the error). */
export interface MailResult {
  ok: boolean;
  status: number | null;
  answer: string;
}

/** How long the SMTP server may take to connect, greet and answer. */
export const MAIL_TIMEOUT_MS = 10_000;

const clip = (s: string, n = 500): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Sends one message; never throws: a refusal or an unreachable server is an answer that is not ok. */
export async function sendMail(config: Pick<Config, 'smtp' | 'smtpFrom'>, mail: Mail): Promise<MailResult> {
  const smtp = config.smtp;
  if (!smtp) return { ok: false, status: null, answer: 'no SMTP server: set BATON_SMTP_URL to send email' };
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    connectionTimeout: MAIL_TIMEOUT_MS,
    greetingTimeout: MAIL_TIMEOUT_MS,
    socketTimeout: MAIL_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ from: config.smtpFrom, ...mail });
    const status = Number(/^\d{3}/.exec(String(info.response))?.[0] ?? 250);
    return { ok: info.rejected.length === 0, status, answer: clip(String(info.response)) };
  } catch (err) {
    const e = err as Error & { responseCode?: number; response?: string };
    return { ok: false, status: e.responseCode ?? null, answer: clip(e.response ?? `not sent: ${e.message}`) };
  } finally {
    transport.close();
  }
}
