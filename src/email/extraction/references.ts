// What may stand between a keyword and its number: "Invoice No. 123", "Factura nº: F-1",
// "Order #A-778", "Número de pedido: 55". Bounded runs of separators the identifier cannot start
// with, so the engine has few ways to split them. (`\b` would not do after `nº`: `º` is no word
// character to JavaScript.)
const LABEL = String.raw`(?:[\s.:#-]{0,4}(?:n[º°o]|nr|num(?:ber|ero)?|n[úu]mero|no|ref|id)(?![a-z]))?`;
const SEP = String.raw`[\s.:#º°-]{0,6}`;
// The identifier: letters, digits, and inner `-` `/` `.`, holding a digit within its first 40
// characters (the lookahead), so "Expediente: Expediente 2024/1" skips the word and finds the number.
const ID = String.raw`((?=[A-Z0-9./-]{0,39}\d)[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])){1,39})`;

function keyword(words: string): RegExp {
  return new RegExp(String.raw`(?<![a-z])(?:${words})(?![a-z])${LABEL}${SEP}${ID}`, 'gi');
}
function labelFirst(words: string): RegExp {
  return new RegExp(String.raw`(?:n[º°o]\.?|n[úu]mero|number|num\.?)\s+(?:de\s+|del\s+)?(?:${words})${SEP}${ID}`, 'gi');
}

const INVOICE = [keyword('invoice|factura|inv'), labelFirst('invoice|factura')];
// `PO` only in capitals (and its number too): "po" is a word in too many languages.
const PO = new RegExp(String.raw`\bP\.?O\.?(?![A-Za-z])(?:\s*(?:No|#)\.?)?${SEP}${ID}`, 'g');
const ORDER = [keyword('purchase order|order|pedido|orden de compra'), labelFirst('order|pedido'), PO];
const CASE = [keyword('case|ticket|incident|expediente|caso|incidencia'), labelFirst('case|ticket|expediente|caso')];
const MAX_PER_KIND = 50;

export interface References {
  invoice_numbers: string[];
  order_numbers: string[];
  case_numbers: string[];
}

/** Invoice, order and case numbers named by their keyword in English or Spanish. */
export function findReferences(text: string): References {
  return { invoice_numbers: find(text, INVOICE), order_numbers: find(text, ORDER), case_numbers: find(text, CASE) };
}

/** The identifiers the patterns find, in text order; one the text wrote once is found once. */
function find(text: string, patterns: RegExp[]): string[] {
  const found: { start: number; end: number; id: string }[] = [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      const start = end - m[1].length;
      // "Purchase Order: PO-4410" is read by the keyword and by the PO pattern: once is enough.
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, id: m[1].toUpperCase() });
      if (found.length >= MAX_PER_KIND) break;
    }
  }
  found.sort((a, b) => a.start - b.start);
  return [...new Set(found.map((f) => f.id))];
}
