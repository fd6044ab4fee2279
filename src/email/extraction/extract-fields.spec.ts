import { describe, expect, it } from '@jest/globals';
import { extractFields } from './extract-fields.js';
import { isValidIban } from './iban.js';

const SPANISH = `Buenos días,

Les adjunto la Factura nº F2024/0153 correspondiente al Pedido 4500012345, con fecha 05/03/2024
y vencimiento el 5 de abril de 2024.
Importe total: 1.234,56 € (IVA incluido). Gastos de envío: 12,50 €.
Referencia del expediente: Expediente 2024/00123. Caso #789.
Pueden transferir a la cuenta ES91 2100 0418 4502 0005 1332 (no a ES91 2100 0418 4502 0005 1333).
Para cualquier duda, llámenme al 600 123 456 o al +34 91 123 45 67, o escriban a Facturacion@Proveedor.es.

Un saludo,
María José de la Cruz
Departamento de Administración
Tel. 912 345 678
`;

const ENGLISH = `Hi team,

Invoice No. INV-2024-0012 for order #A-7781 (PO 99120) is attached. Total: $1,299.00,
or USD 10.00 shipping, plus 1,234.56 EUR in fees.
The payment is due March 15, 2024 (Mar 5, 2024 was the order date; 2024-03-01 the quote).
Ticket 4567 / Case ID: CS-0098 is open. Call (415) 555-0132 or +44 (0)20 7946 0958,
or write to billing@acme.example.com. Wire to GB82 WEST 1234 5698 7654 32.

Best regards,
John A. Smith
Acme Corp
`;

