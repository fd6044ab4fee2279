// Month names in English and Spanish, full and abbreviated, to their number. `mar` is March in
// both languages and `may` May in both; `sept`/`setiembre` are common variants.
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
// Longest first, so `marzo` is not read as `mar` + `zo` (the trailing \b would reject it anyway).
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

// Each pattern has bounded parts with separators the digits cannot match, so none backtracks.
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number, number, number] | null }[] = [
  // 2024-03-05, 2024/3/5
  { re: /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/g, read: (m) => [+m[1], +m[2], +m[3]] },
  // 05/03/2024, 5.3.2024, 05-03-24: day first, as in Spain and most of Europe, unless the second
  // number cannot be a month (03/25/2024), which only a month-first (US) date writes.
  { re: /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g, read: (m) => dayFirst(+m[1], +m[3], fullYear(m[4])) },
  // 5 March 2024, 5th March 2024, 5 de marzo de 2024, 5 marzo del 2024, 5-Mar-2024
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?: de |[ -])${MONTH}(?: del? |[ ,-] ?)(\\d{4})\\b`, 'gi'),
    read: (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]],
  },
  // March 5, 2024, Mar 5 2024, marzo 5, 2024
  {
    re: new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'gi'),
    read: (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]],
  },
];

// A text naming more dates than this is a table or a log; the first ones are enough to route it.
const MAX_DATES = 100;

/** Every calendar date the text writes, as ISO yyyy-mm-dd, in order of appearance, without repeats. */
export function findDates(text: string): string[] {
  const found: { at: number; iso: string }[] = [];
  const taken: [number, number][] = [];
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (found.length >= MAX_DATES) break;
      const start = m.index;
      const end = start + m[0].length;
      // A span already read by an earlier pattern (the ISO one) is not read again as another date.
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const ymd = read(m);
      const iso = ymd === null ? null : isoDate(...ymd);
      if (iso === null) continue;
      taken.push([start, end]);
      found.push({ at: start, iso });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.iso))];
}

function dayFirst(first: number, second: number, year: number): [number, number, number] | null {
  if (second <= 12) return [year, second, first];
  return first <= 12 ? [year, first, second] : null;
}

// Two-digit years: 00-69 are 2000-2069, 70-99 are the 1900s (the POSIX strptime rule).
function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 4 ? year : year < 70 ? 2000 + year : 1900 + year;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over into May: a date that rolled is not a date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
