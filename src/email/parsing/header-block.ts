// How much of the start of a message is read to decide whether it is one: header blocks are
// rarely over a few KB; mailparser itself refuses a head over 1 MB.
const SNIFF_BYTES = 64 * 1024;

// Headers every real message has at least one of; an arbitrary `word:` line in a binary file or a
// text document is not enough to call it mail.
const KNOWN_FIELDS = new Set(
  (
    'from to cc bcc subject date message-id sender reply-to in-reply-to references received return-path ' +
    'delivered-to mime-version content-type content-transfer-encoding x-mailer x-original-to'
  ).split(' '),
);

// A field name: printable ASCII other than `:` (RFC 5322 3.6.8), then the colon. Bounded, so a
// long run of name characters is one attempt, not many.
const FIELD_LINE = /^([!-9;-~]{1,76})[ \t]*:/;

/**
 * Whether the bytes start with a header block a mail parser would recognise: (after an mbox
 * `From ` line, which uploads often keep) a first line that is a header field, and a known field
 * name before the blank line that ends the block. Binary files, empty input and plain documents
 * fail; a message with odd headers but a real From, Date or Received passes and is left to the parser.
 */
export function looksLikeEmail(raw: Buffer): boolean {
  const head = raw.subarray(0, SNIFF_BYTES).toString('latin1');
  const lines = head.split(/\r?\n/);
  let i = lines[0]?.startsWith('From ') ? 1 : 0;
  if (!FIELD_LINE.test(lines[i] ?? '')) return false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') break;
    const name = FIELD_LINE.exec(line)?.[1].toLowerCase();
    if (name !== undefined && KNOWN_FIELDS.has(name)) return true;
  }
  return false;
}
