import type { ExtractedFields } from '../email.types.js';
import { findAmounts } from './amounts.js';
import { findDates } from './dates.js';
import { findEmails } from './email-addresses.js';
import { findIbans } from './iban.js';
import { findPhones } from './phones.js';
import { findReferences } from './references.js';
import { signatureName } from './signature.js';

// How much of an email the rules read (characters): what matters is at the top, and every pattern
// is linear, so this bounds the work of a 25 MB body to that of a long letter.
export const MAX_SCANNED_CHARS = 200_000;

/**
 * What the rules find in a subject and a body, normalised: ISO dates, amounts as numbers with their
 * ISO 4217 currency, invoice/order/case numbers (upper-cased), lower-cased email addresses, E.164
 * phones, checksum-valid IBANs, and the name under the first signature. Pure and deterministic.
 */
export function extractFields(subject: string | null, text: string): ExtractedFields {
  const body = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
  const all = subject === null || subject === '' ? body : `${subject.slice(0, 1000)}\n${body}`;
  const ibans = findIbans(all);
  const references = findReferences(all);
  const referenceDigits = new Set(
    [...references.invoice_numbers, ...references.order_numbers, ...references.case_numbers].map(digitsOf),
  );
  // A run of digits inside an IBAN, or one that is an invoice or order number, is not a phone.
  const phones = findPhones(all).filter(
    (p) =>
      !ibans.some((iban) => p.start < iban.end && p.end > iban.start) &&
      !referenceDigits.has(digitsOf(all.slice(p.start, p.end))),
  );
  return {
    dates: findDates(all),
    amounts: findAmounts(all),
    ...references,
    emails: unique(findEmails(all).map((e) => e.email)),
    phones: unique(phones.map((p) => p.phone)),
    ibans: unique(ibans.map((i) => i.iban)),
    signature_name: signatureName(body),
  };
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
