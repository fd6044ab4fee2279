import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a mailbox may point. Mail servers commonly sit on private networks (an Exchange on
 * 10.x, a Dovecot on the same host), and only keys with email:write configure mailboxes, so
 * loopback and private ranges are allowed. What no IMAP server lives at is refused: "this
 * network", link-local (169.254.169.254 and fd00:ec2::254 are cloud metadata services),
 * multicast, broadcast and reserved ranges. The check runs on the literal at save time and on
 * every address the name resolves to at connect time (DNS can change after the save).
 */
const REFUSED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['169.254.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  REFUSED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['fe80::', 10],
  ['ff00::', 8],
  ['fd00:ec2::254', 128],
] as const)
  REFUSED.addSubnet(net, bits, 'ipv6');

export const HOST_MAX_LENGTH = 253;

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host as stored: a lower-cased DNS name, or an IP literal without brackets. */
export type HostCheck = { ok: true; host: string } | { ok: false; reason: string };

/** Why an IP address is refused, or null when the watcher may connect to it. */
export function refusedAddress(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    // The WHATWG parser writes every IPv6 form as hex groups: a mapped IPv4 is judged as itself.
    const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
    if (mapped) {
      const v4 = [mapped[1], mapped[2]].flatMap((h) => [parseInt(h, 16) >> 8, parseInt(h, 16) & 255]).join('.');
      return refusedAddress(v4);
    }
    return REFUSED.check(canonical, 'ipv6') ? 'a link-local, multicast, unspecified or metadata address' : null;
  }
  return REFUSED.check(address, 'ipv4') ? 'a link-local, multicast, broadcast or reserved address' : null;
}

/** A host name (RFC 1123) or an IP literal ([v6] accepted), allowed by the policy above. */
export function checkMailboxHost(raw: string): HostCheck {
  const host = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  if (host.length === 0 || host.length > HOST_MAX_LENGTH) {
    return { ok: false, reason: `host must be 1-${HOST_MAX_LENGTH} characters` };
  }
  if (isIP(host) !== 0) {
    const refused = refusedAddress(host);
    return refused ? { ok: false, reason: `host is ${refused}` } : { ok: true, host: host.toLowerCase() };
  }
  const name = host.toLowerCase();
  const labels = name.split('.');
  // A name of digits and dots only is an IPv4 literal written wrongly (010.1, 1.2.3), not a host name.
  if (!labels.every((label) => LABEL.test(label)) || /^[\d.]+$/.test(name)) {
    return { ok: false, reason: 'host must be a host name (letters, digits, hyphens, dots) or an IP address' };
  }
  return { ok: true, host: name };
}

/**
 * The address to connect to: the first one the name resolves to that the policy allows. The
 * connection is made to that address (with the name for TLS), so a name that resolves to
 * somewhere else between the check and the connect cannot move it.
 */
export async function resolveMailboxHost(host: string): Promise<string> {
  if (isIP(host) !== 0) {
    const refused = refusedAddress(host);
    if (refused) throw new HostRefusedError(`${host} is ${refused}`);
    return host;
  }
  const addresses = await lookup(host, { all: true, verbatim: true });
  const allowed = addresses.find((a) => refusedAddress(a.address) === null);
  if (!allowed) throw new HostRefusedError(`${host} resolves only to refused addresses`);
  return allowed.address;
}

export class HostRefusedError extends Error {
  readonly code = 'HOST_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'HostRefusedError';
  }
}
