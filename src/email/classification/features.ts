import type { ClassificationInput } from '../email.types.js';

// The body a classifier reads (characters): the start of a message says what it is about, and a
// training example stores this text, so it stays small.
export const MAX_FEATURE_BODY = 20_000;
const MAX_SUBJECT = 500;
const MAX_ATTACHMENT_TOKENS = 20;
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
const DEVICE_FOOTER = /^(?:sent from my|enviado desde mi) /i;
const CLOSING =
  /^(?:(?:best|kind|warm)? ?regards|best|thanks|thank you|cheers|sincerely|(?:un )?(?:cordial )?saludos?(?: cordiales)?|atentamente|cordialmente|gracias)[,.!]?$/i;

/**
 * The canonical text a classifier trains on and classifies, one line each: the subject without
 * reply prefixes; a sender-domain token (`__from_domain_enron_com`); attachment tokens (type and
 * extension, sorted, so their order does not count); then the body with quoted replies, the
 * earlier message under a reply header and the signature's tail removed, bounded to
 * MAX_FEATURE_BODY. Same input, same string: nothing here reads a clock, a locale or a random source.
 */
export function featuresOf(input: ClassificationInput): string {
  const lines: string[] = [];
  const subject = oneLine(input.subject ?? '')
    .replace(REPLY_PREFIX, '')
    .slice(0, MAX_SUBJECT);
  if (subject !== '') lines.push(subject);
  const domain = domainOf(input.from_address);
  if (domain !== null) lines.push(`__from_domain_${token(domain)}`);
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
