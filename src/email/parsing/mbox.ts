export type MboxEntry = { index: number; raw: Buffer } | { index: number; tooLarge: true; size: number };

const LF = 0x0a;
// A line longer than this is no `From ` separator and no `>From ` escape, so it is passed through
// as it streams instead of being held whole.
const MAX_MARKER_LINE = 1024;
const FROM_ = Buffer.from('From ');

/**
 * Splits an mbox stream into messages without ever holding more than one message (and one short
 * line) in memory. A separator is a `From ` line at the start of the file or after a blank line
 * that carries a time (`From sender Mon Jan  1 00:00:00 2024`, `From - Tue ...`): a body line
 * such as "From the team," does not split a message even in an unescaped mboxo file. The blank
 * line before a separator belongs to the format and is dropped; `>From `, `>>From ` ... lose one
 * `>` (mboxrd; for mboxo this is the usual best guess). CRLF or LF, kept as written.
 * A message over `maxMessageBytes` is reported with its size and its bytes dropped as they stream.
 */
export async function* splitMbox(source: AsyncIterable<Buffer>, maxMessageBytes: number): AsyncGenerator<MboxEntry> {
  const message = new MessageBuffer(maxMessageBytes);
  let line: Buffer[] = [];
  let lineLength = 0;
  // Inside a line too long to be a marker: the rest of it goes straight to the message.
  let passingThrough = false;
  let previousBlank = true;
  let heldBlank: Buffer | null = null;
  let index = 0;

  const endLine = function* (bytes: Buffer): Generator<MboxEntry> {
    const isBlank = bytes.length === 1 || (bytes.length === 2 && bytes[0] === 0x0d);
    if (previousBlank && isSeparator(bytes)) {
      heldBlank = null;
      const entry = message.take(index);
      if (entry !== null) {
        index++;
        yield entry;
      }
      previousBlank = false;
      return;
    }
    if (heldBlank !== null) message.push(heldBlank);
    heldBlank = null;
    // A view into the source's chunk would change under us once the chunk is reused: a blank line is two bytes.
    if (isBlank) heldBlank = Buffer.from(bytes);
    else message.push(unescapeFrom(bytes));
    previousBlank = isBlank;
  };

  for await (const chunk of source) {
    let start = 0;
    while (start < chunk.length) {
      const lf = chunk.indexOf(LF, start);
      const end = lf < 0 ? chunk.length : lf + 1;
      const piece = chunk.subarray(start, end);
      start = end;
      if (passingThrough) {
        message.push(piece);
        if (lf >= 0) {
          passingThrough = false;
          previousBlank = false;
        }
        continue;
      }
      if (lf >= 0 && lineLength === 0) {
        // The whole line is in this chunk: a view of it will do, the message copies what it keeps.
        yield* endLine(piece);
        continue;
      }
      // A line split across chunks: its pieces are copied, the chunk they came from moves on.
      line.push(Buffer.from(piece));
      lineLength += piece.length;
      if (lf >= 0) {
        yield* endLine(Buffer.concat(line, lineLength));
        line = [];
        lineLength = 0;
      } else if (lineLength > MAX_MARKER_LINE) {
        if (heldBlank !== null) message.push(heldBlank);
        heldBlank = null;
        message.push(unescapeFrom(Buffer.concat(line, lineLength)));
        line = [];
        lineLength = 0;
        passingThrough = true;
      }
    }
  }
  if (lineLength > 0) yield* endLine(Buffer.concat(line, lineLength));
  // The blank line that ends the file belongs to the format, like the one before a separator.
  const last = message.take(index);
  if (last !== null) yield last;
}

// The time every `From ` line's date carries (asctime: `Mon Jan  1 00:00:00 2024`).
const POSTMARK = /^From \S+ .*\d{1,2}:\d{2}/;

function isSeparator(line: Buffer): boolean {
  return line.length <= MAX_MARKER_LINE && line.subarray(0, 5).equals(FROM_) && POSTMARK.test(line.toString('latin1'));
}

/** `>From ` (any number of `>`) loses one `>`: the mboxrd escape undone. */
function unescapeFrom(line: Buffer): Buffer {
  let i = 0;
  while (i < line.length && line[i] === 0x3e) i++;
  return i > 0 && line.subarray(i, i + 5).equals(FROM_) ? line.subarray(1) : line;
}

// Message bytes are copied into blocks of this size: one copy per byte, and a few hundred
// objects for a 25 MB message instead of one per line.
const BLOCK = 64 * 1024;

/** One message's bytes, or once it is over the limit only its size. */
class MessageBuffer {
  private blocks: Buffer[] = [];
  private block = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private size = 0;
  private tooLarge = false;

  constructor(private readonly maxBytes: number) {}

  /** Copies the bytes (the caller's buffer may be a view of the source's chunk). */
  push(bytes: Buffer): void {
    this.size += bytes.length;
    if (this.tooLarge) return;
    if (this.size > this.maxBytes) {
      this.tooLarge = true;
      this.blocks = [];
      this.used = 0;
      return;
    }
    let offset = 0;
    while (offset < bytes.length) {
      const copied = bytes.copy(this.block, this.used, offset);
      offset += copied;
      this.used += copied;
      if (this.used === BLOCK) {
        this.blocks.push(this.block);
        this.block = Buffer.allocUnsafe(BLOCK);
        this.used = 0;
      }
    }
  }

  /** The message so far (null when it is empty), and a fresh start for the next one. */
  take(index: number): MboxEntry | null {
    let entry: MboxEntry | null = null;
    if (this.tooLarge) entry = { index, tooLarge: true, size: this.size };
    else if (this.size > 0)
      entry = { index, raw: Buffer.concat([...this.blocks, this.block.subarray(0, this.used)], this.size) };
    this.blocks = [];
    this.used = 0;
    this.size = 0;
    this.tooLarge = false;
    return entry;
  }
}
