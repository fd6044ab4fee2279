import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  const key = 'bf_0000ad01_test-admin-key-0123456789abcdefghijklmnop';

  it('keeps the prefix of a key in a query string and drops its secret', () => {
    expect(redactUrl(`/api/v1/notifications/stream?api_key=${key}&audience=admins`)).toBe(
      '/api/v1/notifications/stream?api_key=bf_0000ad01_[redacted]&audience=admins',
    );
  });

  it('finds a percent-encoded key, and several', () => {
    const encoded = 'bf_0000ad01_abc%2Ddef_ghi';
    expect(redactUrl(`/x?a=${encoded}&b=${key}`)).toBe('/x?a=bf_0000ad01_[redacted]&b=bf_0000ad01_[redacted]');
  });

  it('leaves a URL without a key as it is', () => {
    expect(redactUrl('/api/v1/robots/LEGAL_1795310000000_42?limit=5')).toBe(
      '/api/v1/robots/LEGAL_1795310000000_42?limit=5',
    );
  });
});
