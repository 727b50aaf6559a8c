/** Email over SMTP with nodemailer: plain text and simple HTML, to the server BATON_SMTP_URL names. */
import nodemailer from 'nodemailer';
import { emailMessage } from '../alert-message.ts';
import { EVENT_ID_HEADER } from '../signature.ts';
import { clip, SEND_TIMEOUT_MS, type Sender } from './channel.ts';

export const emailSender: Sender = {
  async send(env, message, to) {
    const smtp = env.config.smtp;
    if (!smtp) return { ok: false, status: null, answer: 'no SMTP server: set BATON_SMTP_URL to send email alerts' };
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    });
    const mail = emailMessage(message);
    try {
      const info = await transport.sendMail({
        from: env.config.smtpFrom,
        to: to.address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { [EVENT_ID_HEADER]: message.id },
      });
      const status = Number(/^\d{3}/.exec(String(info.response))?.[0] ?? 250);
      return { ok: info.rejected.length === 0, status, answer: clip(String(info.response)) };
    } catch (err) {
      const e = err as Error & { responseCode?: number; response?: string };
      return { ok: false, status: e.responseCode ?? null, answer: clip(e.response ?? `not sent: ${e.message}`) };
    } finally {
      transport.close();
    }
  },
};
