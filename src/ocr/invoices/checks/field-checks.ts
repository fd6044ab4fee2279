import { type ExtractedField, INVOICE_FIELDS, type InvoiceFieldName } from '../../ocr.types.js';
import type { Candidate, Candidates } from '../candidate.js';
import { boxOf, confidenceOf } from '../document-text.js';
import { isValidIban } from './iban.js';
import { verifyTaxId } from './tax-id.js';

type Check = ExtractedField['checks'][number];

/**
 * What a failed check does to a field's confidence. A failed checksum or an inconsistent total
 * halves it (the value is probably misread); a date whose day and month could swap costs less (it
 * is probably right, by the document's cues).
 */
const FAILED_FACTOR: Record<string, number> = { date_unambiguous: 0.85 };
const DEFAULT_FAILED_FACTOR = 0.5;
// Checks that prove every character right: a passed one lifts the rule's reliability to 1.
const PROVING = /^(iban_checksum|tax_id_checksum)/;
const CENT = 0.015;

export interface CheckContext {
  subtotals: number[];
  /** `now`, for the plausibility of dates. */
  today: Date;
}

/**
 * Judges each field and gives it its confidence: the OCR confidence of its words, times how
 * reliable the rule that found it is, times a factor per failed check. Every field of
 * INVOICE_FIELDS is answered; one not found has a null value and confidence 0.
 */
export function judgeFields(found: Candidates, context: CheckContext): ExtractedField[] {
  return INVOICE_FIELDS.map((name) => {
    const candidate = found[name];
    if (!candidate) return { name, value: null, confidence: 0, checks: [], method: 'generic' };
    const checks = checksFor(name, candidate, found, context);
    let reliability = candidate.reliability;
    if (checks.some((c) => c.passed && PROVING.test(c.check))) reliability = 1;
    let confidence = (candidate.evidence.words.length ? confidenceOf(candidate.evidence.words) : 1) * reliability;
    for (const check of checks) if (!check.passed) confidence *= FAILED_FACTOR[check.check] ?? DEFAULT_FAILED_FACTOR;
    const box = boxOf(candidate.evidence.words);
    return {
      name,
      value: candidate.value,
      confidence: Math.round(Math.min(1, confidence) * 1000) / 1000,
      checks,
      ...(candidate.evidence.words.length > 0 && { page: candidate.evidence.page }),
      ...(box && { box }),
      method: candidate.method,
    };
  });
}

function checksFor(name: InvoiceFieldName, candidate: Candidate, found: Candidates, context: CheckContext): Check[] {
  const value = candidate.value;
  switch (name) {
    case 'issue_date':
    case 'due_date':
      return dateChecks(String(value), candidate, found, context);
    case 'total':
    case 'tax':
      return amountChecks(found, context);
    case 'vendor_tax_id': {
      const verdict = verifyTaxId(String(value));
      return [{ check: verdict.check, passed: verdict.passed }];
    }
    case 'iban':
      return [{ check: 'iban_checksum', passed: isValidIban(String(value)) }];
    case 'currency':
      return [{ check: 'currency_code', passed: /^[A-Z]{3}$/.test(String(value)) }];
    default:
      return [{ check: 'not_empty', passed: String(value).trim().length > 0 }];
  }
}

function dateChecks(iso: string, candidate: Candidate, found: Candidates, context: CheckContext): Check[] {
  const time = Date.parse(`${iso}T00:00:00Z`);
  const checks: Check[] = [
    { check: 'date_valid', passed: !Number.isNaN(time) },
    // An invoice from the future (beyond a year's payment terms) or before 1990 is a misread.
    {
      check: 'date_plausible',
      passed: time >= Date.UTC(1990, 0, 1) && time <= context.today.getTime() + 400 * 86_400_000,
    },
  ];
  if (candidate.ambiguousDate) checks.push({ check: 'date_unambiguous', passed: false });
  const issue = found.issue_date?.value;
  const due = found.due_date?.value;
  if (issue && due) checks.push({ check: 'due_not_before_issue', passed: String(due) >= String(issue) });
  return checks;
}

/** Total and tax are judged together: subtotal + tax = total when a subtotal is printed, else a plausible tax share. */
function amountChecks(found: Candidates, context: CheckContext): Check[] {
  const total = found.total ? Number(found.total.value) : undefined;
  const tax = found.tax ? Number(found.tax.value) : undefined;
  const checks: Check[] = [];
  if (total !== undefined) checks.push({ check: 'total_positive', passed: total > 0 });
  if (total !== undefined && tax !== undefined) {
    checks.push({ check: 'tax_ratio_plausible', passed: tax >= 0 && tax <= total * 0.35 });
  }
  if (total !== undefined && context.subtotals.length > 0) {
    const withTax = context.subtotals.some((sub) => Math.abs(sub + (tax ?? 0) - total) <= CENT);
    checks.push({ check: 'total_consistent', passed: withTax });
  }
  return checks;
}
