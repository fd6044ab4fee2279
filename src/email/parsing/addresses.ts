import type { AddressObject, EmailAddress as ParserAddress } from 'mailparser';
import type { EmailAddress } from '../email.types.js';
import { headerText } from './header-fields.js';

// RFC 5321 4.5.3.1: 64 for the local part, 255 for the domain, so no deliverable address is longer.
const MAX_ADDRESS_LENGTH = 320;
const MAX_NAME_LENGTH = 256;
// A header listing more recipients than this is a mailing-list dump or an attack, not a message to
// route; the rest are dropped with a warning.
export const MAX_RECIPIENTS = 500;

/**
 * The mailboxes of an address header (mailparser's parsed value: an AddressObject, or one per
 * repeated header), groups flattened, addresses lower-cased and checked for a local part and a domain.
 * What does not look like an address is counted in `dropped`, not returned.
 */
export function mailboxesOf(header: unknown): { list: EmailAddress[]; dropped: number } {
  const list: EmailAddress[] = [];
  let dropped = 0;
  const visit = (entry: ParserAddress): void => {
    if (entry.group !== undefined) {
      entry.group.forEach(visit);
      return;
    }
    const address = addressOf(entry.address);
    if (address === null) {
      if ((entry.address ?? '') !== '' || (entry.name ?? '') !== '') dropped++;
      return;
    }
    list.push({ address, name: headerText(entry.name, MAX_NAME_LENGTH) });
  };
  for (const object of Array.isArray(header) ? header : [header]) {
    if (isAddressObject(object)) object.value.forEach(visit);
  }
  return { list, dropped };
}

function isAddressObject(value: unknown): value is AddressObject {
  return typeof value === 'object' && value !== null && Array.isArray((value as AddressObject).value);
}

function addressOf(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  // eslint-disable-next-line no-control-regex -- control characters and spaces never belong in an address
  const address = raw.replace(/[\u0000-\u0020\u007f-\u009f<>]/g, '').toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1 || address.length > MAX_ADDRESS_LENGTH) return null;
  return address;
}
