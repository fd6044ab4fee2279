import { describe, expect, it } from '@jest/globals';
import { checkEmail, checkTarget, checkWebhookUrl, isPrivateAddress, redactTarget } from './subscription-targets.js';

describe('subscription targets', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.255.0.1', true],
    ['100.64.1.1', true],
    ['169.254.169.254', true],
    ['172.31.0.1', true],
    ['192.168.1.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['2001:4860:4860::8888', false],
    ['::ffff:808:808', false],
    ['example.com', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('normalises webhook URLs and refuses private hosts unless allowed', () => {
    expect(checkWebhookUrl('HTTPS://Example.COM:443/a?b=1', false)).toEqual({
      ok: true,
      target: 'https://example.com/a?b=1',
    });
    expect(checkWebhookUrl('http://[::1]:3000/', false).ok).toBe(false);
    expect(checkWebhookUrl('http://[::1]:3000/', true)).toEqual({ ok: true, target: 'http://[::1]:3000/' });
    expect(checkWebhookUrl('http://0x7f.1/', false).ok).toBe(false);
    expect(checkWebhookUrl('javascript:alert(1)', false).ok).toBe(false);
    expect(checkWebhookUrl('https://a.localhost/', false).ok).toBe(false);
  });

  it('takes plain email addresses only', () => {
    expect(checkEmail('A.B+c@Sub.Example.ORG')).toEqual({ ok: true, target: 'A.B+c@sub.example.org' });
    for (const bad of [
      'a@b',
      '.a@b.co',
      'a..b@b.co',
      'a@-b.co',
      'a b@c.co',
      '"a"@b.co',
      `${'a'.repeat(65)}@b.co`,
      'a@b.co\n',
    ])
      expect({ bad, ok: checkEmail(bad).ok }).toEqual({ bad, ok: false });
  });

  it('checks numbers and audiences, and refuses what is not a string', () => {
    expect(checkTarget('sms', '+14155550100', false).ok).toBe(true);
    expect(checkTarget('sms', '+0123456789', false).ok).toBe(false);
    expect(checkTarget('sms', '+1234', false).ok).toBe(false);
    expect(checkTarget('in_app', 'team:legal.ops-1', false).ok).toBe(true);
    expect(checkTarget('in_app', 'a'.repeat(201), false).ok).toBe(false);
    expect(checkTarget('webhook', 42, false).ok).toBe(false);
  });

  it('shows a webhook as scheme and host only', () => {
    expect(redactTarget('webhook', 'https://hooks.example.com:8443/p?token=x')).toBe('https://hooks.example.com:8443');
    expect(redactTarget('email', 'ops@example.com')).toBe('ops@example.com');
  });
});
