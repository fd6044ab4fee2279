/**
 * Invoice dates as printed (numeric with `/ - .`, or with English or Spanish month names) to ISO
 * `yyyy-mm-dd`. A numeric date whose day and month are both <= 12 is ambiguous: the document's
 * own cues decide (see `dateOrderOf`), and the result says it was a guess.
 */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface ParsedDate {
  iso: string;
  /** True when day and month could be swapped and the order came from a cue or the default. */
  ambiguous: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  enero: 1,
  ene: 1,
  february: 2,
  feb: 2,
  febrero: 2,
  march: 3,
  mar: 3,
  marzo: 3,
  april: 4,
  apr: 4,
  abril: 4,
  abr: 4,
  may: 5,
  mayo: 5,
  june: 6,
  jun: 6,
  junio: 6,
  july: 7,
  jul: 7,
  julio: 7,
  august: 8,
  aug: 8,
  agosto: 8,
  ago: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septiembre: 9,
  setiembre: 9,
  set: 9,
  october: 10,
  oct: 10,
  octubre: 10,
  november: 11,
  nov: 11,
  noviembre: 11,
  december: 12,
  dec: 12,
  diciembre: 12,
  dic: 12,
};

const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

/** A date as printed: numeric, "August 3, 2014", "3 de agosto de 2014", "03-Aug-2014". Global, for scanning. */
export const DATE_TOKEN = new RegExp(
  [
    String.raw`\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b`,
    String.raw`\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b`,
    String.raw`\b${MONTH}\s*\d{1,2}(?:st|nd|rd|th)?\s*,?\s*\d{4}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?[\s\-]*(?:de\s+)?${MONTH}[\s\-,]*(?:de(?:l)?\s+)?\d{4}\b`,
  ].join('|'),
  'giu',
);

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const fullYear = (year: number) => (year < 100 ? 2000 + year : year);

/** Parses one printed date; `order` settles a numeric date whose day and month could swap. */
export function parseDate(text: string, order: DateOrder = 'dmy'): ParsedDate | null {
  const value = text.trim().toLowerCase();
  let match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(value);
  if (match) return wrap(isoDate(+match[1], +match[2], +match[3]), false);
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(value);
  if (match) {
    const [a, b, year] = [+match[1], +match[2], fullYear(+match[3])];
    if (a > 12 && b <= 12) return wrap(isoDate(year, b, a), false);
    if (b > 12 && a <= 12) return wrap(isoDate(year, a, b), false);
    const iso = order === 'mdy' ? isoDate(year, a, b) : isoDate(year, b, a);
    return wrap(iso, a !== b);
  }
  match = new RegExp(`^${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})$`, 'u').exec(value);
  if (match) return wrap(isoDate(+match[3], MONTHS[match[1]], +match[2]), false);
  match = new RegExp(
    `^(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-]*(?:de\\s+)?${MONTH}[\\s\\-,]*(?:del?\\s+)?(\\d{4})$`,
    'u',
  ).exec(value);
  if (match) return wrap(isoDate(+match[3], MONTHS[match[2]], +match[1]), false);
  return null;
}

const wrap = (iso: string | null, ambiguous: boolean): ParsedDate | null => (iso ? { iso, ambiguous } : null);

/**
 * The day/month order a document uses, from its own cues: any numeric date that only reads one way
 * (20/03/2023 or 03/20/2023) settles it; else Spanish labels mean day first, and a US address or
 * US dollars month first; else day first, as most of the world writes.
 */
export function dateOrderOf(text: string): { order: DateOrder; cue: string } {
  for (const match of text.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d{2})\b/g)) {
    if (+match[1] > 12 && +match[2] <= 12) return { order: 'dmy', cue: `day first in ${match[0]}` };
    if (+match[2] > 12 && +match[1] <= 12) return { order: 'mdy', cue: `month first in ${match[0]}` };
  }
  if (/\b(factura|fecha|importe|vencimiento|IVA)\b/u.test(text)) return { order: 'dmy', cue: 'Spanish labels' };
  if (/\b(USD|US Dollars?|United States|U\.S\.A\.?)\b/i.test(text)) return { order: 'mdy', cue: 'US document' };
  return { order: 'dmy', cue: 'default day first' };
}
