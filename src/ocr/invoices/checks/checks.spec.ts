import { describe, expect, it } from '@jest/globals';
import { isValidIban } from './iban.js';
import { isValidCif, isValidNie, isValidNif } from './spanish-tax-id.js';
import { isEuVatFormat, isValidGstin, verifyTaxId } from './tax-id.js';

describe('Spanish tax ids', () => {
  it.each(['12345678Z', '00000000T', '12345678-z', '99999999R'])('accepts the NIF %s', (id) => {
    expect(isValidNif(id)).toBe(true);
  });
  it.each(['12345678A', '1234567Z', 'X1234567L'])('refuses the NIF %s', (id) => {
    expect(isValidNif(id)).toBe(false);
  });
  it.each(['X1234567L', 'Y1234567X', 'Z1234567R'])('accepts the NIE %s', (id) => {
    expect(isValidNie(id)).toBe(true);
  });
  it('refuses a NIE with the wrong letter', () => {
    expect(isValidNie('X1234567A')).toBe(false);
  });
  // Real company CIFs: Telefónica (A28015865), a public body with a control letter (Q2826000H).
  it.each(['A28015865', 'B12345674', 'Q2826000H', 'A58818501'])('accepts the CIF %s', (id) => {
    expect(isValidCif(id)).toBe(true);
  });
  it.each(['A28015866', 'Q2826000J', 'B1234567', 'I12345674'])('refuses the CIF %s', (id) => {
    expect(isValidCif(id)).toBe(false);
  });
  it('knows an A-company must carry a digit and a P-entity a letter', () => {
    expect(isValidCif('A2801586E')).toBe(false);
    expect(isValidCif('P2800000C')).toBe(false);
  });
});

describe('EU VAT and GSTIN', () => {
  it('checks the country format, and a Spanish VAT number by its checksum too', () => {
    expect(isEuVatFormat('DE123456789')).toBe(true);
    expect(isEuVatFormat('FR40303265045')).toBe(true);
    expect(isEuVatFormat('DE12345678')).toBe(false);
    expect(isEuVatFormat('ESA28015865')).toBe(true);
    expect(isEuVatFormat('ESA28015866')).toBe(false);
    expect(isEuVatFormat('US123456789')).toBe(false);
  });

  it("checks a GSTIN's base-36 check character (OYO's, printed on its receipt)", () => {
    expect(isValidGstin('06AABCO6063D1ZQ')).toBe(true);
    expect(isValidGstin('27AAPFU0939F1ZV')).toBe(true);
    expect(isValidGstin('06AABCO6063D1ZR')).toBe(false);
    expect(isValidGstin('06AABCO6063D1Q')).toBe(false);
  });

  it('names the scheme a tax id follows and the check it passed or failed', () => {
    expect(verifyTaxId('B-12345674')).toEqual({ scheme: 'es_cif', check: 'tax_id_checksum:es_cif', passed: true });
    expect(verifyTaxId('12345678A')).toEqual({ scheme: 'es_nif', check: 'tax_id_checksum:es_nif', passed: false });
    expect(verifyTaxId('06AABCO6063D1ZQ')).toMatchObject({ scheme: 'gstin', passed: true });
    expect(verifyTaxId('DE123456789')).toMatchObject({ scheme: 'eu_vat', passed: true });
    expect(verifyTaxId('29670869006')).toEqual({ scheme: 'unknown', check: 'tax_id_format', passed: true });
  });
});

describe('IBAN', () => {
  it.each([
    'ES91 2100 0418 4502 0005 1332',
    'GB82WEST12345698765432',
    'DE89370400440532013000',
    'fr1420041010050500013m02606',
  ])('accepts %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });
  it.each([
    ['a wrong check digit', 'ES92 2100 0418 4502 0005 1332'],
    ['a wrong length for the country', 'ES91 2100 0418 4502 0005 133'],
    ['a country without IBANs', 'US1234567890'],
    ['letters in place of check digits', 'ESXX21000418450200051332'],
  ])('refuses %s', (_why, iban) => {
    expect(isValidIban(iban)).toBe(false);
  });
});
