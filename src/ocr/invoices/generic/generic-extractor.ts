import { INVOICE_FIELDS, type InvoiceFieldName } from '../../ocr.types.js';
import type { Candidate, Candidates } from '../candidate.js';
import { isValidIban } from '../checks/iban.js';
import { isProvenTaxId } from '../checks/tax-id.js';
import type { DocumentText } from '../document-text.js';
import { currencyNamed, currencyOfSymbol } from '../parse/currency.js';
import { FIELD_RULES, SUBTOTAL_LABEL } from './label-rules.js';
import { scanLabel } from './label-scan.js';
import type { ReadOptions } from './value-readers.js';
import { guessVendor } from './vendor-name.js';

/**
 * The generic rules: labels in English and Spanish, values read by kind, the best label tier
 * winning; ids and IBANs that prove themselves by checksum are also picked up without a label.
 * Never throws for a document it cannot read: a field it cannot find is simply absent.
 */
export function extractGeneric(doc: DocumentText, options: ReadOptions): Candidates {
  const found: Candidates = {};
  for (const name of INVOICE_FIELDS) {
    const rule = FIELD_RULES[name];
    if (!rule) continue;
    for (const label of rule.labels) {
      const candidates = scanLabel(doc, label, rule.kind, options);
      const best = pick(name, candidates);
      if (best) {
        found[name] = best;
        break;
      }
    }
  }
  found.vendor_tax_id ??= provenToken(doc, isProvenTaxId);
  found.iban ??= provenToken(doc, isValidIban);
  const vendor = guessVendor(doc);
  if (vendor) {
    found.vendor_name = {
      value: vendor.value,
      evidence: vendor.evidence,
      reliability: vendor.reliability,
      method: 'generic',
    };
  }
  const currency = currencyOf(doc, found.total);
  if (currency) found.currency = currency;
  return found;
}

/** Within a label tier: the largest total (a row of totals ends with the grand one), else the first found. */
function pick(name: InvoiceFieldName, candidates: Candidate[]): Candidate | undefined {
  if (name === 'total' && candidates.length > 0) {
    return candidates.reduce((best, c) => (Number(c.value) > Number(best.value) ? c : best));
  }
  return candidates[0];
}

function provenToken(doc: DocumentText, proven: (value: string) => boolean): Candidate | undefined {
  for (const line of doc.lines) {
    for (const [index, word] of line.words.entries()) {
      const text = word.text.replace(/^[^A-Z0-9]+|[^A-Z0-9]+$/gi, '');
      if (text.length >= 9 && proven(text)) {
        return {
          value: text.toUpperCase(),
          evidence: { words: [line.words[index]], page: line.page },
          reliability: 0.9,
          method: 'generic',
        };
      }
    }
  }
  return undefined;
}

/** The currency printed with the total, else one named in the text, else any symbol in it. */
function currencyOf(doc: DocumentText, total: Candidate | undefined): Candidate | undefined {
  const fromSymbol = total?.symbol ? currencyOfSymbol(total.symbol, doc.text) : null;
  const named = currencyNamed(doc.text);
  const guess =
    named && (!fromSymbol || fromSymbol.certainty < 0.9 || fromSymbol.code === named.code) ? named : fromSymbol;
  const symbolGuess = guess ?? anySymbol(doc.text);
  if (!symbolGuess) return undefined;
  const line = doc.lines.find((l) => l.text.includes(symbolGuess.evidence));
  const start = line ? line.text.indexOf(symbolGuess.evidence) : 0;
  const words = line ? doc.wordsIn(line, start, start + symbolGuess.evidence.length) : [];
  return {
    value: symbolGuess.code,
    evidence: { words, page: line?.page ?? 1 },
    reliability: symbolGuess.certainty,
    method: 'generic',
  };
}

function anySymbol(text: string) {
  const symbol = /[€£₹]|\bRs\.?(?=\s?\d|\s-)|\$/u.exec(text);
  return symbol ? currencyOfSymbol(symbol[0], text) : null;
}

/** The subtotals printed (for the total's consistency check), with the page they are on. */
export function subtotalsOf(doc: DocumentText, options: ReadOptions): number[] {
  return scanLabel(doc, { pattern: SUBTOTAL_LABEL, reliability: 1, below: false }, 'amount', options).map((c) =>
    Number(c.value),
  );
}
