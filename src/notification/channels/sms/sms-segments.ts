/**
 * SMS length rules (3GPP TS 23.038 / 23.040). A message is GSM-7 when every character is in the
 * GSM 03.38 basic table or its extension table (an extension character costs two septets: an
 * escape and the character); otherwise UCS-2, counted in UTF-16 units (a character outside the
 * BMP, most emoji, is a surrogate pair: two units). One segment holds 160 septets or 70 units;
 * a longer message is split into segments of 153 septets or 67 units (the rest is the
 * concatenation header), and a character (an escape pair, a surrogate pair) never straddles two.
 */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

/** Typography templates and Intl produce that has a plain GSM-7 equivalent (Intl writes `40 %` with a no-break space). */
const PLAIN: Record<string, string> = {
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
};

export function plainSms(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f\u2018\u2019\u201c\u201d\u2013\u2014]/g, (c) => PLAIN[c]);
}

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!GSM_BASIC.has(char) && !GSM_EXTENSION.has(char)) return 'UCS-2';
  return 'GSM-7';
}

/** Code units one character (one code point) costs in the encoding. */
const cost = (char: string, encoding: SmsEncoding) =>
  encoding === 'GSM-7' ? (GSM_EXTENSION.has(char) ? 2 : 1) : char.length;

/** Fills segments of `size` units, moving a character that does not fit whole to the next. */
class Segments {
  constructor(
    private readonly size: number,
    public count = 1,
    private used = 0,
  ) {}

  add(units: number): void {
    if (this.used + units > this.size) {
      this.count++;
      this.used = units;
    } else this.used += units;
  }

  copy(): Segments {
    return new Segments(this.size, this.count, this.used);
  }
}

export function segmentCount(text: string, encoding = smsEncoding(text)): number {
  const limits = LIMITS[encoding];
  const units = [...text].map((char) => cost(char, encoding));
  if (units.reduce((a, b) => a + b, 0) <= limits.single) return 1;
  const segments = new Segments(limits.multi);
  for (const u of units) segments.add(u);
  return segments.count;
}

export interface FittedSms {
  text: string;
  encoding: SmsEncoding;
  segments: number;
  cut: boolean;
}

const WORD_BACKTRACK = 20;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The message cut to at most `maxSegments`, at a grapheme boundary (never inside a surrogate pair,
 * an emoji sequence or a letter with its accents), ending with an ellipsis when cut: `...` for
 * GSM-7, which has no `…` (one `…` would turn the whole message into UCS-2 and more than halve it),
 * `…` for UCS-2.
 */
export function fitSms(input: string, maxSegments: number): FittedSms {
  const text = plainSms(input);
  const encoding = smsEncoding(text);
  const segments = segmentCount(text, encoding);
  if (segments <= maxSegments) return { text, encoding, segments, cut: false };
  const limits = LIMITS[encoding];
  const size = maxSegments === 1 ? limits.single : limits.multi;
  const ellipsis = encoding === 'GSM-7' ? '...' : '…';
  const fits = (state: Segments, more: string) => {
    const next = state.copy();
    for (const char of more) next.add(cost(char, encoding));
    return next.count <= maxSegments ? next : null;
  };
  let state = new Segments(size);
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    const next = fits(state, segment);
    if (!next || !fits(next, ellipsis)) break;
    state = next;
    kept += segment;
  }
  // A word cut in two reads worse than a shorter message: back up to a space near the end.
  const space = kept.search(/\s\S*$/);
  if (space > 0 && kept.length - space <= WORD_BACKTRACK) kept = kept.slice(0, space);
  const cutText = kept.trimEnd() + ellipsis;
  return { text: cutText, encoding, segments: segmentCount(cutText, encoding), cut: true };
}

/** E.164: `+`, a country code not starting with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;
