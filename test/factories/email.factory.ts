import { randomUUID } from 'node:crypto';

export interface MessageSpec {
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  messageId?: string | null;
  date?: string;
  inReplyTo?: string;
  references?: string;
  /** Transport headers a relay adds: they must not change the message's identity. */
  received?: string[];
  attachments?: Array<{ filename: string; type: string; content: Buffer }>;
}

/** A real RFC 822 message (CRLF, MIME multipart when it has attachments). */
export function rfc822(spec: MessageSpec = {}): Buffer {
  const messageId = spec.messageId === undefined ? `${randomUUID()}@test.botfleet` : spec.messageId;
  const headers = [
    ...(spec.received ?? []).map((hop) => `Received: ${hop}`),
    `From: ${spec.from ?? 'Ana García <ana.garcia@vendor.example>'}`,
    `To: ${spec.to ?? 'ap@botfleet.example'}`,
    `Subject: ${spec.subject ?? 'Hello'}`,
    `Date: ${spec.date ?? 'Tue, 01 Dec 2026 10:00:00 +0000'}`,
    ...(messageId ? [`Message-ID: <${messageId}>`] : []),
    ...(spec.inReplyTo ? [`In-Reply-To: <${spec.inReplyTo}>`] : []),
    ...(spec.references ? [`References: ${spec.references}`] : []),
    'MIME-Version: 1.0',
  ];
  const body = spec.body ?? 'Hello.';
  if (!spec.attachments?.length) {
    return Buffer.from([...headers, 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n'));
  }
  const boundary = `b-${randomUUID()}`;
  const parts = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    ...spec.attachments.flatMap((a) => [
      `--${boundary}`,
      `Content-Type: ${a.type}; name="${a.filename}"`,
      `Content-Disposition: attachment; filename="${a.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      a.content.toString('base64').replace(/.{76}/g, '$&\r\n'),
    ]),
    `--${boundary}--`,
    '',
  ];
  return Buffer.from([...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts].join('\r\n'));
}

/** An mbox file (mboxrd: body lines starting with `From ` are escaped as `>From `). */
export function mbox(messages: Buffer[]): Buffer {
  return Buffer.from(
    messages
      .map((message) => {
        const text = message
          .toString('utf8')
          .replace(/\r\n/g, '\n')
          .replace(/^(>*From )/gm, '>$1');
        return `From sender@example.com Tue Dec  1 10:00:00 2026\n${text}${text.endsWith('\n') ? '' : '\n'}\n`;
      })
      .join(''),
  );
}
