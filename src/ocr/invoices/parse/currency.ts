/**
 * The currency of an invoice, from ISO codes and words ("US Dollars", "euros") or from the symbol
 * printed with the amounts. `$` alone is read as USD unless the document says Mexico.
 */
const CODES = ['USD', 'EUR', 'GBP', 'INR', 'MXN', 'CAD', 'AUD', 'CHF', 'JPY', 'COP', 'ARS', 'CLP', 'PEN', 'BRL'];

const WORDS: Array<[RegExp, string]> = [
  [/\bUS\s?Dollars?\b|\bU\.S\. dollars?\b|\bUS\$/i, 'USD'],
  [/\beuros?\b/i, 'EUR'],
  [/\b(pounds sterling|libras)\b/i, 'GBP'],
  [/\b(rupees?|rupias?)\b/i, 'INR'],
  [/\bpesos mexicanos\b/i, 'MXN'],
];

const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '₹': 'INR', '¥': 'JPY', rs: 'INR', 'rs.': 'INR' };

export interface CurrencyGuess {
  code: string;
  /** How sure the reading is: a code or word 0.97, an unambiguous symbol 0.92, `$` 0.85. */
  certainty: number;
  evidence: string;
}

export function currencyOfSymbol(symbol: string, text: string): CurrencyGuess | null {
  const key = symbol.trim().toLowerCase();
  if (CODES.includes(key.toUpperCase())) return { code: key.toUpperCase(), certainty: 0.97, evidence: symbol };
  if (key === 'euro' || key === 'euros') return { code: 'EUR', certainty: 0.97, evidence: symbol };
  if (SYMBOLS[key]) return { code: SYMBOLS[key], certainty: 0.92, evidence: symbol };
  if (key === '$' || key === 'us$') {
    const mexican = /\b(M[ée]xico|RFC)\b/u.test(text);
    return { code: mexican ? 'MXN' : 'USD', certainty: 0.85, evidence: symbol };
  }
  return null;
}

/** A currency named outright in the text (an ISO code as a word, or its name). */
export function currencyNamed(text: string): CurrencyGuess | null {
  const code = new RegExp(`\\b(${CODES.join('|')})\\b`).exec(text);
  if (code) return { code: code[1], certainty: 0.97, evidence: code[0] };
  for (const [pattern, iso] of WORDS) {
    const word = pattern.exec(text);
    if (word) return { code: iso, certainty: 0.97, evidence: word[0] };
  }
  return null;
}

export const isCurrencyCode = (value: string) => /^[A-Z]{3}$/.test(value);
