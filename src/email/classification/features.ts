import type { ClassificationInput } from '../email.types.js';

// The body a classifier reads (characters): the start of a message says what it is about, and a
// training example stores this text, so it stays small.
export const MAX_FEATURE_BODY = 20_000;
const MAX_SUBJECT = 500;
const MAX_ATTACHMENT_TOKENS = 20;
// Addresses kept per recipient field: a mailing to hundreds is said by its count token.
const MAX_RECIPIENT_TOKENS = 20;
// The tokenizer drops words longer than 40 characters; an address token is cut to stay one word.
const MAX_ADDRESS_TOKEN = 36;
// Lines kept after a closing: the name (and a second line, often the company); the rest of a
// signature is a title, phones and disclaimers that say nothing about the message.
const SIGNATURE_LINES_KEPT = 2;

// "Re:", "Fwd:", "RV:" (Spanish Outlook's reenviado), "RE[2]:" ... in front of a subject.
const REPLY_PREFIX = /^(?:(?:re|fw|fwd|rv|reenviado|aw|wg|tr|sv|antw)(?:\[\d{1,3}\])?\s*:\s*)+/i;
// Where the quoted message of a reply begins: Outlook's separator, Gmail's "On ... wrote:", and
// their Spanish forms. Everything from there on is the earlier message, not this one. A forwarded
// message is kept: what was forwarded is usually what the email is about.
const REPLY_HEADER =
  /^(?:-{2,} ?(?:original message|mensaje original) ?-{2,}|on .{1,200} wrote:|el .{1,200} escribi[óo]:)$/i;
// The first prefix of a subject says whether the mail answers or passes on another (Enron's
// "RE;" typo included); a Notes "----- Forwarded by" line or an Outlook separator in the text says so
// when the subject does not.
const REPLY_SUBJECT = /^(?:re|aw|sv|antw)(?:\[\d{1,3}\])?\s*[:;]/i;
const FORWARD_SUBJECT = /^(?:fw|fwd|rv|reenviado|wg|tr)(?:\[\d{1,3}\])?\s*[:;]/i;
const ORIGINAL_MESSAGE = /^[ \t]*-{2,} ?(?:original message|mensaje original) ?-{2,}[ \t\r]*$/im;
const FORWARDED_BY = /-{3,} ?forwarded by/i;
const DEVICE_FOOTER = /^(?:sent from my|enviado desde mi) /i;
const CLOSING =
  /^(?:(?:best|kind|warm)? ?regards|best|thanks|thank you|cheers|sincerely|(?:un )?(?:cordial )?saludos?(?: cordiales)?|atentamente|cordialmente|gracias)[,.!]?$/i;

/**
 * The canonical text a classifier trains on and classifies, one line each: the subject without
 * reply prefixes; a sender-domain token (`__from_domain_enron_com`); recipient and thread tokens
 * (`__to_<address>`, `__cc_<address>`, their counts, `__reply_subject`, `__forward_subject`,
 * `__quotes_original`, `__forwarded_by`, `__in_reply_to`); attachment tokens (type and extension,
 * sorted, so their order does not count); then the body with quoted replies, the earlier message
 * under a reply header and the signature's tail removed, bounded to MAX_FEATURE_BODY. Header tokens
 * come before the body because the tokenizer reads only the text's first characters. Same input,
 * same string: nothing here reads a clock, a locale or a random source.
 *
 * Only what any mail carries is read. Never a mailbox export's own headers (Enron's X-Folder,
 * X-FileName, X-Origin) or anything else that says where a person filed the message: in a
 * labelled corpus the folder is the label, and a model that learns it learns nothing about mail.
 */
export function featuresOf(input: ClassificationInput): string {
  const lines: string[] = [];
  const rawSubject = oneLine(input.subject ?? '');
  const subject = rawSubject.replace(REPLY_PREFIX, '').slice(0, MAX_SUBJECT);
  if (subject !== '') lines.push(subject);
  const domain = domainOf(input.from_address);
  if (domain !== null) lines.push(`__from_domain_${token(domain)}`);
  const conversation = [...recipientTokens(input), ...threadTokens(input, rawSubject)];
  if (conversation.length > 0) lines.push(conversation.join(' '));
  const attachments = attachmentTokens(input.attachment_types, input.attachment_names);
  if (attachments.length > 0) lines.push(attachments.join(' '));
  const body = bodyOf(input.text);
  if (body !== '') lines.push(body);
  return lines.join('\n');
}