describe('extractFields', () => {
  it('reads a Spanish invoice email', () => {
    expect(extractFields('Factura F2024/0153 - pedido 4500012345', SPANISH)).toEqual({
      dates: ['2024-03-05', '2024-04-05'],
      amounts: [
        { value: 1234.56, currency: 'EUR', text: '1.234,56 €' },
        { value: 12.5, currency: 'EUR', text: '12,50 €' },
      ],
      invoice_numbers: ['F2024/0153'],
      order_numbers: ['4500012345'],
      case_numbers: ['2024/00123', '789'],
      emails: ['facturacion@proveedor.es'],
      phones: ['+34600123456', '+34911234567', '+34912345678'],
      // The second IBAN's checksum fails: it is not an IBAN.
      ibans: ['ES9121000418450200051332'],
      signature_name: 'María José de la Cruz',
    });
  });

  it('reads an English invoice email', () => {
    expect(extractFields('RE: Invoice INV-2024-0012', ENGLISH)).toEqual({
      dates: ['2024-03-15', '2024-03-05', '2024-03-01'],
      amounts: [
        { value: 1299, currency: 'USD', text: '$1,299.00' },
        { value: 10, currency: 'USD', text: 'USD 10.00' },
        { value: 1234.56, currency: 'EUR', text: '1,234.56 EUR' },
      ],
      invoice_numbers: ['INV-2024-0012'],
      order_numbers: ['A-7781', '99120'],
      case_numbers: ['4567', 'CS-0098'],
      emails: ['billing@acme.example.com'],
      phones: ['+14155550132', '+442079460958'],
      ibans: ['GB82WEST12345698765432'],
      signature_name: 'John A. Smith',
    });
  });

  describe('dates', () => {
    const dates = (text: string) => extractFields(null, text).dates;

    it('reads day-first numeric dates unless the second number cannot be a month', () => {
      expect(dates('el 05/03/2024')).toEqual(['2024-03-05']);
      expect(dates('on 03/25/2024')).toEqual(['2024-03-25']);
      expect(dates('el 5.3.24 y el 31-12-1999')).toEqual(['2024-03-05', '1999-12-31']);
      expect(dates('13/13/2024, 31/04/2024, 30/02/2024, 5/3-2024')).toEqual([]);
    });

    it('reads month names in English and Spanish', () => {
      expect(dates('5 March 2024; 5th Mar. 2024; March 5, 2024; Mar 5 2024')).toEqual(['2024-03-05']);
      expect(dates('5 de marzo de 2024, 1 de enero del 2025, 7 sept 2023, diciembre 24, 2024')).toEqual([
        '2024-03-05',
        '2025-01-01',
        '2023-09-07',
        '2024-12-24',
      ]);
      expect(dates('Date: Tue, 5 Mar 2024 10:15:00 +0100')).toEqual(['2024-03-05']);
    });
  });

  describe('amounts', () => {
    const amounts = (text: string) => extractFields(null, text).amounts.map((a) => [a.value, a.currency]);

    it('turns written amounts into numbers with their ISO 4217 currency', () => {
      expect(amounts('€1.234,56 | 1,234.56 EUR | $99 | USD 10.00 | 12,50 € | £5.5 | US$ 1,000,000 | 1.234 €')).toEqual([
        [1234.56, 'EUR'],
        [1234.56, 'EUR'],
        [99, 'USD'],
        [10, 'USD'],
        [12.5, 'EUR'],
        [5.5, 'GBP'],
        [1000000, 'USD'],
        [1234, 'EUR'],
      ]);
    });

    it('needs a currency, and does not cut a number out of a longer one', () => {
      expect(amounts('1.234,56 and 99 and EURO 5 and 12345678 €')).toEqual([[12345678, 'EUR']]);
    });
  });

  describe('references', () => {
    it('finds invoice, order and case numbers by their keywords, not words after them', () => {
      const fields = extractFields(
        null,
        'Número de factura: 2024-77. Inv No 5566. Invoice for March. In order to ship, nº de pedido 88/2024. ' +
          'Purchase Order: PO-4410. PO Box 12. Incidencia INC-3. In case you wonder.',
      );
      expect(fields.invoice_numbers).toEqual(['2024-77', '5566']);
      expect(fields.order_numbers).toEqual(['88/2024', 'PO-4410']);
      expect(fields.case_numbers).toEqual(['INC-3']);
    });
  });

  describe('phones', () => {
    const phones = (text: string) => extractFields(null, text).phones;

    it('normalises to E.164 where the country is given or known', () => {
      expect(
        phones('+34 600 12 34 56, 0034 600123456, 699 123 456, (212) 555-0199, 212-555-0199, 1-800-555-0199'),
      ).toEqual(['+34600123456', '+34699123456', '+12125550199', '+18005550199']);
    });

    it('keeps other numbers only after a phone label, as digits, and never reads dates or ids as phones', () => {
      expect(phones('Tel.: 020 7946 0958')).toEqual(['02079460958']);
      expect(phones('2024-03-05, 123-45-6789, 12345678Z, 4111 1111 1111 1111, pedido 612345678')).toEqual([]);
    });
  });

  describe('ibans', () => {
    it('validates the ISO 7064 mod-97 checksum', () => {
      expect(isValidIban('ES9121000418450200051332')).toBe(true);
      expect(isValidIban('DE89370400440532013000')).toBe(true);
      expect(isValidIban('ES9121000418450200051333')).toBe(false);
      expect(isValidIban('ES91')).toBe(false);
    });

    it('finds spaced and unspaced IBANs and cuts one at its country length', () => {
      const text =
        'DE89370400440532013000, ES91 2100 0418 4502 0005 1332 1234, FR14 2004 1010 0505 0001 3M02 606 y ES00 0000 0000 0000 0000 0000';
      expect(extractFields(null, text).ibans).toEqual([
        'DE89370400440532013000',
        'ES9121000418450200051332',
        'FR1420041010050500013M02606',
      ]);
    });
  });

  describe('signature name', () => {
    const name = (text: string) => extractFields(null, text).signature_name;

    it('takes 2-4 capitalised words under a closing line', () => {
      expect(name('Hola,\n\nSaludos,\n\nJuan Pérez Gómez\nGerente')).toBe('Juan Pérez Gómez');
      expect(name('See you.\n\nThanks,\n--\nJane van der Berg')).toBe('Jane van der Berg');
      expect(name('Atentamente, Ana Belén Ruiz')).toBe('Ana Belén Ruiz');
      expect(name('Cheers!\nBob')).toBeNull();
      expect(name('Regards,\nthe billing team')).toBeNull();
      expect(name('> Best,\n> Quoted Person\n')).toBeNull();
      expect(name('Just text.')).toBeNull();
    });
  });

  it('scans a bounded prefix of a huge body, in linear time', () => {
    const hostile = `${'1.'.repeat(50_000)}${'a'.repeat(50_000)}@${'b-'.repeat(50_000)}${'Factura '.repeat(20_000)}${'+1 2 3 '.repeat(20_000)}`;
    const started = Date.now();
    // Beyond the 200 KB scanned: never read.
    const fields = extractFields('x', `${hostile}${' '.repeat(1_000_000)}Invoice INV-1`);
    expect(fields.invoice_numbers).toEqual([]);
    // A catastrophic pattern would take minutes here; linear ones take well under a second.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
