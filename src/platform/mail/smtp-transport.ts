/**
 * Sending e-mail over SMTP (nodemailer), configured by SMTP_URL (smtp://user:password@host:587, or
 * smtps:// for TLS from the first byte) and GONGKAI_MAIL_FROM. Timeouts are short: a message that cannot
 * be handed over now stays in the outbox and is tried again.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: ReadonlyArray<{ filename: string; content: Buffer; contentType: string }>;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const address = new URL(url);
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
  for (const [name, value] of Object.entries(timeouts)) address.searchParams.set(name, String(value));
  const transporter = nodemailer.createTransport(address.toString(), { from });
  return {
    async send(message) {
      await transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.attachments ? { attachments: message.attachments.map((a) => ({ ...a })) } : {}),
      });
    },
    close: () => transporter.close(),
  };
}
