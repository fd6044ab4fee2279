import { describe, expect, it } from '@jest/globals';
import { E164, fitSms, segmentCount, smsEncoding } from './sms-segments.js';

describe('SMS segment math', () => {
  it('tells GSM-7 from UCS-2', () => {
    expect(smsEncoding('Robot LEGAL_1 completed in 12.8 s @ £5 ñÑüÜäé')).toBe('GSM-7');
    expect(smsEncoding('price {x} [y] ~ | ^ \\ €')).toBe('GSM-7');
    expect(smsEncoding('Módulo')).toBe('UCS-2'); // ó is not in GSM 03.38 (é and ñ are)
    expect(smsEncoding('ok 👍')).toBe('UCS-2');
  });

  it('counts 160 / 153 septets per segment, extension characters as two', () => {
    expect(segmentCount('a'.repeat(160))).toBe(1);
    expect(segmentCount('a'.repeat(161))).toBe(2);
    expect(segmentCount('a'.repeat(306))).toBe(2);
    expect(segmentCount('a'.repeat(307))).toBe(3);
    expect(segmentCount('€'.repeat(80))).toBe(1); // 160 septets
    expect(segmentCount('€'.repeat(81))).toBe(2);
    // An escape pair never straddles segments: 152 + a 2-septet € goes whole to segment 2.
    expect(segmentCount(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toBe(3);
    expect(segmentCount(`${'a'.repeat(151)}€${'a'.repeat(153)}`)).toBe(2);
  });

  it('counts 70 / 67 UTF-16 units for UCS-2, a surrogate pair as two that stay together', () => {
    expect(segmentCount('ó'.repeat(70))).toBe(1);
    expect(segmentCount('ó'.repeat(71))).toBe(2);
    expect(segmentCount('👍'.repeat(35))).toBe(1); // 70 units
    expect(segmentCount('👍'.repeat(36))).toBe(2);
    expect(segmentCount(`${'ó'.repeat(66)}👍${'ó'.repeat(66)}`)).toBe(3);
  });

  it('leaves a message within the limit as it is (typographic spaces made plain)', () => {
    expect(fitSms('Robot at 40\u00a0%', 3)).toEqual({
      text: 'Robot at 40 %',
      encoding: 'GSM-7',
      segments: 1,
      cut: false,
    });
  });

  it('cuts GSM-7 to 3 × 153 septets, ending with ...', () => {
    const fitted = fitSms(`${'word '.repeat(200)}`, 3);
    expect(fitted).toMatchObject({ encoding: 'GSM-7', segments: 3, cut: true });
    expect(fitted.text.endsWith('word...')).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(459);
    // 76 two-septet euros fill 152 of a segment's 153; the last segment makes room for the dots.
    expect(fitSms('€'.repeat(400), 3).text).toBe(`${'€'.repeat(76 + 76 + 75)}...`);
  });

  it('cuts UCS-2 to 3 × 67 units, never inside a surrogate pair or an emoji sequence', () => {
    const fitted = fitSms('😀'.repeat(150), 3);
    expect(fitted).toMatchObject({ encoding: 'UCS-2', segments: 3, cut: true });
    // 33 emoji per segment (66 units: the 67th cannot hold half a pair); the last one's 67th holds the ….
    expect(fitted.text).toBe(`${'😀'.repeat(99)}…`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(fitted.text)).toBe(false);
    const family = '👨‍👩‍👧'; // 8 units, one grapheme
    const cut = fitSms(`${'x'.repeat(195)}${family}é`, 3);
    expect(cut.text).toBe(`${'x'.repeat(195)}…`);
    const accented = fitSms(`${'ó'.repeat(199)}e\u0301${'ó'.repeat(10)}`, 3);
    expect(accented.text).toBe(`${'ó'.repeat(199)}…`); // e + combining accent stay together or go together
  });

  it('caps a one-segment limit at 160 / 70', () => {
    expect(fitSms('a'.repeat(200), 1)).toEqual({
      text: `${'a'.repeat(157)}...`,
      encoding: 'GSM-7',
      segments: 1,
      cut: true,
    });
    expect(fitSms('ó'.repeat(100), 1).text).toBe(`${'ó'.repeat(69)}…`);
  });

  it('accepts E.164 numbers only', () => {
    expect(E164.test('+34600111222')).toBe(true);
    expect(E164.test('+14155550100')).toBe(true);
    for (const bad of ['34600111222', '+0600111222', '+34 600 111 222', '+3460011122233344', '+12'])
      expect({ bad, ok: E164.test(bad) }).toEqual({ bad, ok: false });
  });
});
