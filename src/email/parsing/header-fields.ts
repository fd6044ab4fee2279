import type { HeaderLines } from 'mailparser';

// RFC 5322 2.1.1: a line is at most 998 characters, so no honest identifier or subject is longer.
export const MAX_HEADER_TEXT = 998;

// Every C0 and C1 control character and DEL; header text keeps none of them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A header's value as written in the message: the first occurrence (the one clients display and
 * mailparser builds the structure from), unfolded, without its name. mailparser's own parsed
 * values are not used for Date (it substitutes the current time for one that does not parse) nor
 * for the identifiers (it wraps whatever it finds in angle brackets).
 */
export function rawHeader(lines: HeaderLines, key: string): string | null {
  const line = lines.find((l) => l.key === key)?.line;
  if (line === undefined) return null;
  const colon = line.indexOf(':');
  return colon < 0
    ? null
    : line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]*/g, ' ')
        .trim();
}

/** How often a header appears: a second From, Subject or Message-ID is a defect worth a warning. */
export function headerCount(lines: HeaderLines, key: string): number {
  return lines.reduce((n, l) => (l.key === key ? n + 1 : n), 0);
}

/**
 * The first message identifier in a Message-ID, In-Reply-To or References value: the first
 * `<...>` (a References list may be separated by spaces, commas or nothing), else the first word
 * for a sender that left the brackets out. Without whitespace or control characters; null when
 * nothing is left or it is longer than a header line may be.
 */
export function firstMessageId(value: string | null): string | null {
  if (value === null) return null;
  const bracketed = /<([^<>]*)>/.exec(value)?.[1];
  const id = (bracketed ?? value.split(/[\s,]+/).find((word) => word !== '') ?? '')
    .replace(CONTROL, '')
    .replace(/\s+/g, '');
  const bare = id.replace(/^<+|>+$/g, '');
  return bare === '' || bare.length > MAX_HEADER_TEXT ? null : bare;
}

const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * The Date header as an instant, or null. V8's parser reads RFC 5322 dates (and their obsolete
 * zone names and comments) but also turns "1" into 2001-01-01, so a value must name a month or be
 * ISO-like, and land in a plausible range (RFC 5322's own examples go back to 1969).
 */
export function parseSentAt(value: string | null): Date | null {
  if (value === null || value.length > 200) return null;
  if (!MONTH_NAME.test(value) && !/\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? date : null;
}

/** One line of display text (a subject, a display name): no control characters, spaces collapsed, bounded. */
export function headerText(value: string | null | undefined, max = MAX_HEADER_TEXT): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.length > max ? Array.from(text).slice(0, max).join('') : text;
}
