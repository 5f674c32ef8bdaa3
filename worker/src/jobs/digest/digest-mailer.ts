import nodemailer from 'nodemailer';
import type { DigestMail } from './digest-mail.js';

/** Sends digest e-mails. */
export interface DigestMailer {
  /** Sends one e-mail; `messageId` is stable per digest so receivers can spot a duplicate. */
  send(mail: DigestMail, to: readonly string[], messageId: string): Promise<void>;
  close(): void;
}

/** A mailer over SMTP (`SMTP_URL`), with nodemailer. */
export function smtpMailer(smtpUrl: string, from: string): DigestMailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail, to, messageId) {
      await transport.sendMail({
        from,
        to: [...to],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
      });
    },
    close: () => transport.close(),
  };
}
