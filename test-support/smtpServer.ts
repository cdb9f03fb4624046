/** A real SMTP server on a random local port (the smtp-server package), keeping every message it accepts. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message (headers and body) as it arrived. */
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Logins the server saw, as user:password. */
  logins: string[];
  close(): Promise<void>;
}

/** Accepts the login given; refuses any recipient listed in `refuse` (a failed send for that person only). */
export async function startSmtpServer(o: { user: string; password: string; refuse?: string[] }): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      logins.push(`${auth.username}:${auth.password}`);
      if (auth.username === o.user && auth.password === o.password) done(null, { user: auth.username });
      else done(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, done) {
      if (o.refuse?.includes(address.address)) done(new Error(`Mailbox ${address.address} unavailable`));
      else done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
