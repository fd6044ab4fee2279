import { BlockList, isIP, isIPv4 } from 'node:net';

/**
 * Addresses a webhook must not reach unless configured to: anything that is not the public
 * internet (RFC 6890 special-purpose registries). Metadata services (169.254.169.254,
 * fd00:ec2::254) sit in the link-local and unique-local ranges.
 */
const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const BLOCKED_V6: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback, IPv4-compatible (deprecated)
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const blocked = new BlockList();
for (const [network, prefix] of BLOCKED_V4) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_V6) blocked.addSubnet(network, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (zone id stripped), or null when it is not one. */
export function ipv6Bytes(address: string): number[] | null {
  const text = address.replace(/^\[|\]$/g, '').split('%')[0];
  if (isIP(text) !== 6) return null;
  // The WHATWG URL parser writes any IPv6 form (a dotted IPv4 tail included) as hex groups.
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const [left, right] = canonical.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const l = groups(left);
  const r = groups(right);
  const all = right === undefined ? l : [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r];
  return all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIPv4(bytes: number[]): string | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12).join('.');
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) {
    return bytes.slice(12).join('.');
  }
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6).join('.');
  return null;
}

/** Why an address is refused (its range), or null when it is public. Not an IP at all: refused. */
export function blockedReason(address: string): string | null {
  const text = address.replace(/^\[|\]$/g, '').split('%')[0];
  if (isIPv4(text)) return blocked.check(text, 'ipv4') ? 'a private or reserved address' : null;
  const bytes = ipv6Bytes(text);
  if (!bytes) return 'not an IP address';
  const inner = embeddedIPv4(bytes);
  if (inner) return blockedReason(inner);
  return blocked.check(text, 'ipv6') ? 'a private or reserved address' : null;
}

export function isBlockedAddress(address: string): boolean {
  return blockedReason(address) !== null;
}
