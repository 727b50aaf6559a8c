/** Email alerts over SMTP (the platform's mail transport): plain text and simple HTML. */
import { sendMail } from '../../../platform/mail/mail.service.ts';
import { emailMessage } from '../alert-message.ts';
import { EVENT_ID_HEADER } from '../signature.ts';
import type { Sender } from './channel.ts';

export const emailSender: Sender = {
  async send(env, message, to) {
    if (!env.config.smtp)
      return { ok: false, status: null, answer: 'no SMTP server: set BATON_SMTP_URL to send email alerts' };
    const mail = emailMessage(message);
    return sendMail(env.config, {
      to: to.address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { [EVENT_ID_HEADER]: message.id },
    });
  },
};
