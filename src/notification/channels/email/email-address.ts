// RFC 5321/5322 addr-spec without the rarely supported parts (quoted local parts, IP literals,
// comments, display names): what an operator types for a mailbox. Dot-atom local part of at most
// 64 octets; a domain of LDH labels (at least two) of at most 63, 253 in all.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why an email subscription's target cannot be used, or null when it is one plain address. */
export function emailAddressProblem(target: string): string | null {
  if (target.length > 254) return 'an email address has at most 254 characters';
  const at = target.lastIndexOf('@');
  if (at <= 0 || at === target.length - 1) return 'target must be one email address, like ops@example.com';
  const local = target.slice(0, at);
  const domain = target.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) {
    return "the part before @ may hold letters, digits and !#$%&'*+/=?^_`{|}~- in dot-separated words (at most 64)";
  }
  const labels = domain.split('.');
  if (domain.length > 253 || labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return 'the domain must be a host name like example.com';
  }
  if (/^\d+$/.test(labels.at(-1)!)) return 'the domain must be a host name, not an IP address';
  return null;
}
