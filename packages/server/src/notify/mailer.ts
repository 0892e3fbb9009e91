import nodemailer from 'nodemailer';
import type { NotificationsConfig } from './notifications-config.js';

/** One outgoing message, ready for SMTP. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row: a message sent twice after a crash carries the same id. */
  messageId: string;
  kind: string;
  /** The Date header: when the notification was made (the injected clock). */
  date: Date;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Sends over SMTP with nodemailer, from the configured address (default mutual@<domain>). */
export function smtpMailer(config: NotificationsConfig, organisation: { domain: string; name: string }): Mailer | undefined {
  const smtp = config.smtp;
  if (!smtp) return undefined;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ignoreTLS: smtp.ignoreTLS,
    ...(smtp.auth && { auth: { user: smtp.auth.user, pass: smtp.auth.pass } }),
    connectionTimeout: 20_000,
    socketTimeout: 60_000,
  });
  const from = config.from ?? { name: `Mutual — ${organisation.name}`, address: `mutual@${organisation.domain}` };
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        date: mail.date,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Mutual-Notification': mail.kind },
      });
    },
    close: () => transport.close(),
  };
}
