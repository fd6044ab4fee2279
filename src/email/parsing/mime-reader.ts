import { createHash } from 'node:crypto';
import { MailParser, type AttachmentStream, type HeaderLines, type Headers, type MessageText } from 'mailparser';
import type { EmailLimits } from '../email.types.js';

// A message whose parse has not ended by then is stalled (a parser bug, a stream that never
// ends), not slow: a 25 MB message parses in a few seconds on one busy core.
export const PARSE_TIMEOUT_MS = 60_000;

// Options that make mailparser do only the parsing: no HTML to text (html-text.ts does it), no
// text to HTML, no link detection, no inlined images, no MD5 sums (collect() hashes with SHA-256).
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  checksumAlgo: false as const,
};

export interface RawAttachment {
  contentType: string;
  declaredType: string | undefined;
  filename: string | undefined;
  size: number;
  sha256: string;
  /** Null once the decoded content passed the per-attachment cap: counted and hashed, not kept. */
  content: Buffer | null;
}

export interface MimeContent {
  headers: Headers;
  headerLines: HeaderLines;
  text: string;
  html: string | null;
  attachments: RawAttachment[];
}

/** Why the reader stopped without content; parse-email.ts turns it into a refusal. */
export class MimeStop extends Error {
  constructor(
    readonly kind: 'too_many_attachments' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs mailparser's streaming parser over one message. Attachment content is hashed as it streams
 * and kept only up to `maxAttachmentBytes`, so a message holds at most its own size twice; the
 * parse stops at the first attachment over `maxAttachments`. Rejects with a MimeStop (or, were
 * the parser's constructor to throw, with that error).
 */
export function readMime(raw: Buffer, limits: EmailLimits): Promise<MimeContent> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser(PARSER_OPTIONS);
    let headers: Headers = new Map();
    let headerLines: HeaderLines = [];
    let text: MessageText | null = null;
    const attachments: RawAttachment[] = [];
    const pending: Promise<void>[] = [];
    let settled = false;
    const timer = setTimeout(() => stop(new MimeStop('failed', 'the parser did not finish in time')), PARSE_TIMEOUT_MS);
    const stop = (error: MimeStop): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      parser.destroy();
      reject(error);
    };

    parser.on('headers', (h: Headers) => (headers = h));
    parser.on('headerLines', (lines: HeaderLines) => (headerLines = lines));
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (settled) return;
      if (data.type === 'text') {
        text = data;
      } else if (attachments.length >= limits.maxAttachments) {
        stop(new MimeStop('too_many_attachments', `more than ${limits.maxAttachments} attachments`));
      } else {
        // Caught here, not only in Promise.all at the end: a parse that fails before its end would
        // otherwise leave this rejection unhandled, and Node ends the process for those.
        pending.push(
          collect(data, limits.maxAttachmentBytes, attachments).catch((error: unknown) =>
            stop(new MimeStop('failed', shortReason(error))),
          ),
        );
      }
    });
    // The parser may report an error after its end; the first outcome wins and later ones are ignored.
    parser.on('error', (error: unknown) => stop(new MimeStop('failed', shortReason(error))));
    parser.on('end', () => {
      void Promise.all(pending).then(() => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const html = text?.html;
        resolve({
          headers,
          headerLines,
          text: text?.text ?? '',
          html: typeof html === 'string' ? html : null,
          attachments,
        });
      });
    });
    parser.end(raw);
  });
}

/** Streams one attachment: hashes and counts every byte, keeps them only while under the cap. */
function collect(data: AttachmentStream, maxBytes: number, into: RawAttachment[]): Promise<void> {
  const entry: RawAttachment = {
    contentType: data.contentType,
    declaredType: declaredType(data.headers),
    filename: data.filename,
    size: 0,
    sha256: '',
    content: null,
  };
  into.push(entry);
  const hash = createHash('sha256');
  let chunks: Buffer[] | null = [];
  return new Promise((resolve, reject) => {
    data.content.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      entry.size += chunk.length;
      if (chunks !== null && entry.size > maxBytes) chunks = null;
      chunks?.push(chunk);
    });
    data.content.once('error', (error: unknown) => {
      data.release?.();
      reject(error);
    });
    data.content.once('end', () => {
      entry.sha256 = hash.digest('hex');
      entry.content = chunks === null ? null : Buffer.concat(chunks, entry.size);
      data.release?.();
      resolve();
    });
  });
}

function declaredType(headers: Headers): string | undefined {
  const value = headers.get('content-type');
  return typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string'
    ? value.value
    : undefined;
}

/** An error's message as one short line: a reason for an operator, never a stack or a dump of content. */
export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex -- a reason is one printable line
  const line = message.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return (line === '' ? 'the parser failed' : line).slice(0, 200);
}
