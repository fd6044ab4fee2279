import { describe, expect, it } from '@jest/globals';
import { isInfrastructureError } from './infrastructure-error.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isInfrastructureError', () => {
  it.each([
    withCode('ECONNREFUSED'),
    withCode('08006'),
    withCode('57P01'),
    withCode('53300'),
    withCode('57014'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    Object.assign(new Error('query failed'), { driverError: withCode('ECONNRESET') }),
  ])('counts %s', (error) => {
    expect(isInfrastructureError(error)).toBe(true);
  });

  it.each([
    withCode('23505', 'duplicate key'),
    withCode('23503', 'foreign key'),
    withCode('22P02'),
    new Error('boom'),
    'text',
  ])('does not count %s', (error) => {
    expect(isInfrastructureError(error)).toBe(false);
  });
});
