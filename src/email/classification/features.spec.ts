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
  it('writes subject, sender domain, thread tokens, attachment tokens and the trimmed body, one line each', () => {
    expect(featuresOf(INPUT)).toBe(
      [
        'Factura F-2024/17 pendiente',
        '__from_domain_mail_enron_com',
        '__reply_subject',
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
      '__quotes_original\nThanks for the update.',
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

  it('writes each recipient and the recipient counts, before the attachments and the body', () => {
    const input = {
      ...INPUT,
      to_addresses: ['Jane.Doe@enron.com'],
      cc_addresses: ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example'],
    };
    const lines = featuresOf(input).split('\n');
    expect(lines[2]).toBe(
      '__to_jane_doe_enron_com __to_n_1 __cc_a_x_example __cc_b_x_example __cc_c_x_example __cc_d_x_example __cc_n_4_9 __reply_subject',
    );
    expect(lines[3]).toMatch(/^__attachment_ext_pdf/);
    // No recipients is a count of its own; unknown recipients write nothing.
    expect(featuresOf({ ...INPUT, to_addresses: [], cc_addresses: [] }).split('\n')[2]).toBe(
      '__to_n_0 __cc_n_0 __reply_subject',
    );
    expect(featuresOf(INPUT).split('\n')[2]).toBe('__reply_subject');
  });

  it('bounds the recipient tokens: 20 addresses a field, each a word the tokenizer keeps', () => {
    const many = Array.from({ length: 300 }, (_, i) => `person${i}@list.example`);
    const long = `${'x'.repeat(60)}@example.com`;
    const line = featuresOf({ ...INPUT, to_addresses: many, cc_addresses: [long] })
      .split('\n')[2]
      .split(' ');
    expect(line.filter((t) => t.startsWith('__to_person'))).toHaveLength(20);
    expect(line).toContain('__to_n_10');
    const cc = line.find((t) => t.startsWith('__cc_x'))!;
    expect(cc.length).toBeLessThanOrEqual(41);
  });

  it('marks replies and forwards by the subject, the quoted separators and In-Reply-To', () => {
    const bare = { from_address: null, attachment_types: [], attachment_names: [] };
    const tokensOf = (over: { subject: string | null; text: string; in_reply_to?: string | null }) =>
      featuresOf({ ...bare, ...over })
        .split(/\s+/)
        .filter((t) => /^__(?:reply|forward|quotes|in_reply)/.test(t));
    expect(tokensOf({ subject: 'RE; budget', text: 'ok' })).toEqual(['__reply_subject']);
    expect(tokensOf({ subject: 'Fwd: budget', text: 'ok' })).toEqual(['__forward_subject']);
    expect(tokensOf({ subject: 'Regarding budget', text: 'ok' })).toEqual([]);
    expect(
      tokensOf({ subject: 'budget', text: 'fyi\n  -----Original Message-----  \nFrom: Bob', in_reply_to: 'a@b' }),
    ).toEqual(['__quotes_original', '__in_reply_to']);
    const notes = 'fyi\n---------------------- Forwarded by Steven J Kean/NA/Enron on 05/02/2001';
    expect(featuresOf({ ...bare, subject: null, text: notes }).split('\n')[0]).toBe('__forwarded_by');
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
