/**
 * Spanish tax identifiers and their control characters (Real Decreto 1065/2007): the NIF of a
 * person (DNI: 8 digits + letter), the NIE of a foreigner (X/Y/Z + 7 digits + letter) and the
 * CIF/NIF of a company (letter + 7 digits + a control digit or letter).
 */
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_LETTERS = 'JABCDEFGHI';

export type SpanishTaxIdKind = 'nif' | 'nie' | 'cif';

export function spanishTaxIdKind(value: string): SpanishTaxIdKind | null {
  const id = compact(value);
  if (/^\d{8}[A-Z]$/.test(id)) return 'nif';
  if (/^[XYZ]\d{7}[A-Z]$/.test(id)) return 'nie';
  if (/^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/.test(id)) return 'cif';
  return null;
}

export function isValidNif(value: string): boolean {
  const id = compact(value);
  if (!/^\d{8}[A-Z]$/.test(id)) return false;
  return DNI_LETTERS[Number(id.slice(0, 8)) % 23] === id[8];
}

export function isValidNie(value: string): boolean {
  const id = compact(value);
  if (!/^[XYZ]\d{7}[A-Z]$/.test(id)) return false;
  const number = Number(`${'XYZ'.indexOf(id[0])}${id.slice(1, 8)}`);
  return DNI_LETTERS[number % 23] === id[8];
}

export function isValidCif(value: string): boolean {
  const id = compact(value);
  if (!/^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/.test(id)) return false;
  const digits = id.slice(1, 8).split('').map(Number);
  let sum = 0;
  digits.forEach((digit, index) => {
    if (index % 2 === 1) sum += digit;
    else sum += Math.floor((digit * 2) / 10) + ((digit * 2) % 10);
  });
  const control = (10 - (sum % 10)) % 10;
  const given = id[8];
  // Entities without capital (P, Q, R, S, N, W) carry a letter; A, B, E, H a digit; the rest either.
  if ('PQRSNW'.includes(id[0])) return given === CIF_LETTERS[control];
  if ('ABEH'.includes(id[0])) return given === String(control);
  return given === String(control) || given === CIF_LETTERS[control];
}

export function isValidSpanishTaxId(value: string): boolean {
  switch (spanishTaxIdKind(value)) {
    case 'nif':
      return isValidNif(value);
    case 'nie':
      return isValidNie(value);
    case 'cif':
      return isValidCif(value);
    default:
      return false;
  }
}

export const compact = (value: string) => value.toUpperCase().replace(/[\s.\-/]/g, '');
