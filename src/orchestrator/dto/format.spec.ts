import { describe, expect, it } from '@jest/globals';
import { isoUtc } from './format.js';

const byDate = (text: string) => new Date(`${text}Z`).toISOString();

describe('isoUtc', () => {
  it('rewrites PostgreSQL timestamp text exactly as parsing it into a Date would', () => {
    const samples = [
      '2026-12-02T06:59:12',
      '2026-12-02T06:59:12.1',
      '2026-12-02T06:59:12.12',
      '2026-12-02T06:59:12.123',
      '2026-12-02T06:59:12.123456',
      '2026-12-02T06:59:12.999999',
      '2026-02-28T23:59:59.000001',
      '1999-12-31T00:00:00.5',
    ];
    // ... and a thousand random instants at microsecond precision.
    for (let i = 0; i < 1_000; i++) {
      const ms = Math.floor(Math.random() * 4_102_444_800_000);
      const micros = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
      samples.push(`${new Date(ms).toISOString().slice(0, 19)}.${micros.replace(/0+$/, '')}`.replace(/\.$/, ''));
    }
    for (const text of samples) expect(isoUtc(text)).toBe(byDate(text));
    expect(isoUtc('2026-12-02 06:59:12.25')).toBe('2026-12-02T06:59:12.250Z');
  });

  it('keeps Dates, offsets and nulls as they were', () => {
    expect(isoUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678Z');
    expect(isoUtc('2026-01-02T03:04:05+02:00')).toBe('2026-01-02T01:04:05.000Z');
    expect(isoUtc('2026-01-02T03:04:05.5Z')).toBe('2026-01-02T03:04:05.500Z');
    expect(isoUtc(null)).toBeNull();
    expect(isoUtc(undefined)).toBeNull();
  });
});
