import { compact, isValidSpanishTaxId, spanishTaxIdKind } from './spanish-tax-id.js';

/**
 * Which scheme a tax id follows and whether it checks out: Spanish NIF/CIF/NIE control
 * characters, EU VAT numbers by their country format (the Spanish ones by their checksum too),
 * India's GSTIN checksum. An id of no known scheme is only checked for a plausible shape.
 */
export interface TaxIdVerdict {
  scheme: 'es_nif' | 'es_nie' | 'es_cif' | 'eu_vat' | 'gstin' | 'unknown';
  check: string;
  passed: boolean;
}

// Formats of the VIES service (European Commission), without the country prefix.
const EU_VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12})$/,
};

const GSTIN_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GSTIN: 2-digit state, 10-character PAN, entity number, `Z`, and a base-36 check character. */
export function isValidGstin(value: string): boolean {
  const id = compact(value);
  if (!/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(id)) return false;
  let sum = 0;
  for (let index = 0; index < 14; index++) {
    const product = GSTIN_CHARS.indexOf(id[index]) * (index % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_CHARS[(36 - (sum % 36)) % 36] === id[14];
}

export function isEuVatFormat(value: string): boolean {
  const id = compact(value);
  const format = EU_VAT_FORMATS[id.slice(0, 2)];
  if (!format || !format.test(id.slice(2))) return false;
  return id.startsWith('ES') ? isValidSpanishTaxId(id.slice(2)) : true;
}

export function verifyTaxId(value: string): TaxIdVerdict {
  const id = compact(value);
  const spanish = spanishTaxIdKind(id);
  if (spanish)
    return { scheme: `es_${spanish}`, check: `tax_id_checksum:es_${spanish}`, passed: isValidSpanishTaxId(id) };
  if (/^\d{2}[A-Z]{5}\d{4}/.test(id) && id.length === 15) {
    return { scheme: 'gstin', check: 'tax_id_checksum:gstin', passed: isValidGstin(id) };
  }
  if (/^[A-Z]{2}/.test(id) && EU_VAT_FORMATS[id.slice(0, 2)]) {
    return { scheme: 'eu_vat', check: 'tax_id_format:eu_vat', passed: isEuVatFormat(id) };
  }
  return { scheme: 'unknown', check: 'tax_id_format', passed: /^[A-Z0-9]{6,20}$/.test(id) && /\d{4}/.test(id) };
}

/** Only ids whose checksum or format proves them: worth picking out of running text without a label. */
export function isProvenTaxId(value: string): boolean {
  const verdict = verifyTaxId(value);
  return verdict.passed && verdict.scheme !== 'unknown';
}
