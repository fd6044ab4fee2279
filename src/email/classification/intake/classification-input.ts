import { createHash } from 'node:crypto';
import { type AddressObject, type EmailAddress, simpleParser } from 'mailparser';
import type { ClassificationInput } from '../../email.types.js';

export interface ParsedForClassification {
  input: ClassificationInput;
  /** The email's identity as ParsedEmail defines it (sender, Message-ID, date, subject, text, attachments). */
  content_sha256: string;
}

/** The first line of a message is a header field (`Name: value`) or an mbox `From ` line. */
const FIRST_LINE = /^(?:[!-9;-~]+:|From )/;

export class NotAnEmailError extends Error {}

/**
 * A raw RFC 822 message as the classifier reads it. A stand-in until the parsing part lands: then
 * this body becomes `parseEmail(raw, limits)` and the mapping of its ParsedEmail, nothing else.
 */
export async function toClassificationInput(raw: Buffer): Promise<ParsedForClassification> {
  if (!FIRST_LINE.test(raw.subarray(0, 1_000).toString('latin1').trimStart())) {
    throw new NotAnEmailError('raw does not start with a header block (Name: value lines)');
  }
  const mail = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? null;
  const text = mail.text ?? '';
  const attachments = mail.attachments.map((a) => ({
    type: a.contentType.toLowerCase(),
    name: a.filename ?? null,
    sha256: createHash('sha256').update(a.content).digest('hex'),
  }));
  const input: ClassificationInput = {
    subject: mail.subject ?? null,
    from_address: from,
    text,
    attachment_types: attachments.map((a) => a.type),
    attachment_names: attachments.flatMap((a) => (a.name ? [a.name] : [])),
    to_addresses: addressesOf(mail.to),
    cc_addresses: addressesOf(mail.cc),
    in_reply_to: mail.inReplyTo ?? null,
  };
  const identity = [
    from,
    mail.messageId ?? null,
    mail.date?.toISOString() ?? null,
    input.subject,
    text,
    ...attachments.map((a) => a.sha256),
  ];
  return { input, content_sha256: createHash('sha256').update(JSON.stringify(identity)).digest('hex') };
}

/** The addresses of a To or Cc header, lower-cased, groups' members included. */
function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const flat = (list: EmailAddress[]): string[] =>
    list.flatMap((a) => (a.group ? flat(a.group) : a.address ? [a.address.toLowerCase()] : []));
  return field === undefined ? [] : (Array.isArray(field) ? field : [field]).flatMap((f) => flat(f.value));
}

/** The same identity for an email given as fields rather than raw text. */
export function contentHashOf(input: ClassificationInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.from_address, null, null, input.subject, input.text, ...input.attachment_types]))
    .digest('hex');
}
