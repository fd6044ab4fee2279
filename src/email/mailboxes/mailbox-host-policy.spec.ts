import { describe, expect, it } from '@jest/globals';
import { checkMailboxHost, refusedAddress, resolveMailboxHost } from './mailbox-host-policy.js';

describe('mailbox host policy', () => {
  it.each([
    ['imap.example.com', 'imap.example.com'],
    ['IMAP.Example.COM', 'imap.example.com'],
    ['localhost', 'localhost'],
    ['mail-01.internal', 'mail-01.internal'],
    ['127.0.0.1', '127.0.0.1'],
    ['10.1.2.3', '10.1.2.3'],
    ['192.168.1.20', '192.168.1.20'],
    ['2001:db8::25', '2001:db8::25'],
    ['[::1]', '::1'],
    ['fd12:3456::1', 'fd12:3456::1'],
  ])('accepts %s (mail servers live on private networks too)', (raw, host) => {
    expect(checkMailboxHost(raw)).toEqual({ ok: true, host });
  });

  it.each([
    ['', /1-253/],
    ['a'.repeat(254), /1-253/],
    ['imap.example.com\r\nA1 LOGOUT', /host name/],
    ['imap example.com', /host name/],
    ['-imap.example.com', /host name/],
    ['imap_.example.com', /host name/],
    ['imap.example.com:993', /host name/],
    ['user@imap.example.com', /host name/],
    ['1.2.3', /host name/],
    ['0.0.0.0', /link-local/],
    ['169.254.169.254', /link-local/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::', /unspecified/],
    ['fe80::1', /link-local/],
    ['fd00:ec2::254', /metadata/],
    ['::ffff:169.254.169.254', /link-local/],
  ])('refuses %j', (raw, reason) => {
    const checked = checkMailboxHost(raw);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.reason).toMatch(reason);
  });

  it('judges IPv4-mapped IPv6 as the IPv4 it carries', () => {
    expect(refusedAddress('::ffff:127.0.0.1')).toBeNull();
    expect(refusedAddress('::ffff:a9fe:a9fe')).not.toBeNull();
  });

  it('resolves to an allowed address, and refuses a literal the policy refuses', async () => {
    expect(await resolveMailboxHost('127.0.0.1')).toBe('127.0.0.1');
    expect(['127.0.0.1', '::1']).toContain(await resolveMailboxHost('localhost'));
    await expect(resolveMailboxHost('169.254.169.254')).rejects.toMatchObject({ code: 'HOST_REFUSED' });
  });
});
