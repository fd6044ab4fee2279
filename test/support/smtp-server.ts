import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'botfleet';
export const SMTP_PASSWORD = 's3cr3t/pa:ss';

export interface Received {
  from: string;
  to: string[];
  raw: string;
  mail: ParsedMail;
}

/**
 * A real SMTP server in-process: authenticates, refuses two mailboxes, keeps and parses what arrives
 * (`bounce@example.com` is refused with 550, `busy@example.com` with 450).
 */
export async function smtpServer(): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: SMTP_USER });
      return callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === 'bounce@example.com') {
        return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
      }
      if (address.address === 'busy@example.com') {
        return callback(Object.assign(new Error('4.2.1 Mailbox busy, try later'), { responseCode: 450 }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then((mail) => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: raw.toString('utf8'),
            mail,
          });
          callback();
        }, callback);
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const net = server.listen(0, '127.0.0.1', () => resolve((net.address() as AddressInfo).port));
  });
  return { server, port, inbox };
}
