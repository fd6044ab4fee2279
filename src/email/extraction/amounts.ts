import type { ExtractedAmount } from '../email.types.js';

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', US$: 'USD', '£': 'GBP', '¥': 'JPY' };
// ISO 4217 codes that turn up in Spanish and English business mail.
const CODES = 'EUR USD GBP CHF JPY CAD AUD MXN ARS CLP COP PEN BRL SEK NOK DKK PLN CNY'.split(' ');

// 1.234,56 / 1,234.56 / 1 234,56 (no-break or thin space) / 1234.5 / 99. The thousands groups
// start with a separator the digits cannot match, so a run of digits is read one way only.
const NUMBER = String.raw`\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const CURRENCY = String.raw`US\$|[€$£¥]|\b(?:${CODES.join('|')})\b`;
// The number is not the tail of a longer one (lookbehind) nor the head of one (lookahead).
const AMOUNT = new RegExp(String.raw`(${CURRENCY}) ?(${NUMBER})(?![.,]?\d)|(?<![\d.,])(${NUMBER}) ?(${CURRENCY})`, 'g');
const MAX_AMOUNTS = 100;

/** Money amounts with a currency sign or code before or after them, as numbers. */
export function findAmounts(text: string): ExtractedAmount[] {
  const amounts: ExtractedAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const currencyText = m[1] ?? m[4];
    const value = numberOf(m[2] ?? m[3]);
    if (value === null) continue;
    amounts.push({ value, currency: SYMBOLS[currencyText] ?? currencyText.toUpperCase(), text: m[0].trim() });
    if (amounts.length >= MAX_AMOUNTS) break;
  }
  return amounts;
}

/**
 * A written amount to a number. With both `.` and `,` the last one is the decimal mark; with one
 * of them, it is decimal only when one or two digits follow it once (`12,50`, `99.9`) and a
 * thousands separator otherwise (`1.234`, `1,234,567`): NUMBER allows at most two decimals, so
 * `1.234` can only have matched as thousands.
 */
function numberOf(written: string): number | null {
  const compact = written.replace(/[\u00a0\u202f]/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  const decimals = decimalAt < 0 ? 0 : compact.length - decimalAt - 1;
  const bothMarks = lastDot >= 0 && lastComma >= 0;
  const isDecimal = decimalAt >= 0 && decimals <= 2 && (bothMarks || countOf(compact, compact[decimalAt]) === 1);
  const integer = (isDecimal ? compact.slice(0, decimalAt) : compact).replace(/[.,]/g, '');
  const value = Number(isDecimal ? `${integer}.${compact.slice(decimalAt + 1)}` : integer);
  return Number.isFinite(value) ? value : null;
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}
