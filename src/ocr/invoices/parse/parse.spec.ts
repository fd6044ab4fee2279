import { describe, expect, it } from '@jest/globals';
import { findAmounts, parseAmount } from './amounts.js';
import { currencyNamed, currencyOfSymbol } from './currency.js';
import { dateOrderOf, parseDate } from './dates.js';

describe('dates', () => {
  it.each([
    ['2014-08-03', '2014-08-03'],
    ['August 3 , 2014', '2014-08-03'],
    ['Jan 31, 2022', '2022-01-31'],
    ['3 de agosto de 2014', '2014-08-03'],
    ['15 enero 2024', '2024-01-15'],
    ['03-Aug-2014', '2014-08-03'],
    ['20-10-2015', '2015-10-20'],
    ['31/12/2017', '2017-12-31'],
    ['03/20/2023', '2023-03-20'],
    ['1.2.24', '2024-02-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)?.iso).toBe(iso);
  });

  it('settles a date whose day and month could swap by the order given, and says it was ambiguous', () => {
    expect(parseDate('04/05/2023', 'dmy')).toEqual({ iso: '2023-05-04', ambiguous: true });
    expect(parseDate('04/05/2023', 'mdy')).toEqual({ iso: '2023-04-05', ambiguous: true });
    expect(parseDate('04/04/2023', 'mdy')).toEqual({ iso: '2023-04-04', ambiguous: false });
  });

  it.each(['31/02/2020', '2023-13-01', '32 de enero de 2020', 'yesterday', '12/12'])('refuses %s', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it("takes the order from the document's own cues", () => {
    expect(dateOrderOf('Invoice Date: 03/20/2023 Due: 04/04/2023').order).toBe('mdy');
    expect(dateOrderOf('Fecha 20/03/2023').order).toBe('dmy');
    expect(dateOrderOf('Factura nº 12, fecha 04/05/2023')).toEqual({ order: 'dmy', cue: 'Spanish labels' });
    expect(dateOrderOf('All charges are in US Dollars. 04/05/2023')).toEqual({ order: 'mdy', cue: 'US document' });
    expect(dateOrderOf('04/05/2023').order).toBe('dmy');
  });
});

describe('amounts', () => {
  it.each([
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1234,56', 1234.56],
    ['1.234', 1234],
    ['319.00', 319],
    ['12,5', 12.5],
    ['-40.00', -40],
    ["1'234.50", 1234.5],
  ])('reads %s as %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it('follows a decimal separator a template fixes', () => {
    expect(parseAmount('1.234', ',')).toBe(1234);
    expect(parseAmount('1.234', '.')).toBe(1.23);
  });

  it('finds money in running text, not percentages, quantities or years', () => {
    expect(findAmounts('Tax 15% on $ 112.90 $ 16.94').map((a) => a.value)).toEqual([112.9, 16.94]);
    expect(findAmounts('TOTAL AMOUNT DUE ON August 3 , 2014 $4.11').map((a) => [a.value, a.symbol])).toEqual([
      [4.11, '$'],
    ]);
    expect(findAmounts('Grand Total Rs 1939').map((a) => [a.value, a.symbol])).toEqual([[1939, 'Rs']]);
    expect(findAmounts('Total 1 278.61 40.39 319.00').map((a) => a.value)).toEqual([278.61, 40.39, 319]);
    expect(findAmounts('Importe total 1.234,56 €').map((a) => [a.value, a.symbol])).toEqual([[1234.56, '€']]);
  });
});

describe('currency', () => {
  it('reads codes and names before symbols', () => {
    expect(currencyNamed('All charges and prices are in US Dollars')?.code).toBe('USD');
    expect(currencyNamed('Importe en EUR')?.code).toBe('EUR');
    expect(currencyNamed('no currency here')).toBeNull();
  });

  it('reads symbols, with $ as USD unless the document is Mexican', () => {
    expect(currencyOfSymbol('€', '')).toMatchObject({ code: 'EUR', certainty: 0.92 });
    expect(currencyOfSymbol('Rs', '')?.code).toBe('INR');
    expect(currencyOfSymbol('$', 'Seattle, WA')).toMatchObject({ code: 'USD', certainty: 0.85 });
    expect(currencyOfSymbol('$', 'Ciudad de México, RFC XAXX010101000')?.code).toBe('MXN');
  });
});
