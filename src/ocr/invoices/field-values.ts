import { INVOICE_FIELDS, type InvoiceFieldName } from '../ocr.types.js';
import { compactIban, isValidIban } from './checks/iban.js';
import { compact } from './checks/spanish-tax-id.js';
import { verifyTaxId } from './checks/tax-id.js';
import { isoDate } from './parse/dates.js';

/** Fields a reviewer may clear (the invoice has none); the others must have a value. */
const CLEARABLE: ReadonlySet<InvoiceFieldName> = new Set(['due_date', 'tax', 'iban', 'vendor_tax_id']);
const CONTROL = /[\p{Cc}\p{Cf}]/u;

export type CorrectedValue = { value: string | number | null } | { problem: string };

/**
 * A reviewer's corrected value as the field's value, or why it is not one: dates ISO, amounts
 * numbers with at most two decimals, currencies ISO 4217 codes, IBANs and tax ids that pass their
 * checksums (a person can mistype too).
 */
export function correctedValue(name: string, raw: unknown): CorrectedValue {
  if (!(INVOICE_FIELDS as readonly string[]).includes(name)) return { problem: `${name}: not an invoice field` };
  const field = name as InvoiceFieldName;
  if (raw === null) return CLEARABLE.has(field) ? { value: null } : { problem: `${name}: must have a value` };
  switch (field) {
    case 'issue_date':
    case 'due_date': {
      const match = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null;
      return match && isoDate(+match[1], +match[2], +match[3])
        ? { value: raw as string }
        : { problem: `${name}: must be a real date as yyyy-mm-dd` };
    }
    case 'total':
    case 'tax': {
      const value =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^-?\d{1,12}(\.\d{1,2})?$/.test(raw)
            ? Number(raw)
            : NaN;
      return Number.isFinite(value) &&
        value >= 0 &&
        value < 1e12 &&
        Math.abs(Math.round(value * 100) - value * 100) < 1e-6
        ? { value }
        : { problem: `${name}: must be an amount >= 0 with at most two decimals` };
    }
    case 'currency':
      return typeof raw === 'string' && /^[A-Z]{3}$/.test(raw)
        ? { value: raw }
        : { problem: `${name}: must be an ISO 4217 code such as EUR` };
    case 'iban':
      return typeof raw === 'string' && isValidIban(raw)
        ? { value: compactIban(raw) }
        : { problem: `${name}: must be an IBAN whose check digits are right` };
    case 'vendor_tax_id': {
      if (typeof raw !== 'string' || !/^[A-Za-z0-9 .\-/]{4,30}$/.test(raw))
        return { problem: `${name}: must be 4-30 letters and digits` };
      const verdict = verifyTaxId(raw);
      return verdict.scheme === 'unknown' || verdict.passed
        ? { value: compact(raw) }
        : { problem: `${name}: fails its ${verdict.scheme} check` };
    }
    default:
      return typeof raw === 'string' && raw.trim().length > 0 && raw.length <= 200 && !CONTROL.test(raw)
        ? { value: raw.trim() }
        : { problem: `${name}: must be text of 1-200 characters` };
  }
}
