import type { ExtractedField, InvoiceExtraction, InvoiceFieldName } from '../ocr.types.js';

/**
 * How invoice2data's expected fields are scored against our extraction: each expected key we
 * extract (below) is one field, compared after normalising both sides. invoice2data's `issuer`
 * is its template's label, sometimes longer than the name printed on the invoice ("Sammy
 * Maystone - For Lines testing"), so a vendor name counts when one name's words begin the other's.
 * Keys we do not extract (lines, partner_street, ...) are not counted.
 */
export const EXPECTED_KEYS: Record<string, InvoiceFieldName> = {
  issuer: 'vendor_name',
  invoice_number: 'invoice_number',
  date: 'issue_date',
  date_due: 'due_date',
  amount: 'total',
  amount_tax: 'tax',
  currency: 'currency',
  iban: 'iban',
  gstin: 'vendor_tax_id',
};

export interface FieldScore {
  field: InvoiceFieldName;
  expected: string | number;
  got: string | number | null;
  right: boolean;
  confidence: number;
  method: string;
}

const words = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['inc', 'ltd', 'pvt', 'llc', 'sl', 'sa', 'co', 'the'].includes(w));

function sameVendor(expected: string, got: string): boolean {
  const [a, b] = [words(expected), words(got)];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length > 0 && short.every((w, i) => long[i] === w);
}

const compactId = (value: unknown) => String(value).toUpperCase().replace(/^#/, '').replace(/[\s#]/g, '');

export function same(field: InvoiceFieldName, expected: unknown, got: unknown): boolean {
  if (got === null || got === undefined) return false;
  switch (field) {
    case 'total':
    case 'tax':
      return Math.abs(Number(expected) - Number(got)) < 0.005;
    case 'vendor_name':
      return sameVendor(String(expected), String(got));
    case 'issue_date':
    case 'due_date':
    case 'currency':
      return String(expected) === String(got);
    default:
      return compactId(expected) === compactId(got);
  }
}

export function scoreInvoice(expected: Record<string, unknown>, extraction: InvoiceExtraction): FieldScore[] {
  const byName = new Map<InvoiceFieldName, ExtractedField>(extraction.fields.map((f) => [f.name, f]));
  return Object.entries(EXPECTED_KEYS)
    .filter(([key]) => expected[key] !== undefined)
    .map(([key, field]) => {
      const got = byName.get(field);
      return {
        field,
        expected: expected[key] as string | number,
        got: got?.value ?? null,
        right: same(field, expected[key], got?.value),
        confidence: got?.confidence ?? 0,
        method: got?.method ?? 'generic',
      };
    });
}

/** The per-invoice table for the test output (and the bench's). */
export function accuracyTable(rows: Array<{ invoice: string; scores: FieldScore[] }>): string {
  const lines = ['| invoice | right | fields | wrong or missing (expected -> got) |', '| --- | --- | --- | --- |'];
  for (const { invoice, scores } of rows) {
    const wrong = scores.filter((s) => !s.right).map((s) => `${s.field}: ${s.expected} -> ${s.got ?? '∅'}`);
    lines.push(`| ${invoice} | ${scores.filter((s) => s.right).length} | ${scores.length} | ${wrong.join('; ')} |`);
  }
  const all = rows.flatMap((r) => r.scores);
  const right = all.filter((s) => s.right).length;
  lines.push(`| **all** | ${right} | ${all.length} | ${((100 * right) / all.length).toFixed(1)} % |`);
  return lines.join('\n');
}