function domainOf(address: string | null): string | null {
  const domain =
    address === null
      ? ''
      : address
          .slice(address.lastIndexOf('@') + 1)
          .trim()
          .toLowerCase();
  return domain === '' || address === null || !address.includes('@') ? null : domain.slice(0, 253);
}

/**
 * Who else reads the mail: each To and Cc address (`__to_jane_doe_enron_com`) and how many there
 * are (`__to_n_2_3`): one person, a few, a list. Nothing when the recipients are not known.
 */
function recipientTokens(input: ClassificationInput): string[] {
  const tokens: string[] = [];
  for (const [field, addresses] of [
    ['to', input.to_addresses],
    ['cc', input.cc_addresses],
  ] as const) {
    if (addresses === undefined) continue;
    for (const address of addresses.slice(0, MAX_RECIPIENT_TOKENS)) {
      const t = token(address).slice(0, MAX_ADDRESS_TOKEN);
      if (t !== '') tokens.push(`__${field}_${t}`);
    }
    tokens.push(`__${field}_n_${countBucket(addresses.length)}`);
  }
  return tokens;
}

function countBucket(n: number): string {
  return n <= 1 ? String(n) : n <= 3 ? '2_3' : n <= 9 ? '4_9' : '10';
}

/** Whether the mail answers or passes on another: a reply is rarely the start of a subject. */
function threadTokens(input: ClassificationInput, subject: string): string[] {
  const tokens: string[] = [];
  if (REPLY_SUBJECT.test(subject)) tokens.push('__reply_subject');
  if (FORWARD_SUBJECT.test(subject)) tokens.push('__forward_subject');
  const text = input.text.slice(0, MAX_FEATURE_BODY * 3);
  if (ORIGINAL_MESSAGE.test(text)) tokens.push('__quotes_original');
  if (FORWARDED_BY.test(text)) tokens.push('__forwarded_by');
  if (input.in_reply_to) tokens.push('__in_reply_to');
  return tokens;
}

function attachmentTokens(types: string[], names: string[]): string[] {
  const tokens = new Set<string>();
  for (const type of types.slice(0, MAX_ATTACHMENT_TOKENS)) {
    const t = token(type.split(';')[0].trim().toLowerCase());
    if (t !== '') tokens.add(`__attachment_type_${t}`);
  }
  for (const name of names.slice(0, MAX_ATTACHMENT_TOKENS)) {
    const dot = name.lastIndexOf('.');
    const extension = dot < 0 ? '' : token(name.slice(dot + 1).toLowerCase()).slice(0, 10);
    if (extension !== '') tokens.add(`__attachment_ext_${extension}`);
  }
  return [...tokens].sort();
}

/** Lower-case letters and digits joined by `_`: a token a word tokenizer keeps whole. */
function token(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Accents go (`mächine` is `machine`), then anything else that is not a letter or digit.
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/gi, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase()
  );
}

function bodyOf(text: string): string {
  // Read a little more than is kept: the lines removed below make room.
  const kept: string[] = [];
  for (const raw of text
    .slice(0, MAX_FEATURE_BODY * 3)
    .normalize('NFC')
    .split(/\r\n?|\n/)) {
    const line = oneLine(raw);
    if (line === '--' || REPLY_HEADER.test(line)) break;
    if (line.startsWith('>') || DEVICE_FOOTER.test(line)) continue;
    kept.push(line);
  }
  // The last closing ("Regards,") and the name under it stay; titles, phones, disclaimers go.
  const closing = kept.findLastIndex((line) => CLOSING.test(line));
  if (closing >= 0) {
    let names = 0;
    let end = closing + 1;
    while (end < kept.length && names < SIGNATURE_LINES_KEPT) if (kept[end++] !== '') names++;
    kept.length = end;
  }
  const body = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return body.length > MAX_FEATURE_BODY ? body.slice(0, MAX_FEATURE_BODY) : body;
}

// eslint-disable-next-line no-control-regex -- a feature line carries no control characters
const CONTROL = /[\u0000-\u001f\u007f]+/g;

function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}
