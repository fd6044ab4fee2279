import { describe, expect, it } from '@jest/globals';
import { retryAfterMs, twilioOutcome } from './twilio-outcome.js';

describe('Twilio outcomes', () => {
  it('maps statuses: 2xx sent, 4xx permanent, credentials and 5xx retried', () => {
    expect(twilioOutcome(201, { sid: 'SM1' })).toEqual({ ok: true, status: 201 });
    expect(twilioOutcome(400, { code: 21211, message: 'invalid number' })).toEqual({
      ok: false,
      status: 400,
      permanent: true,
      error: 'SMS gateway 400 (error 21211): invalid number',
    });
    expect(twilioOutcome(404, null)).toMatchObject({ permanent: true, error: 'SMS gateway 404' });
    expect(twilioOutcome(401, { code: 20003, message: 'Authenticate' })).toMatchObject({ permanent: false });
    expect(twilioOutcome(502, 'not json')).toMatchObject({ permanent: false, error: 'SMS gateway 502' });
    expect(twilioOutcome(301, null)).toMatchObject({ ok: false, permanent: false });
  });

  it('honours Retry-After on 429 and 503, in seconds or as a date', () => {
    expect(twilioOutcome(429, {}, '2')).toMatchObject({ ok: false, retryAfterMs: 2_000 });
    expect(twilioOutcome(503, {}, '7')).toMatchObject({ ok: false, retryAfterMs: 7_000 });
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
