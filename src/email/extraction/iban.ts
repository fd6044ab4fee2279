export interface IbanMatch {
  start: number;
  end: number;
  /** Without spaces, upper-case. */
  iban: string;
}

// IBAN lengths of the countries mail here most often names (ISO 13616 registry); another country
// only needs 15-34 characters and the checksum.
const LENGTHS: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  CH: 21,
  CZ: 24,
  DE: 22,
  DK: 18,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  IE: 22,
  IT: 27,
  LU: 20,
  MC: 27,
  MX: 18,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  SE: 24,
  SM: 27,
};

// Country, check digits, then groups of four (spaced or not) and a shorter last one. Each group
// is exactly four characters, so a run is grouped one way only.
const CANDIDATE = /\b([A-Z]{2})(\d{2})((?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b/g;
const MAX_IBANS = 50;

/** IBANs whose ISO 7064 mod-97 checksum holds; a longer run is cut to the country's length first. */
export function findIbans(text: string, limit = MAX_IBANS): IbanMatch[] {
  const found: IbanMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const compact = m[0].replace(/ /g, '');
    const length = LENGTHS[m[1]];
    // "ES91 2100 0418 4502 0005 1332 1234": the account, then something else in groups of four.
    const iban = length !== undefined ? compact.slice(0, length) : compact;
    if ((length !== undefined && iban.length !== length) || !isValidIban(iban)) continue;
    found.push({ start: m.index, end: m.index + spanOf(m[0], iban.length), iban });
    if (found.length >= limit) break;
  }
  return found;
}

/** ISO 7064 MOD 97-10 over the IBAN with its first four characters moved to the end. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    // Letters count as two digits (A = 10 ... Z = 35); the remainder stays small, so no BigInt.
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** How many characters of the written form (with its spaces) hold the first `length` characters. */
function spanOf(written: string, length: number): number {
  let seen = 0;
  for (let i = 0; i < written.length; i++) {
    if (written[i] !== ' ') seen++;
    if (seen === length) return i + 1;
  }
  return written.length;
}
