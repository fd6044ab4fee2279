import type { InvoiceFieldName, OcrPage, OcrResult } from '../../ocr.types.js';
import { compactIban } from '../checks/iban.js';
import { compact } from '../checks/spanish-tax-id.js';
import { DocumentText, type TextLine } from '../document-text.js';
import { FIELD_RULES } from '../generic/label-rules.js';
import { findAmounts } from '../parse/amounts.js';
import { type DateOrder, parseDate } from '../parse/dates.js';
import { kindOf, templateMatches } from '../templates/template-applier.js';
import type { InvoiceTemplate, LearnedAnchor, TemplateOptions } from '../templates/template.types.js';

export interface LearningInput {
  pages: OcrPage[];
  vendor: string;
  /** The vendor's name as extraction read it (a keyword when the corrected name is not printed). */
  extractedVendor?: string | null;
  corrections: Partial<Record<InvoiceFieldName, string | number | null>>;
  existing?: Pick<InvoiceTemplate, 'keywords' | 'fields' | 'options'>;
}

export interface LearnedTemplate {
  vendor_name: string;
  keywords: string[];
  fields: Record<string, LearnedAnchor>;
  options: TemplateOptions;
  /** Fields this correction taught; the rest were not printed readably (nothing to anchor on). */
  learned: InvoiceFieldName[];
  unlearned: InvoiceFieldName[];
}

interface Found {
  line: TextLine;
  first: number;
  last: number;
  order?: DateOrder;
  separator?: '.' | ',';
}

const MAX_WINDOW = 5;

/**
 * What a correction teaches about a vendor: where each corrected value sits in the document (the
 * label before it on its line, or the header above it), what shape it has, which date order and
 * decimal separator the vendor prints. The next invoice of that vendor is read by these anchors
 * first (method `learned:<vendor>`).
 */
export function learnTemplate(input: LearningInput): LearnedTemplate {
  const doc = new DocumentText({ pages: input.pages } as OcrResult);
  const fields: Record<string, LearnedAnchor> = { ...(input.existing?.fields as Record<string, LearnedAnchor>) };
  const options: TemplateOptions = { ...input.existing?.options };
  const learned: InvoiceFieldName[] = [];
  const unlearned: InvoiceFieldName[] = [];
  for (const [name, value] of Object.entries(input.corrections) as Array<[InvoiceFieldName, string | number | null]>) {
    if (name === 'vendor_name' || value === null) continue;
    if (name === 'currency') {
      options.currency = String(value);
      learned.push(name);
      continue;
    }
    const placed = bestPlace(doc, name, value);
    if (!placed) {
      unlearned.push(name);
      continue;
    }
    const { found, anchor } = placed;
    if (found.order && found.order !== 'ymd') options.date_format = found.order;
    if (found.separator) options.decimal_separator = found.separator;
    const raw = found.line.words
      .slice(found.first, found.last + 1)
      .map((w) => w.text)
      .join(' ');
    const kind = kindOf(name);
    fields[name] = kind === 'id' || kind === 'tax_id' ? { ...anchor, shape: shapeOf(raw) } : anchor;
    learned.push(name);
  }
  if (input.corrections.vendor_name) learned.push('vendor_name');
  return { vendor_name: input.vendor, keywords: keywordsFor(doc, input), fields, options, learned, unlearned };
}

/**
 * Where the value is printed, with the anchor to find it again: of all the places it appears,
 * one after a label the field is known by ("Grand Total" for a total) beats the first one.
 */
function bestPlace(doc: DocumentText, name: InvoiceFieldName, value: string | number) {
  let first: { found: Found; anchor: LearnedAnchor } | undefined;
  for (const found of locate(doc, name, value)) {
    const anchor = anchorOf(doc, name, found);
    if (!anchor) continue;
    if (anchor.known) return { found, anchor: anchor.anchor };
    first ??= { found, anchor: anchor.anchor };
  }
  return first;
}

/** Every place a value is printed: on each line, the shortest runs of words that read as it. */
function locate(doc: DocumentText, name: InvoiceFieldName, value: string | number): Found[] {
  const kind = kindOf(name);
  const places: Found[] = [];
  for (const line of doc.lines) {
    for (let first = 0; first < line.words.length; first++) {
      for (let last = first; last < Math.min(line.words.length, first + MAX_WINDOW); last++) {
        const text = line.words
          .slice(first, last + 1)
          .map((w) => w.text)
          .join(' ');
        const hit = reads(kind, text, value);
        if (hit) {
          places.push({ line, first, last, ...hit });
          first = last;
          break;
        }
      }
    }
  }
  return places;
}

