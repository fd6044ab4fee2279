import {
  EmailRefusal,
  type EmailAddress,
  type EmailLimits,
  type ParsedAttachment,
  type ParsedEmail,
  type ParseOutcome,
} from '../email.types.js';
import { MAX_RECIPIENTS, mailboxesOf } from './addresses.js';
import { mediaTypeOf, sanitiseFilename } from './attachment-names.js';
import { bodyText, charsetWarnings } from './body-text.js';
import { contentSha256 } from './content-hash.js';
import { looksLikeEmail } from './header-block.js';
import { MAX_HEADER_TEXT, firstMessageId, headerCount, headerText, parseSentAt, rawHeader } from './header-fields.js';
import { MimeStop, readMime, shortReason, type MimeContent } from './mime-reader.js';

// Headers a message has once (RFC 5322 3.6); a second one is a defect, and the first is used.
const SINGLE_HEADERS = ['from', 'subject', 'date', 'message-id', 'in-reply-to'];

/**
 * Raw message bytes to a safe, bounded ParsedEmail, or a refusal with its reason. Never throws:
 * a size over `maxBytes` is refused before any parsing, bytes without a header block are
 * `not_an_email`, more attachments than `maxAttachments` stop the parse, and whatever the parser
 * itself fails on is `malformed` with a one-line reason. Defects it survives are `warnings`.
 */
export async function parseEmail(raw: Buffer, limits: EmailLimits): Promise<ParseOutcome> {
  const size_bytes = raw.length;
  const refuse = (refusal: EmailRefusal, reason: string): ParseOutcome => ({ ok: false, refusal, reason, size_bytes });
  if (size_bytes > limits.maxBytes) {
    return refuse(EmailRefusal.TooLarge, `${size_bytes} bytes, over the ${limits.maxBytes}-byte limit`);
  }
  // A UTF-8 byte order mark that an editor put before a saved .eml is not part of the message.
  const message = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
  try {
    if (!looksLikeEmail(message)) return refuse(EmailRefusal.NotAnEmail, 'no header block at the start of the message');
    const content = await readMime(message, limits);
    return { ok: true, email: toParsedEmail(content, message, size_bytes) };
  } catch (error) {
    if (error instanceof MimeStop && error.kind === 'too_many_attachments') {
      return refuse(EmailRefusal.TooManyAttachments, error.message);
    }
    return refuse(EmailRefusal.Malformed, shortReason(error));
  }
}

function toParsedEmail(content: MimeContent, raw: Buffer, size_bytes: number): ParsedEmail {
  const { headers, headerLines } = content;
  const warnings: string[] = charsetWarnings(raw);
  for (const key of SINGLE_HEADERS) {
    if (headerCount(headerLines, key) > 1) warnings.push(`more than one ${key} header: the first is used`);
  }

  const fromHeader = rawHeader(headerLines, 'from');
  const from = mailboxesOf(headers.get('from')).list[0] ?? null;
  if (fromHeader !== null && from === null) warnings.push('the from header has no address');
  const to = recipients(headers.get('to'), 'to', warnings);
  const cc = recipients(headers.get('cc'), 'cc', warnings);

  const rawSubject = headers.get('subject');
  const fullSubject = headerText(typeof rawSubject === 'string' ? rawSubject : null, Infinity);
  const subject = headerText(fullSubject);
  if (subject !== null && subject !== fullSubject) warnings.push(`subject cut at ${MAX_HEADER_TEXT} characters`);

  const dateHeader = rawHeader(headerLines, 'date');
  const sent_at = parseSentAt(dateHeader);
  if (dateHeader !== null && sent_at === null) warnings.push('the date header did not parse');

  const messageIdHeader = rawHeader(headerLines, 'message-id');
  const message_id = firstMessageId(messageIdHeader);
  if (messageIdHeader !== null && message_id === null) warnings.push('the message-id header has no usable identifier');
  const in_reply_to = firstMessageId(rawHeader(headerLines, 'in-reply-to'));
  const thread_id = firstMessageId(rawHeader(headerLines, 'references')) ?? in_reply_to ?? message_id;

  const text = bodyText(content.text, content.html, warnings);
  const attachments = content.attachments.map((a, position): ParsedAttachment => ({
    position,
    filename: sanitiseFilename(a.filename),
    media_type: mediaTypeOf(a.declaredType ?? a.contentType),
    size_bytes: a.size,
    sha256: a.sha256,
    content: a.content,
    ...(a.content === null ? { skipped: 'too_large' } : {}),
  }));

  return {
    message_id,
    thread_id,
    in_reply_to,
    from,
    to,
    cc,
    subject,
    sent_at,
    text,
    html_present: content.html !== null,
    attachments,
    warnings,
    size_bytes,
    content_sha256: contentSha256({
      from: from?.address ?? null,
      message_id,
      sent_at,
      subject,
      text,
      attachment_sha256: attachments.map((a) => a.sha256),
    }),
  };
}

function recipients(header: unknown, name: string, warnings: string[]): EmailAddress[] {
  const { list, dropped } = mailboxesOf(header);
  if (dropped > 0) warnings.push(`${dropped} ${name} entr${dropped === 1 ? 'y' : 'ies'} without an address`);
  if (list.length <= MAX_RECIPIENTS) return list;
  warnings.push(`${list.length} ${name} recipients: only the first ${MAX_RECIPIENTS} are kept`);
  return list.slice(0, MAX_RECIPIENTS);
}
