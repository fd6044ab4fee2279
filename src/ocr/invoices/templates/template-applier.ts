import { INVOICE_FIELDS, type InvoiceFieldName } from '../../ocr.types.js';
import type { Candidate, Candidates } from '../candidate.js';
import { compactIban } from '../checks/iban.js';
import { compact } from '../checks/spanish-tax-id.js';
import type { DocumentText, Evidence } from '../document-text.js';
import { FIELD_RULES } from '../generic/label-rules.js';
import { scanLabel } from '../generic/label-scan.js';
import type { ReadOptions, ValueKind } from '../generic/value-readers.js';
import { parseAmount } from '../parse/amounts.js';
import { parseDate } from '../parse/dates.js';
import type { SafeRegexRunner } from './safe-regex-runner.js';
import type { InvoiceTemplate, LearnedAnchor } from './template.types.js';

/** A user's pattern is the vendor's own rule; an anchor learned from one correction slightly less. */
const USER_RELIABILITY = 1;
const LEARNED_RELIABILITY = 0.98;

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** A template applies when every one of its keywords appears in the text (case and spacing aside). */
export function templateMatches(template: InvoiceTemplate, doc: DocumentText): boolean {
  const text = squash(doc.text);
  return template.keywords.length > 0 && template.keywords.every((keyword) => text.includes(squash(keyword)));
}

export const kindOf = (name: InvoiceFieldName): ValueKind => FIELD_RULES[name]?.kind ?? 'text';

export const methodOf = (template: InvoiceTemplate) =>
  `${template.source === 'USER' ? 'template' : 'learned'}:${template.vendor_name}`;

/** The fields a template finds; a field whose pattern finds nothing is left to the next rule. */
export function applyTemplate(
  doc: DocumentText,
  template: InvoiceTemplate,
  options: ReadOptions,
  runner: SafeRegexRunner,
): Candidates {
  const method = methodOf(template);
  const read: ReadOptions = {
    dateOrder: template.options.date_format ?? options.dateOrder,
    decimalSeparator: template.options.decimal_separator ?? options.decimalSeparator,
  };
  const found: Candidates = {
    vendor_name: {
      value: template.vendor_name,
      evidence: keywordEvidence(doc, template),
      reliability: USER_RELIABILITY,
      method,
    },
  };
  if (template.options.currency) {
    found.currency = {
      value: template.options.currency,
      evidence: { words: [], page: 1 },
      reliability: USER_RELIABILITY,
      method,
    };
  }
  for (const name of INVOICE_FIELDS) {
    const field = template.fields[name];
    if (field === undefined) continue;
    const candidate =
      typeof field === 'string'
        ? byPattern(doc, name, field, read, runner, method)
        : byAnchor(doc, name, field, read, method);
    if (candidate) found[name] = candidate;
  }
  return found;
}

function byPattern(
  doc: DocumentText,
  name: InvoiceFieldName,
  pattern: string,
  options: ReadOptions,
  runner: SafeRegexRunner,
  method: string,
): Candidate | null {
  // Case-sensitive as in invoice2data: "Total" must not match inside "Subtotal".
  const match = runner.exec(new RegExp(pattern, 'dmu'), doc.text, method);
  if (!match) return null;
  const group = match[1] !== undefined ? 1 : 0;
  const [start, end] = match.indices?.[group] ?? [match.index, match.index + match[0].length];
  const raw = match[group].trim();
  const value = normalise(kindOf(name), raw, options);
  if (value === null) return null;
  const segments = doc.segmentsOf(start, end);
  const evidence: Evidence = {
    words: segments.flatMap((segment) => doc.wordsIn(segment.line, segment.start, segment.end)),
    page: segments[0]?.line.page ?? 1,
  };
  return { value, evidence, reliability: USER_RELIABILITY, method };
}

function byAnchor(
  doc: DocumentText,
  name: InvoiceFieldName,
  anchor: LearnedAnchor,
  options: ReadOptions,
  method: string,
): Candidate | null {
  if (anchor.constant !== undefined) {
    return { value: anchor.constant, evidence: { words: [], page: 1 }, reliability: LEARNED_RELIABILITY, method };
  }
  if (!anchor.label) return null;
  const pattern = new RegExp(anchor.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'), 'giu');
  const shape = anchor.shape ? new RegExp(`^(?:${anchor.shape})$`, 'u') : undefined;
  const rule = { pattern, reliability: LEARNED_RELIABILITY, below: anchor.position === 'below' };
  const found = scanLabel(doc, rule, kindOf(name), { ...options, shape }, method);
  return found[0] ?? null;
}

/** A template's raw match as the field's value: ISO dates, numbers, compact ids. */
export function normalise(kind: ValueKind, raw: string, options: ReadOptions): string | number | null {
  switch (kind) {
    case 'date':
      return parseDate(raw, options.dateOrder)?.iso ?? null;
    case 'amount':
      return parseAmount(raw, options.decimalSeparator);
    case 'iban':
      return compactIban(raw);
    case 'tax_id':
      return compact(raw);
    default:
      return raw.length > 0 ? raw : null;
  }
}

function keywordEvidence(doc: DocumentText, template: InvoiceTemplate): Evidence {
  const keyword = template.keywords[0]?.toLowerCase() ?? '';
  const line = doc.lines.find((l) => l.text.toLowerCase().includes(keyword));
  if (!line) return { words: [], page: 1 };
  const start = line.text.toLowerCase().indexOf(keyword);
  return { words: doc.wordsIn(line, start, start + keyword.length), page: line.page };
}
