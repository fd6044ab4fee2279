import { describe, expect, it } from '@jest/globals';
import { luhn } from './national-ids.js';
import { detectPii } from './pii.js';

describe('detectPii', () => {
  it('redacts a Spanish customer email: IBAN, DNI, NIE, phone and address', () => {
    const report = detectPii(
      'Hola, soy Lucía (DNI 12345678Z, NIE de mi socio X-1234567-L). Cuenta: ES91 2100 0418 4502 0005 1332.\n' +
        'Mi móvil es el 612 34 56 78 y mi correo lucia.gomez@correo.es.',
    );
    expect(report).toEqual({
      contains_sensitive_data: true,
      tags: ['iban', 'national_id_es', 'email', 'phone'],
      redacted:
        'Hola, soy Lucía (DNI [REDACTED:national_id_es], NIE de mi socio [REDACTED:national_id_es]). Cuenta: [REDACTED:iban].\n' +
        'Mi móvil es el [REDACTED:phone] y mi correo [REDACTED:email].',
    });
  });

  it('redacts an English one: card, SSN, NINO, IBAN, phone', () => {
    const report = detectPii(
      'Card 4111-1111-1111-1111 exp 09/27, SSN 123-45-6789, NI AB 12 34 56 C, IBAN GB82WEST12345698765432, call +1 (415) 555-0132.',
    );
    expect(report.tags).toEqual(['iban', 'credit_card', 'national_id_us', 'national_id_other', 'phone']);
    expect(report.redacted).toBe(
      'Card [REDACTED:credit_card] exp 09/27, SSN [REDACTED:national_id_us], NI [REDACTED:national_id_other], IBAN [REDACTED:iban], call [REDACTED:phone].',
    );
  });

  it('does not tag numbers whose checksum or allocation rule fails', () => {
    const text = [
      'IBAN ES91 2100 0418 4502 0005 1333',
      'DNI 12345678A',
      'NIE X1234567A',
      'card 4111 1111 1111 1112',
      'card 1234 5678 9012 3452',
      'SSN 666-12-3456, 000-12-3456, 912-34-5678, 123-00-4567',
      'NINO GB 12 34 56 A, QQ 12 34 56 C',
    ].join('\n');
    expect(detectPii(text)).toEqual({ contains_sensitive_data: false, tags: [], redacted: text });
  });

  it('counts contact details as personal data but not as sensitive', () => {
    expect(detectPii('Escríbeme a ana@example.es o llama al 600123456')).toEqual({
      contains_sensitive_data: false,
      tags: ['email', 'phone'],
      redacted: 'Escríbeme a [REDACTED:email] o llama al [REDACTED:phone]',
    });
  });

  it('redacts every finding, not only the first hundred, and never returns text it did not scan', () => {
    const many = Array.from({ length: 300 }, (_, i) => `user${i}@example.com`).join(' ');
    expect(detectPii(many).redacted).not.toContain('@');
    const huge = detectPii(`${'x'.repeat(1_000_000)} 12345678Z`);
    expect(huge.redacted).not.toContain('12345678Z');
    expect(huge.redacted.endsWith('[REDACTED:truncated]')).toBe(true);
  });

  it('checks Luhn on 13-19 digits', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('5500000000000004')).toBe(true);
    expect(luhn('378282246310005')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(luhn('411111111111')).toBe(false);
  });
});
