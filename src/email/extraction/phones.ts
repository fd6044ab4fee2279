export interface PhoneMatch {
  start: number;
  end: number;
  /** E.164 (`+34600123456`) when the country is given or known, else the digits as written. */
  phone: string;
}

// A phone number as written: an optional `+CC` or `00CC`, an optional `(area)`, then digit groups
// joined by one space, dot or dash. Every repeated group starts with a separator, which a digit
// cannot match, so a run of digits is split one way only: no backtracking blow-up.
const CANDIDATE = /(?<![\w+])(\+\d{1,3}[ .-]?)?(\(\d{1,4}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,12}){0,6}(?![\w])/g;
// Words that say the number next to them is a phone, in English and Spanish.
const PHONE_LABEL = /(?:tel|tlf|tfno|phone|mobile|m[óo]vil|cell|fax|whatsapp)[^\n\d]{0,12}$/i;
const MAX_PHONES = 50;
// How Spanish numbers are grouped: 600123456, 600 123 456, 600 12 34 56, 91 123 45 67. A US
// Social Security number (123-45-6789) is nine digits too, grouped otherwise.
const SPANISH_GROUPING =
  /^(?:\d{9}|\d{3}([ .-])\d{3}\1\d{3}|\d{3}([ .-])\d{2}\2\d{2}\2\d{2}|\d{2}([ .-])\d{3}\3\d{2}\3\d{2})$/;

/**
 * Phone numbers, normalised: `+CC ...` and `00CC ...` as given; Spanish numbers (nine digits
 * starting 6, 7, 8 or 9) as +34; US numbers written `(xxx) xxx-xxxx` or `xxx-xxx-xxxx` as +1. Any
 * other run of 7-15 digits counts only after a label such as "Tel:" or "Móvil", and is kept as its
 * digits: an order number is not a phone because it is long.
 */
export function findPhones(text: string, limit = MAX_PHONES): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const phone = normalise(m[0], text.slice(Math.max(0, m.index - 24), m.index));
    if (phone !== null) found.push({ start: m.index, end: m.index + m[0].length, phone });
    if (found.length >= limit) break;
  }
  return found;
}

function normalise(written: string, before: string): string | null {
  // "+44 (0)20 ...": the trunk 0 is not dialled from abroad.
  const digits = written.replace(/^(\+\d{1,3})[ .-]?\(0\)/, '$1').replace(/\D/g, '');
  if (written.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  if (digits.startsWith('00') && digits.length >= 10 && digits.length <= 17) return `+${digits.slice(2)}`;
  if (/^[6789]/.test(digits) && SPANISH_GROUPING.test(written)) return `+34${digits}`;
  if (/^(?:\(\d{3}\) ?|\d{3}[-.])\d{3}[-.]\d{4}$/.test(written) && /^[2-9]/.test(digits)) return `+1${digits}`;
  if (/^1[-.]\d{3}[-.]\d{3}[-.]\d{4}$/.test(written)) return `+${digits}`;
  if (digits.length >= 7 && digits.length <= 15 && PHONE_LABEL.test(before)) return digits;
  return null;
}
