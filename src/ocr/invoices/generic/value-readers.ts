import { findAmounts, type DecimalSeparator } from '../parse/amounts.js';
import { DATE_TOKEN, type DateOrder, parseDate } from '../parse/dates.js';
import { compactIban, IBAN_SHAPE } from '../checks/iban.js';
import type { DocumentText, Evidence, Segment } from '../document-text.js';

/** The kinds of value a field holds, each with its reader. */
export type ValueKind = 'id' | 'date' | 'amount' | 'tax_id' | 'iban' | 'text';

export interface ReadOptions {
  dateOrder: DateOrder;
  decimalSeparator?: DecimalSeparator;
  /** For `id` and `text` values learned from a correction: the value's shape. */
  shape?: RegExp;
}

export interface ValueRead {
  value: string | number;
  evidence: Evidence;
  /** Facts a check needs: the printed date was ambiguous, the amount's currency symbol. */
  ambiguousDate?: boolean;
  symbol?: string | null;
}

// Words between a label and its value: separators and "No." / "Nº" / "number".
const FILLER = /^(?:[:#.\-–|]+|n[oº°]\.?|num\.?|number|n[úu]mero|nr\.?|de|del|ref\.?)$/i;
const ID_TOKEN = /^[A-Z0-9][A-Z0-9_\-/.]*$/i;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(segment: Segment): Token[] {
  const text = segment.line.text.slice(segment.start, segment.end);
  return [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: segment.start + (m.index ?? 0),
    end: segment.start + (m.index ?? 0) + m[0].length,
  }));
}

function evidence(doc: DocumentText, segment: Segment, start: number, end: number): Evidence {
  return { words: doc.wordsIn(segment.line, start, end), page: segment.line.page };
}

/** Reads a value of a kind from the segments right of (or under) a label; the first segment is the label's own line. */
export function readValue(
  doc: DocumentText,
  kind: ValueKind,
  segments: Segment[],
  options: ReadOptions,
): ValueRead | null {
  switch (kind) {
    case 'amount':
      return readAmount(doc, segments, options);
    case 'date':
      return firstOf(segments, (segment) => readDate(doc, segment, options));
    case 'iban':
      return firstOf(segments, (segment) => readIban(doc, segment));
    default:
      return firstOf(segments, (segment) => readToken(doc, segment, kind, options));
  }
}

function firstOf(segments: Segment[], read: (segment: Segment) => ValueRead | null): ValueRead | null {
  for (const segment of segments) {
    const value = read(segment);
    if (value) return value;
  }
  return null;
}

/** The rightmost amount on the label's row: totals print the figure last ("Tax 15% on $112.90 $16.94"). */
function readAmount(doc: DocumentText, segments: Segment[], options: ReadOptions): ValueRead | null {
  let best: ValueRead | null = null;
  for (const segment of segments) {
    const text = segment.line.text.slice(segment.start, segment.end);
    const amounts = findAmounts(text, options.decimalSeparator);
    const last = amounts[amounts.length - 1];
    if (!last) continue;
    best = {
      value: last.value,
      symbol: last.symbol,
      evidence: evidence(doc, segment, segment.start + last.start, segment.start + last.end),
    };
  }
  return best;
}

function readDate(doc: DocumentText, segment: Segment, options: ReadOptions): ValueRead | null {
  const text = segment.line.text.slice(segment.start, segment.end);
  for (const match of text.matchAll(DATE_TOKEN)) {
    const parsed = parseDate(match[0], options.dateOrder);
    if (!parsed) continue;
    const start = segment.start + (match.index ?? 0);
    return {
      value: parsed.iso,
      ambiguousDate: parsed.ambiguous,
      evidence: evidence(doc, segment, start, start + match[0].length),
    };
  }
  return null;
}

/** The first token after the filler words, when it looks like an identifier (has a digit or `_`). */
function readToken(doc: DocumentText, segment: Segment, kind: ValueKind, options: ReadOptions): ValueRead | null {
  for (const token of tokens(segment).slice(0, 5)) {
    const text = token.text.replace(/^[#:]+/, '').replace(/[:.,;)]+$/, '');
    if (text === '' || FILLER.test(text)) continue;
    if (options.shape) {
      if (!options.shape.test(text)) return null;
    } else {
      if (!ID_TOKEN.test(text) || !/[\d_]/.test(text) || text.length < 3) return null;
      if (kind === 'tax_id' && (text.replace(/[^A-Z0-9]/gi, '').length < 6 || !/\d{3}/.test(text))) return null;
    }
    if (DATE_TOKEN.test(text)) {
      DATE_TOKEN.lastIndex = 0;
      return null;
    }
    DATE_TOKEN.lastIndex = 0;
    const offset = token.text.indexOf(text);
    return { value: text, evidence: evidence(doc, segment, token.start + offset, token.start + offset + text.length) };
  }
  return null;
}

/** An IBAN printed whole or in groups of four: the groups are joined while they fit. */
function readIban(doc: DocumentText, segment: Segment): ValueRead | null {
  const all = tokens(segment);
  const first = all.findIndex((token) => /^[A-Z]{2}\d{2}/i.test(token.text));
  if (first < 0 || first > 3) return null;
  let value = all[first].text;
  let end = all[first].end;
  for (const token of all.slice(first + 1)) {
    if (!/^[A-Z0-9]{1,4}$/i.test(token.text) || compactIban(value + token.text).length > 34) break;
    value += token.text;
    end = token.end;
  }
  const iban = compactIban(value);
  if (!IBAN_SHAPE.test(iban)) return null;
  return { value: iban, evidence: evidence(doc, segment, all[first].start, end) };
}
