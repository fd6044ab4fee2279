/**
 * Money as printed to a number: `1.234,56` (Spanish, German), `1,234.56` (English), `1234,56`,
 * `Rs 1939`, `$4.11`. The last separator followed by one or two digits is the decimal one; a lone
 * separator followed by exactly three digits groups thousands. A template may fix the separator.
 */
export type DecimalSeparator = '.' | ',';

/** A number with optional thousands groups and decimals: the amount part of a token. */
const NUMBER = String.raw`-?\d{1,3}(?:[.,']\d{3})+(?:[.,]\d{1,2})?|-?\d+(?:[.,]\d{1,2})?`;
const SYMBOL = String.raw`[$€£₹¥]|\bRs\.?|\bINR\b|\bUSD\b|\bEUR\b|\bGBP\b|\bMXN\b|\bUS\$`;

/**
 * An amount in running text: a number with a currency mark before or after it, or with decimals.
 * Percentages and bare integers (quantities, years, ids) are not amounts.
 */
export const AMOUNT_TOKEN = new RegExp(
  String.raw`(?<before>${SYMBOL})?\s?(?<number>${NUMBER})(?!\s?%|\d|[.,]\d)(?:\s?(?<after>€|EUR\b|USD\b|euros?\b))?`,
  'giu',
);

export interface AmountMatch {
  value: number;
  /** Where the number and its currency mark lie in the searched text. */
  start: number;
  end: number;
  symbol: string | null;
}

export function parseAmount(text: string, separator?: DecimalSeparator): number | null {
  let value = text.replace(/[^\d.,'-]/g, '').replace(/'/g, '');
  const negative = value.startsWith('-');
  value = value.replace(/-/g, '');
  if (!/\d/.test(value)) return null;
  const decimal = separator ?? guessSeparator(value);
  const thousands = decimal === '.' ? ',' : '.';
  value = value.split(thousands).join('');
  if (decimal === ',') value = value.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const number = Math.round(Number(value) * 100) / 100;
  return negative ? -number : number;
}

function guessSeparator(value: string): DecimalSeparator {
  const last = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
  if (last < 0) return '.';
  const separator = value[last] as DecimalSeparator;
  const digitsAfter = value.length - last - 1;
  const both = value.includes('.') && value.includes(',');
  if (both) return separator;
  // "1,234" or "1.234": one separator before three digits groups thousands.
  if (digitsAfter === 3 && value.split(separator).length === 2) return separator === '.' ? ',' : '.';
  if (digitsAfter === 3) return separator === '.' ? ',' : '.';
  return separator;
}

/** Every amount in a text, in order. A match needs a currency mark or decimals to count. */
export function findAmounts(text: string, separator?: DecimalSeparator): AmountMatch[] {
  const found: AmountMatch[] = [];
  for (const match of text.matchAll(AMOUNT_TOKEN)) {
    const groups = match.groups ?? {};
    const symbol = groups.before ?? groups.after ?? null;
    const number = groups.number;
    if (!symbol && !/[.,]\d{1,2}$/.test(number)) continue;
    const value = parseAmount(number, separator);
    if (value === null) continue;
    found.push({ value, start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, symbol });
  }
  return found;
}
