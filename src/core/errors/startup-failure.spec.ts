import { describe, expect, it } from '@jest/globals';
import { explainStartupFailure } from './startup-failure.js';

describe('explainStartupFailure', () => {
  it('names what to fix for the failures an operator meets at boot', () => {
    expect(explainStartupFailure({ code: 'EADDRINUSE', address: '0.0.0.0', port: 3000 })).toBe(
      'Port 3000 on 0.0.0.0 is already in use: stop the other process or set PORT to a free port.',
    );
    expect(explainStartupFailure({ code: 'ECONNREFUSED', address: '10.0.0.5', port: 5432 })).toMatch(
      /^No database answers at 10\.0\.0\.5:5432 \(DATABASE_URL\)/,
    );
    expect(explainStartupFailure({ code: '3D000', message: 'database "fleet" does not exist' })).toMatch(
      /^The database "fleet" does not exist \(DATABASE_URL\): create it/,
    );
    expect(explainStartupFailure({ code: '28P01', message: 'password authentication failed for user "bot"' })).toBe(
      'The database refused the user or password in DATABASE_URL.',
    );
  });

  it('leaves anything else to the generic report', () => {
    expect(explainStartupFailure(new Error('boom'))).toBeNull();
    expect(explainStartupFailure('text')).toBeNull();
    expect(explainStartupFailure(null)).toBeNull();
  });
});
