import { describe, expect, it } from '@jest/globals';
import type { ClassificationInput } from '../email.types.js';
import { MAX_FEATURE_BODY, featuresOf } from './features.js';

const INPUT: ClassificationInput = {
  subject: 'RE: Fwd: Factura F-2024/17 pendiente',
  from_address: 'Ana.Garcia@Mail.Enron.com',
  text: [
    'Hola,',
    '',
    'Adjunto la factura de marzo.',
    '',
    'Saludos,',
    'Ana García',
    'Administración',
    'Tel. +34 600 123 456',
    'AVISO LEGAL: este mensaje es confidencial...',
    '',
    'El lun, 4 mar 2024 a las 10:00, Bob <bob@example.com> escribió:',
    '> ¿Me mandas la factura?',
    '> Gracias',
  ].join('\n'),
  attachment_types: ['application/pdf', 'Image/PNG; name=logo.png', 'application/pdf'],
  attachment_names: ['Factura.PDF', 'logo.png'],
};

describe('featuresOf', () => {
  it('writes subject, sender domain, attachment tokens and the trimmed body, one line each', () => {
    expect(featuresOf(INPUT)).toBe(
      [
        'Factura F-2024/17 pendiente',
        '__from_domain_mail_enron_com',
        '__attachment_ext_pdf __attachment_ext_png __attachment_type_application_pdf __attachment_type_image_png',
        'Hola,',
        '',
        'Adjunto la factura de marzo.',
        '',
        'Saludos,',
        'Ana García',
        'Administración',
      ].join('\n'),
    );
  });

  it('is deterministic and does not depend on the order of the attachments', () => {
    const reordered = {
      ...INPUT,
      attachment_types: [...INPUT.attachment_types].reverse(),
      attachment_names: [...INPUT.attachment_names].reverse(),
    };
    expect(featuresOf(reordered)).toBe(featuresOf(INPUT));
    expect(featuresOf({ ...INPUT })).toBe(featuresOf(INPUT));
    expect(featuresOf({ ...INPUT, from_address: 'jdöe@Mächine.Example' }).split('\n')[1]).toBe(
      '__from_domain_machine_example',
    );
    // Composed and decomposed accents are the same text.
    expect(featuresOf({ ...INPUT, text: 'Administracio\u0301n' })).toBe(
      featuresOf({ ...INPUT, text: 'Administración' }),
    );
  });

  it('drops quoted lines, the earlier message under a reply header, the -- signature and device footers', () => {
    const text = [
      'Thanks for the update.',
      '> quoted line',
      'Sent from my iPhone',
      '',
      '-----Original Message-----',
      'From: Bob',
      'old message',
    ].join('\r\n');
    expect(featuresOf({ subject: null, from_address: null, text, attachment_types: [], attachment_names: [] })).toBe(
      'Thanks for the update.',
    );
    const sig = 'Body text\n-- \nJohn\nVery long signature\n';
    expect(
      featuresOf({ subject: null, from_address: null, text: sig, attachment_types: [], attachment_names: [] }),
    ).toBe('Body text');
    const gmail = 'Sounds good.\n\nOn Mon, Mar 4, 2024 at 10:00 AM Bob <bob@example.com> wrote:\n> earlier';
    expect(
      featuresOf({ subject: null, from_address: null, text: gmail, attachment_types: [], attachment_names: [] }),
    ).toBe('Sounds good.');
  });

  it('keeps forwarded content and omits what is missing', () => {
    const text =
      '---------- Forwarded message ---------\nFrom: Vendor <v@vendor.es>\nSubject: Factura\n\nImporte 100 €';
    expect(
      featuresOf({ subject: '', from_address: 'no-at-sign', text, attachment_types: [], attachment_names: [] }),
    ).toBe('---------- Forwarded message ---------\nFrom: Vendor <v@vendor.es>\nSubject: Factura\n\nImporte 100 €');
    expect(
      featuresOf({ subject: null, from_address: null, text: '', attachment_types: [], attachment_names: [] }),
    ).toBe('');
  });

  it('bounds the body and strips control characters', () => {
    const features = featuresOf({
      subject: 'a\u0000b',
      from_address: null,
      text: 'word '.repeat(100_000),
      attachment_types: [],
      attachment_names: [],
    });
    const [subject, body] = features.split('\n');
    expect(subject).toBe('a b');
    expect(body.length).toBeLessThanOrEqual(MAX_FEATURE_BODY);
  });
});
