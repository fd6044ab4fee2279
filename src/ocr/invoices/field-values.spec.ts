import { describe, expect, it } from '@jest/globals';
import { correctedValue } from './field-values.js';

describe("a reviewer's corrected values", () => {
  it.each([
    ['issue_date', '2023-03-20', '2023-03-20'],
    ['total', 279.84, 279.84],
    ['total', '1234.5', 1234.5],
    ['currency', 'EUR', 'EUR'],
    ['iban', 'ES91 2100 0418 4502 0005 1332', 'ES9121000418450200051332'],
    ['vendor_tax_id', 'B-12345674', 'B12345674'],
    ['vendor_tax_id', '29670869006', '29670869006'],
    ['vendor_name', '  Azure Interior ', 'Azure Interior'],
    ['due_date', null, null],
  ])('accepts %s = %j', (name, raw, value) => {
    expect(correctedValue(name, raw)).toEqual({ value });
  });

  it.each([
    ['issue_date', '20/03/2023', 'yyyy-mm-dd'],
    ['issue_date', '2023-02-30', 'yyyy-mm-dd'],
    ['total', '1.234,56', 'amount'],
    ['total', -5, 'amount'],
    ['tax', 1.234, 'two decimals'],
    ['currency', 'euro', 'ISO 4217'],
    ['iban', 'ES92 2100 0418 4502 0005 1332', 'check digits'],
    ['vendor_tax_id', '12345678A', 'es_nif check'],
    ['vendor_name', '', 'text of 1-200'],
    ['vendor_name', 'Acme\u0000', 'text of 1-200'],
    ['total', null, 'must have a value'],
    ['colour', 'red', 'not an invoice field'],
  ])('refuses %s = %j', (name, raw, reason) => {
    const checked = correctedValue(name, raw);
    expect('problem' in checked && checked.problem).toContain(reason);
  });
});
