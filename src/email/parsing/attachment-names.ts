// Most file systems take at most 255 characters in a name.
const MAX_FILENAME = 255;

// Control characters, and the bidirectional overrides that make `invoice\u202Efdp.exe` display as
// `invoiceexe.pdf`.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A declared attachment name made safe to show and to store under: the last path segment only
 * (either slash), no control or direction-override characters, at most 255 characters with the
 * extension kept. Null for a name that is empty or only dots once cleaned.
 */
export function sanitiseFilename(name: string | undefined): string | null {
  if (name === undefined) return null;
  const base = name.replace(UNSAFE, '').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/\s+/g, ' ').trim();
  if (clean === '' || /^\.+$/.test(clean)) return null;
  const chars = Array.from(clean);
  if (chars.length <= MAX_FILENAME) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(clean.slice(dot)) : [];
  const kept = extension.length > 0 && extension.length <= 16 ? extension : [];
  return chars.slice(0, MAX_FILENAME - kept.length).join('') + kept.join('');
}

/**
 * The declared media type, lower-cased, as `type/subtype` without parameters. mailparser guesses
 * a type from the file name for `application/octet-stream`; the declared one is kept here (the OCR
 * layer looks at the bytes). Anything that is not a media type becomes `application/octet-stream`.
 */
export function mediaTypeOf(declared: string | undefined): string {
  const type = (declared ?? '').split(';')[0].trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(type)
    ? type
    : 'application/octet-stream';
}
