import nodemailer from 'nodemailer';

/** One e-mail as the outbox hands it over (plain text, Indonesian). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** What the outbox sender needs from a mail service; tests may pass their own. */
export interface MailTransport {
  /** Resolves once the server accepted the message; rejects otherwise. */
  send(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): void;
}

/**
 * Every SMTP wait ends well before the outbox lease (send-outbox.ts, 2 minutes): a sender
 * still talking to the server when its lease ran out could deliver a message that another
 * sender has reclaimed.
 */
export const SMTP_TIMEOUT_MS = 30_000;

/**
 * SMTP through nodemailer, from SMTP_URL ("smtp://user:pass@host:587", "smtps://…:465", or
 * "smtp://127.0.0.1:2525" for a local relay) and MAIL_FROM. A server that offers STARTTLS is
 * used with it.
 */
export function createSmtpTransport(options: { url: string; from: string }): MailTransport {
  const transporter = nodemailer.createTransport(
    {
      url: options.url,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    },
    { from: options.from },
  );
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close() {
      transporter.close();
    },
  };
}
