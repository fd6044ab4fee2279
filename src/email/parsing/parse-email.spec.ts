import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { EmailRefusal, type EmailLimits, type ParsedEmail, type ParseOutcome } from '../email.types.js';
import { parseEmail } from './parse-email.js';

const LIMITS: EmailLimits = { maxBytes: 25 * 1024 * 1024, maxAttachments: 20, maxAttachmentBytes: 10 * 1024 * 1024 };
const fixture = (path: string) => readFileSync(`test/fixtures/mime/${path}`);

async function parsed(raw: Buffer | string, limits = LIMITS): Promise<ParsedEmail> {
  const outcome = await parseEmail(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), limits);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal} ${outcome.reason}`);
  return outcome.email;
}

async function refused(raw: Buffer | string, limits = LIMITS): Promise<Extract<ParseOutcome, { ok: false }>> {
  const outcome = await parseEmail(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), limits);
  if (outcome.ok) throw new Error('parsed, expected a refusal');
  return outcome;
}

const HEAD = [
  'From: "Ana García" <Ana.Garcia@Example.COM>',
  'To: ops@example.com, "Bob" <BOB@example.org>',
  'Cc: undisclosed-recipients:;',
  'Subject: =?UTF-8?Q?Factura_n=C2=BA_F-2024/17?=',
  'Date: Tue, 5 Mar 2024 10:15:00 +0100',
  'Message-ID: <  abc.123@mail.example.com  >',
  'MIME-Version: 1.0',
].join('\r\n');

function multipart(parts: string[], head = HEAD): string {
  const body = parts.map((part) => `--XYZ\r\n${part}\r\n`).join('');
  return `${head}\r\nContent-Type: multipart/mixed; boundary="XYZ"\r\n\r\n${body}--XYZ--\r\n`;
}

function attachment(name: string, bytes: Buffer, type = 'application/pdf'): string {
  const base64 = bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
  return `Content-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}`;
}

const TEXT_PART = 'Content-Type: text/plain; charset=utf-8\r\n\r\nAdjunto la factura.';

describe('parseEmail', () => {
  it('reads the headers of a real message', async () => {
    const email = await parsed(fixture('cpython/msg_01.txt'));
    expect(email).toMatchObject({
      subject: 'This is a test message',
      from: { address: 'bbb@ddd.com', name: 'John X. Doe' },
      to: [{ address: 'bbb@zzz.org', name: null }],
      message_id: '15090.61304.110929.45684@aaa.zzz.org',
      thread_id: '15090.61304.110929.45684@aaa.zzz.org',
      in_reply_to: null,
      text: 'Hi,\n\nDo you like this message?\n\n-Me',
      html_present: false,
      attachments: [],
      warnings: [],
    });
    expect(email.sent_at?.toISOString()).toBe('2001-05-04T18:05:44.000Z');
    expect(email.content_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('decodes charsets right: Shift_JIS, ISO-2022-JP, ks_c_5601-1987 bodies and encoded subjects', async () => {
    expect((await parsed(fixture('mikel-mail/multi_charset/japanese_shift_jis.eml'))).text).toContain('あいうえお');
    const iso2022 = await parsed(fixture('mikel-mail/multi_charset/japanese_iso_2022.eml'));
    expect(iso2022).toMatchObject({ subject: 'まみむめも', text: 'すみません。' });
    expect((await parsed(fixture('mikel-mail/multi_charset/ks_c_5601-1987.eml'))).text).toBe('스티해');
    expect((await parsed(fixture('mikel-mail/plain_emails/raw_email.eml'))).subject).toBe('NOTE: 한국말로 하는 것');
  });

  it('lists attachments with their sanitised names, sizes and hashes, nested ones included', async () => {
    const gif = await parsed(fixture('cpython/msg_07.txt'));
    expect(gif.attachments).toMatchObject([
      { position: 0, filename: 'dingusfish.gif', media_type: 'image/gif', size_bytes: 3512 },
    ]);
    expect(gif.attachments[0].content).toHaveLength(3512);
    expect(gif.attachments[0].sha256).toBe(createHash('sha256').update(gif.attachments[0].content!).digest('hex'));

    // multipart/signed > multipart/mixed > image/png, then the signature beside the inner part.
    const nested = await parsed(fixture('mikel-mail/mime_emails/raw_email_with_nested_attachment.eml'));
    expect(nested.attachments.map((a) => [a.position, a.filename, a.media_type, a.size_bytes])).toEqual([
      [0, 'truncated.png', 'image/png', 1902],
      [1, 'smime.p7s', 'application/pkcs7-signature', 939],
    ]);
    expect(nested.text).toBe('Here is a test of an attachment via email.\n\n- Jamis');

    const nonAscii = await parsed(fixture('mikel-mail/attachment_emails/attachment_nonascii_filename.eml'));
    expect(nonAscii.attachments[0].filename).toBe('ciële.txt');
  });

  it('normalises addresses and identifiers, and roots the thread at the first reference', async () => {
    const email = await parsed(multipart([TEXT_PART]));
    expect(email.from).toEqual({ address: 'ana.garcia@example.com', name: 'Ana García' });
    expect(email.to).toEqual([
      { address: 'ops@example.com', name: null },
      { address: 'bob@example.org', name: 'Bob' },
    ]);
    expect(email.cc).toEqual([]);
    expect(email.subject).toBe('Factura nº F-2024/17');
    expect(email.message_id).toBe('abc.123@mail.example.com');
    expect(email.sent_at?.toISOString()).toBe('2024-03-05T09:15:00.000Z');

    const reply = await parsed(fixture('mikel-mail/rfc2822/example06.eml'));
    expect(reply).toMatchObject({
      message_id: '3456@example.net',
      in_reply_to: '1234@local.machine.example',
      thread_id: '1234@local.machine.example',
    });
    const threaded = await parsed(
      'From: a@b.es\r\nMessage-ID: <own@b.es>\r\nIn-Reply-To: <parent@b.es>\r\nReferences: <root@b.es>,<parent@b.es>\r\n\r\nx',
    );
    expect(threaded).toMatchObject({ thread_id: 'root@b.es', in_reply_to: 'parent@b.es' });
    const bom = '\ufeffFrom: a@b.es\r\nSubject: saved by an editor\r\n\r\nx';
    expect(await parsed(bom)).toMatchObject({
      subject: 'saved by an editor',
      text: 'x',
      size_bytes: Buffer.byteLength(bom),
    });
    const onlyParent = await parsed('From: a@b.es\r\nMessage-ID: <own@b.es>\r\nIn-Reply-To: <parent@b.es>\r\n\r\nx');
    expect(onlyParent.thread_id).toBe('parent@b.es');
  });

  it('keeps no control characters and no overlong identifiers, and warns about what it dropped', async () => {
    const long = 'x'.repeat(2000);
    const email = await parsed(
      `From: a@b.es\r\nFrom: second@b.es\r\nMessage-ID: <${long}@b.es>\r\nIn-Reply-To: <par\x01ent@b.es>\r\nSubject: one\x07two\r\nDate: yesterday-ish\r\n\r\nbody`,
    );
    expect(email).toMatchObject({
      message_id: null,
      thread_id: 'parent@b.es',
      in_reply_to: 'parent@b.es',
      subject: 'one two',
      sent_at: null,
    });
    expect(email.from?.address).toBe('a@b.es');
    const longSubject = await parsed(`From: a@b.es\r\nSubject: ${'ñ'.repeat(1500)}\r\n\r\nbody`);
    expect(longSubject.subject).toBe('ñ'.repeat(998));
    expect(longSubject.warnings).toEqual(['subject cut at 998 characters']);
    expect(email.warnings).toEqual(
      expect.arrayContaining([
        'more than one from header: the first is used',
        'the message-id header has no usable identifier',
        'the date header did not parse',
      ]),
    );
  });

  it('sanitises attachment names: no path, no control or direction characters, at most 255 characters', async () => {
    const bytes = Buffer.from('%PDF-1.4 tiny');
    const email = await parsed(
      multipart([
        TEXT_PART,
        attachment('../../etc/passwd', bytes, 'text/plain'),
        attachment('C:\\\\Users\\\\me\\\\factura\u202Efdp.exe', bytes, 'Application/PDF'),
        attachment(`${'a'.repeat(300)}.pdf`, bytes),
        attachment('..', bytes, 'not a type'),
      ]),
    );
    const names = email.attachments.map((a) => a.filename);
    expect(names[0]).toBe('passwd');
    expect(names[1]).toBe('facturafdp.exe');
    expect(names[2]).toHaveLength(255);
    expect(names[2]?.endsWith('.pdf')).toBe(true);
    expect(names[3]).toBeNull();
    expect(email.attachments.map((a) => a.media_type)).toEqual([
      'text/plain',
      'application/pdf',
      'application/pdf',
      'application/octet-stream',
    ]);
  });

  describe('caps', () => {
    it('refuses a message over maxBytes before parsing it', async () => {
      // Random bytes would be not_an_email if they were parsed: the size is checked first.
      const outcome = await refused(Buffer.alloc(2048, 0xff), { ...LIMITS, maxBytes: 1024 });
      expect(outcome).toEqual({
        ok: false,
        refusal: EmailRefusal.TooLarge,
        reason: expect.stringContaining('1024'),
        size_bytes: 2048,
      });
    });

    it('refuses more attachments than maxAttachments, and takes exactly that many', async () => {
      const four = multipart([
        TEXT_PART,
        ...[1, 2, 3, 4].map((n) => attachment(`f${n}.pdf`, Buffer.from(`file ${n}`))),
      ]);
      expect(await refused(four, { ...LIMITS, maxAttachments: 3 })).toMatchObject({
        refusal: EmailRefusal.TooManyAttachments,
      });
      expect((await parsed(four, { ...LIMITS, maxAttachments: 4 })).attachments).toHaveLength(4);
    });

    it('lists an attachment over maxAttachmentBytes with its size and hash, without its content', async () => {
      const big = Buffer.alloc(150, 7);
      const small = Buffer.alloc(100, 8);
      const email = await parsed(multipart([TEXT_PART, attachment('big.pdf', big), attachment('small.pdf', small)]), {
        ...LIMITS,
        maxAttachmentBytes: 100,
      });
      expect(email.attachments[0]).toEqual({
        position: 0,
        filename: 'big.pdf',
        media_type: 'application/pdf',
        size_bytes: 150,
        sha256: createHash('sha256').update(big).digest('hex'),
        content: null,
        skipped: 'too_large',
      });
      expect(email.attachments[1].content).toEqual(small);
      expect(email.attachments[1].skipped).toBeUndefined();
    });
  });

  describe('refusals', () => {
    it.each([
      ['empty input', Buffer.alloc(0)],
      ['binary junk', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
      ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n')],
      ['a text document', Buffer.from('Dear all,\n\nHere is the report.\n')],
      ['a header-less MIME part', fixture('cpython/msg_19.txt')],
    ])('refuses %s as not an email', async (_name, raw) => {
      expect(await refused(raw)).toMatchObject({ refusal: EmailRefusal.NotAnEmail, size_bytes: raw.length });
    });

    it('turns what the parser cannot take into malformed, with a one-line reason', async () => {
      const parts = Array.from({ length: 1200 }, (_, i) => `--B\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join(
        '',
      );
      const outcome = await refused(
        `From: a@b.es\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n${parts}--B--\r\n`,
      );
      expect(outcome.refusal).toBe(EmailRefusal.Malformed);
      expect(outcome.reason).toMatch(/^[^\n]{1,200}$/);
      expect(outcome.reason).not.toMatch(/\bat .*\.js:\d+/);
    });
  });

  describe('text', () => {
    it('reduces an HTML-only body to safe text and never keeps the HTML', async () => {
      const email = await parsed(
        `${HEAD}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>p{}</style><script>alert("x")</script></head><body onload="x()"><p>Importe: 1.234,56&nbsp;&euro;</p><!-- hidden --></body></html>`,
      );
      expect(email.text).toBe('Importe: 1.234,56 €');
      expect(email.html_present).toBe(true);
    });

    it('takes the text part of an alternative over the HTML', async () => {
      const alt = `${HEAD}\r\nContent-Type: multipart/alternative; boundary=ALT\r\n\r\n--ALT\r\nContent-Type: text/plain\r\n\r\nplain words\r\n--ALT\r\nContent-Type: text/html\r\n\r\n<p>html words</p>\r\n--ALT--\r\n`;
      expect(await parsed(alt)).toMatchObject({ text: 'plain words', html_present: true });
    });

    it('falls back on an unknown charset and on bytes its charset cannot decode, with warnings', async () => {
      const bogus = await parsed(`From: a@b.es\r\nContent-Type: text/plain; charset=x-bogus-42\r\n\r\nHola se\xf1or`);
      expect(bogus.text).toContain('Hola se');
      expect(bogus.warnings).toContain('unknown charset "x-bogus-42": its text was decoded as UTF-8');
      const utf7 = await parsed(
        'From: a@b.es\r\nContent-Type: text/html; charset=utf-7\r\n\r\n+ADw-script+AD4-alert(1)+ADw-/script+AD4-',
      );
      expect(utf7.text).not.toContain('<script');
      expect(utf7.warnings).toContain('unknown charset "utf-7": its text was decoded as UTF-8');
      const invalid = await parsed(
        Buffer.concat([
          Buffer.from('From: a@b.es\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nab'),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from('cd'),
        ]),
      );
      expect(invalid.text).toMatch(/^ab.*cd$/);
      expect(invalid.warnings).toContain('text has bytes its charset could not decode (replaced by U+FFFD)');
    });
  });

  describe('content_sha256', () => {
    const body = (text: string) =>
      multipart([
        `Content-Type: text/plain; charset=utf-8\r\n\r\n${text}`,
        attachment('f.pdf', Buffer.from('pdf bytes')),
      ]);

    it('is the same for the same mail whatever the relays added or how the body was encoded', async () => {
      const original = await parsed(body('Adjunto la factura.\r\nSaludos'));
      const relayed = await parsed(
        'Received: from mx1.example.net by mx2.example.org; Tue, 5 Mar 2024 10:15:02 +0100\r\n' +
          'Delivered-To: other-mailbox@example.org\r\nReturn-Path: <bounce@example.com>\r\nX-Spam-Score: 0.1\r\n' +
          body('Adjunto la factura.\nSaludos   '),
      );
      const base64Body = multipart([
        `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('Adjunto la factura.\r\nSaludos').toString('base64')}`,
        attachment('f.pdf', Buffer.from('pdf bytes')),
      ]);
      expect(relayed.content_sha256).toBe(original.content_sha256);
      expect((await parsed(base64Body)).content_sha256).toBe(original.content_sha256);
    });

    it('differs for a different body, attachment, subject or sender', async () => {
      const original = (await parsed(body('Adjunto la factura.'))).content_sha256;
      expect((await parsed(body('Adjunto la factura corregida.'))).content_sha256).not.toBe(original);
      const otherFile = multipart([
        `Content-Type: text/plain; charset=utf-8\r\n\r\nAdjunto la factura.`,
        attachment('f.pdf', Buffer.from('other bytes')),
      ]);
      expect((await parsed(otherFile)).content_sha256).not.toBe(original);
      expect((await parsed(body('Adjunto la factura.').replace('F-2024/17', 'F-2024/18'))).content_sha256).not.toBe(
        original,
      );
      expect((await parsed(body('Adjunto la factura.').replace('Ana.Garcia@', 'Eva@'))).content_sha256).not.toBe(
        original,
      );
    });
  });

  it('parses a 23 MB message with a 17 MB attachment, keeping it only when the cap allows', async () => {
    const bytes = Buffer.alloc(17 * 1024 * 1024, 'A');
    const raw = Buffer.from(multipart([TEXT_PART, attachment('big.bin', bytes, 'application/octet-stream')]));
    const skipped = await parsed(raw, { ...LIMITS, maxAttachmentBytes: 10 * 1024 * 1024 });
    expect(skipped.attachments[0]).toMatchObject({ size_bytes: bytes.length, content: null, skipped: 'too_large' });
    expect(skipped.attachments[0].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const kept = await parsed(raw, { ...LIMITS, maxAttachmentBytes: 20 * 1024 * 1024 });
    expect(kept.attachments[0].content?.equals(bytes)).toBe(true);
  });
});
