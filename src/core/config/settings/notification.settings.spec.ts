import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, validateEnvironment } from '../environment.js';

describe('notification settings', () => {
  it('defaults to the Standard Webhooks schedule, 5 days, the admins audience', () => {
    const env = validateEnvironment({});
    expect(env.NOTIFY_RETRY_SCHEDULE).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(env).toMatchObject({
      NOTIFY_ENABLED: true,
      NOTIFY_DISABLE_AFTER_HOURS: 120,
      NOTIFY_ADMIN_AUDIENCE: 'admins',
      NOTIFY_SUBSCRIPTION_CACHE_MS: 1000,
      NOTIFY_SECRET_ROTATION_OVERLAP_HOURS: 24,
      NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: false,
    });
    expect(env.NOTIFY_ADMIN_EMAIL).toBeUndefined();
  });

  it('reads a comma-separated schedule', () => {
    expect(validateEnvironment({ NOTIFY_RETRY_SCHEDULE: '0, 1,2' }).NOTIFY_RETRY_SCHEDULE).toEqual([0, 1, 2]);
  });

  it.each([
    ['NOTIFY_RETRY_SCHEDULE', '0,5,soon'],
    ['NOTIFY_RETRY_SCHEDULE', '604801'],
    ['NOTIFY_RETRY_SCHEDULE', Array(21).fill('1').join(',')],
    ['NOTIFY_ADMIN_EMAIL', 'not-an-address'],
    ['NOTIFY_ADMIN_AUDIENCE', 'the admins'],
    ['NOTIFY_ENABLED', 'maybe'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(ConfigValidationError);
    expect(() => validateEnvironment({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
