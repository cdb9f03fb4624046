/** Sends messages through a partnership's SMTP server with nodemailer: each message's own outcome, none stopping the rest. */
import nodemailer from 'nodemailer';
import type { SmtpConnection } from './smtpSettings.js';

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export type SendOutcome = { to: string; ok: true } | { to: string; ok: false; error: string };

/** Sends each message in turn on one connection; a refusal or failure is reported for that message only. */
export async function sendMessages(smtp: SmtpConnection, messages: readonly Message[]): Promise<SendOutcome[]> {
  if (smtp.passwordUnreadable)
    return messages.map((m) => ({
      to: m.to,
      ok: false,
      error: 'The saved SMTP password cannot be read (the site’s secret changed): enter it again',
    }));
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.username ? { user: smtp.username, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const outcomes: SendOutcome[] = [];
  try {
    for (const m of messages) {
      try {
        await transport.sendMail({ from: smtp.fromAddress, to: m.to, subject: m.subject, text: m.text });
        outcomes.push({ to: m.to, ok: true });
      } catch (err) {
        outcomes.push({ to: m.to, ok: false, error: (err as Error).message.slice(0, 300) });
      }
    }
  } finally {
    transport.close();
  }
  return outcomes;
}
