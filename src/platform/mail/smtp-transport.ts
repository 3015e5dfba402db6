/**
 * Sending e-mail over SMTP (nodemailer), configured by SMTP_URL (smtp://user:password@host:587, or
 * smtps:// for TLS from the first byte) and GONGKAI_MAIL_FROM. Timeouts are short: a message that cannot
 * be handed over now stays in the outbox and is tried again.
 */
import { createRequire } from 'node:module';
import type nodemailerModule from 'nodemailer';

/** nodemailer, loaded only where mail is sent (SMTP_URL set). */
const require = createRequire(import.meta.url);

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
  const nodemailer = require('nodemailer') as typeof nodemailerModule;
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