function reads(kind: string, text: string, value: string | number): Omit<Found, 'line' | 'first' | 'last'> | null {
  switch (kind) {
    case 'date':
      for (const order of ['dmy', 'mdy'] as const) {
        const parsed = parseDate(text.replace(/^[^\d\p{L}]+|[^\d\p{L}]+$/gu, ''), order);
        if (parsed?.iso === value) return parsed.ambiguous ? { order } : {};
      }
      return null;
    case 'amount': {
      const amounts = findAmounts(text);
      const hit = amounts.length === 1 && amounts[0].value === Number(value) && amounts[0].start < 3;
      if (!hit) return null;
      const separator = /[.,](\d{1,2})(?!\d)/.exec(text)?.[0][0] as '.' | ',' | undefined;
      return separator ? { separator } : {};
    }
    case 'iban':
      return compactIban(text) === compactIban(String(value)) ? {} : null;
    default:
      return compact(text.replace(/^[#:]+|[:.,;]+$/g, '')) === compact(String(value)) ? {} : null;
  }
}

/**
 * The label before the value on its line, or the header right above it; `known` when it is one
 * of the field's generic labels (then just that label is kept: "Date", not "Sanjay Date").
 */
function anchorOf(
  doc: DocumentText,
  name: InvoiceFieldName,
  found: Found,
): { anchor: LearnedAnchor; known: boolean } | null {
  const before = found.line.words.slice(Math.max(0, found.first - 4), found.first).map((w) => w.text);
  const known = knownLabel(name, before.join(' '));
  if (known) return { anchor: { label: known, position: 'right' }, known: true };
  // A label is words, not figures, and ends at the previous "Label:".
  const words = before.slice(-3);
  while (words.length > 0 && (/\d/.test(words[0]) || (words.length > 1 && /:$/.test(words[0])))) words.shift();
  const label = words.join(' ').trim();
  if (label.replace(/[^\p{L}#]/gu, '').length > 0) return { anchor: { label, position: 'right' }, known: false };
  const box = found.line.words[found.first].box;
  const above = doc.lines
    .filter((l) => l.page === found.line.page && l.box.y1 <= box.y0 + 2 && box.y0 - l.box.y1 < 3 * (box.y1 - box.y0))
    .sort((a, b) => b.box.y1 - a.box.y1)[0];
  if (!above) return null;
  const header = above.words.filter(
    (w) => w.box.x1 >= box.x0 - 2 && w.box.x0 <= found.line.words[found.last].box.x1 + 2,
  );
  const text = header
    .map((w) => w.text)
    .join(' ')
    .trim();
  if (text.replace(/[^\p{L}]/gu, '').length === 0) return null;
  const knownAbove = knownLabel(name, text);
  return { anchor: { label: knownAbove ?? text, position: 'below' }, known: knownAbove !== null };
}

/** The field's generic label that ends the text (a trailing `:` or `#` aside), as printed. */
function knownLabel(name: InvoiceFieldName, text: string): string | null {
  for (const rule of FIELD_RULES[name]?.labels ?? []) {
    const matches = [...text.matchAll(new RegExp(rule.pattern.source, 'giu'))];
    const last = matches[matches.length - 1];
    if (last && /^[\s:#.]*$/.test(text.slice((last.index ?? 0) + last[0].length))) return last[0].trim();
  }
  return null;
}

/** The value's shape: runs of letters and digits generalised, punctuation kept ("INV/2023/03/0008" -> [A-Za-z]+/\d+/\d+/\d+). */
export function shapeOf(raw: string): string {
  const text = raw.replace(/^[#:]+|[:.,;]+$/g, '');
  return text
    .split(/([A-Za-z]+|\d+)/)
    .filter((part) => part !== '')
    .map((part) =>
      /^[A-Za-z]+$/.test(part)
        ? '[A-Za-z]+'
        : /^\d+$/.test(part)
          ? '\\d+'
          : part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
    )
    .join('');
}

/**
 * Words that tell this vendor's invoices apart: the existing keywords while they still match, else
 * the vendor's name as printed, else the name extraction read, else the first line of the page.
 */
function keywordsFor(doc: DocumentText, input: LearningInput): string[] {
  if (input.existing && templateMatches({ keywords: input.existing.keywords } as InvoiceTemplate, doc)) {
    return input.existing.keywords;
  }
  const text = doc.text.toLowerCase();
  for (const candidate of [input.vendor, input.extractedVendor]) {
    if (candidate && candidate.length >= 3 && text.includes(candidate.toLowerCase())) return [candidate];
  }
  const first = doc.lines.find((line) => /\p{L}{3}/u.test(line.text));
  return first ? [first.text.slice(0, 60)] : [input.vendor];
}
