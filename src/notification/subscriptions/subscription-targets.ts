import { BlockList, isIP } from 'node:net';
import type { ChannelName } from '../channels/notification-channel.js';

/**
 * The strict checks a subscription's target passes when it is saved, per channel, and the form it
 * is stored in. The webhook check only looks at literal addresses: the dispatcher checks the
 * address a name resolves to when it connects (DNS can change after the save).
 */
export const TARGET_MAX_LENGTH = 2048;

export const E164 = /^\+[1-9]\d{6,14}$/;
export const AUDIENCE = /^[a-z0-9][a-z0-9._:-]{0,199}$/i;
// A plain address: dot-atom local part, host names of letters, digits and inner hyphens, a dot at least.
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_DOMAIN = /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Loopback, private, link-local (cloud metadata), CGNAT, unspecified, multicast and reserved ranges. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** True for an address no public webhook lives at; IPv4-mapped IPv6 is judged as its IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (mapped) {
    const v4 =
      mapped[1] ?? [mapped[2], mapped[3]].flatMap((h) => [parseInt(h, 16) >> 8, parseInt(h, 16) & 255]).join('.');
    return PRIVATE.check(v4, 'ipv4');
  }
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type TargetCheck = { ok: true; target: string } | { ok: false; reason: string };

const refuse = (reason: string): TargetCheck => ({ ok: false, reason });

/** An absolute http(s) URL without userinfo; a literal private address (or localhost) unless allowed. */
export function checkWebhookUrl(raw: string, allowPrivateNetworks: boolean): TargetCheck {
  if (raw.length > TARGET_MAX_LENGTH) return refuse(`a webhook URL is at most ${TARGET_MAX_LENGTH} characters`);
  if (!/^https?:\/\//i.test(raw)) return refuse('a webhook target must be an absolute http:// or https:// URL');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('a webhook target must be an absolute http:// or https:// URL');
  }
  if (url.username || url.password) return refuse('a webhook URL may not carry a user name or password');
  if (!url.hostname) return refuse('a webhook URL needs a host');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (!allowPrivateNetworks && (local || isPrivateAddress(host))) {
    return refuse(
      'the webhook host is a loopback, private, link-local or reserved address (allowed only with NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true)',
    );
  }
  const href = url.href;
  if (href.length > TARGET_MAX_LENGTH) return refuse(`a webhook URL is at most ${TARGET_MAX_LENGTH} characters`);
  return { ok: true, target: href };
}

export function checkEmail(raw: string): TargetCheck {
  const at = raw.lastIndexOf('@');
  const local = raw.slice(0, at);
  const domain = raw.slice(at + 1);
  if (at <= 0 || raw.length > 254 || local.length > 64 || !EMAIL_LOCAL.test(local) || !EMAIL_DOMAIN.test(domain)) {
    return refuse('an email target must be a plain address such as ops@example.com');
  }
  return { ok: true, target: `${local}@${domain.toLowerCase()}` };
}

/** Checks a target for its channel and answers the form to store (URLs normalised, domains lowercased). */
export function checkTarget(channel: ChannelName, raw: unknown, allowPrivateNetworks: boolean): TargetCheck {
  if (typeof raw !== 'string' || raw.length === 0) return refuse('target must be a non-empty string');
  switch (channel) {
    case 'webhook':
      return checkWebhookUrl(raw, allowPrivateNetworks);
    case 'email':
      return checkEmail(raw);
    case 'sms':
      return E164.test(raw)
        ? { ok: true, target: raw }
        : refuse('an sms target must be an E.164 number such as +34600111222');
    case 'in_app':
      return AUDIENCE.test(raw)
        ? { ok: true, target: raw }
        : refuse(
            'an in_app target is an audience name: 1-200 letters, digits, . _ : or -, starting with a letter or digit',
          );
  }
}

/** What an event about a subscription may show of its target: a webhook's scheme and host only (paths can hold tokens). */
export function redactTarget(channel: ChannelName, target: string): string {
  if (channel !== 'webhook') return target;
  try {
    return new URL(target).origin;
  } catch {
    return 'webhook';
  }
}
