import { htmlToText } from './html-text.js';

// The most text an email keeps (characters). A body beyond it is a data dump, not a message;
// extraction reads the first 200 KB and the classifier the first 20,000 characters anyway.
export const MAX_TEXT_CHARS = 1_000_000;

// How much of the raw message is turned into a string at a time when looking for charsets.
const SCAN_SLICE = 1024 * 1024;
const MAX_CHARSET_WARNINGS = 5;
// A charset parameter on a Content-Type line or a folded continuation of one. The lazy run is
// bounded and tried only at line starts, so a long line costs one attempt, not one per position.
const CHARSET_PARAM = /^(?:content-type:|[ \t])[^\n]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:+-]{1,40})/gim;

/**
 * The message's plain text: its text part when it has one with content, else its HTML reduced to
 * text (never the HTML itself). Line ends are `\n`, control characters other than tab and newline
 * are gone, trailing spaces trimmed, and the whole bounded by MAX_TEXT_CHARS.
 */
export function bodyText(text: string, html: string | null, warnings: string[]): string {
  const chosen = text.trim() !== '' || html === null ? text : htmlToText(html.slice(0, MAX_TEXT_CHARS * 4));
  // Normalising only removes characters, so twice the bound is more than enough to normalise.
  let clean = normaliseText(chosen.length > MAX_TEXT_CHARS * 2 ? chosen.slice(0, MAX_TEXT_CHARS * 2) : chosen);
  if (clean.length > MAX_TEXT_CHARS) {
    // Cut at a code point, not inside a surrogate pair.
    const cut = /[\ud800-\udbff]/.test(clean.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
    clean = clean.slice(0, cut).trimEnd();
    warnings.push(`text cut at ${MAX_TEXT_CHARS} characters`);
  }
  if (clean.includes('\ufffd')) warnings.push('text has bytes its charset could not decode (replaced by U+FFFD)');
  return clean;
}

export function normaliseText(text: string): string {
  // Trailing spaces go line by line: `/[ \t]+$/gm` rescans a long run of spaces from each of its
  // positions, which is quadratic in the run.
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- everything but tab and newline goes
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufeff]/g, '')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * Warnings for the charsets a message's parts declare that Node's decoders do not know (UTF-7
 * among them, which mailparser refuses on purpose): those parts were decoded as UTF-8 instead, so
 * their text may be off. Only `charset=` in a Content-Type line or its folded continuation counts
 * (not one quoted in a body). Scans the raw bytes a slice at a time, never as one big string.
 */
export function charsetWarnings(raw: Buffer): string[] {
  const unknown = new Set<string>();
  for (let start = 0; start < raw.length && unknown.size < MAX_CHARSET_WARNINGS; start += SCAN_SLICE) {
    // The slices overlap by a line's worth, so a parameter cut at a boundary is still seen whole.
    const slice = raw.subarray(Math.max(0, start - 1024), start + SCAN_SLICE).toString('latin1');
    for (const match of slice.matchAll(CHARSET_PARAM)) {
      const name = match[1].toLowerCase();
      if (!isKnownCharset(name)) unknown.add(name);
      if (unknown.size >= MAX_CHARSET_WARNINGS) break;
    }
  }
  return [...unknown].map((name) => `unknown charset "${name}": its text was decoded as UTF-8`);
}

function isKnownCharset(name: string): boolean {
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}
