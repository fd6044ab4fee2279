import type { InvoiceFieldName } from '../../ocr.types.js';
import type { ValueKind } from './value-readers.js';

/**
 * The labels the generic rules look for, English and Spanish, best first. `reliability` is how
 * often a value after that label is the field (an "Invoice No" label more than a bare "Date");
 * `below` allows the value to sit under the label (a header row over a value row).
 */
export interface LabelRule {
  pattern: RegExp;
  reliability: number;
  below: boolean;
}

export interface FieldRule {
  kind: ValueKind;
  labels: LabelRule[];
}

const rule = (pattern: RegExp, reliability: number, below = true): LabelRule => ({ pattern, reliability, below });

export const FIELD_RULES: Partial<Record<InvoiceFieldName, FieldRule>> = {
  invoice_number: {
    kind: 'id',
    labels: [
      rule(
        /\b(?:invoice\s*(?:number|no\b\.?|num\b\.?|nr\b\.?|#)|n[º°o]\.?\s*(?:de\s+)?factura|n[úu]mero\s+de\s+factura|factura\s*(?:n[º°o]\b\.?|n[úu]m(?:ero)?\b\.?|#))/giu,
        0.97,
      ),
      rule(/\b(?:invoice|factura)\b(?!\s*(?:date|fecha|summary|to\b|from\b|address|de\s+fecha))/giu, 0.9, false),
      rule(
        /\b(?:receipt\s*(?:no\b\.?|number|#)|booking\s*id|bill\s*(?:no\b\.?|number)|recibo\s*n[º°o]\.?|document\s*no\b\.?)/giu,
        0.85,
      ),
      rule(/^#/gu, 0.8, false),
    ],
  },
  issue_date: {
    kind: 'date',
    labels: [
      rule(
        /\b(?:invoice\s+date|date\s+of\s+issue|issue\s+date|issued\s+on|billing\s+date|fecha\s+(?:de\s+)?(?:la\s+)?(?:factura|emisi[oó]n|expedici[oó]n))\b/giu,
        0.97,
      ),
      rule(
        /(?<!\b(?:due|order|delivery|ship(?:ping)?|payment|vencimiento)\s*)\b(?:date|fecha)\b(?!\s+(?:de\s+)?(?:vencimiento|pedido|entrega))/giu,
        0.9,
      ),
    ],
  },
  due_date: {
    kind: 'date',
    labels: [
      rule(
        /\b(?:due\s+date|date\s+due|payment\s+due(?:\s+date)?|due\s+on|fecha\s+(?:de\s+)?vencimiento|vencimiento|fecha\s+l[ií]mite(?:\s+de\s+pago)?)\b/giu,
        0.95,
      ),
    ],
  },
  total: {
    kind: 'amount',
    labels: [
      rule(
        /\b(?:grand\s+total|total\s+amount\s+due|amount\s+due|total\s+due|balance\s+due|total\s+a\s+pagar|total\s+factura|importe\s+total|total\s+importe|total\s+for\s+this\s+invoice|invoice\s+total|total\s+amount)\b/giu,
        0.97,
        false,
      ),
      rule(/(?<!\bsub[\s-]?)\btotal\b(?!\s*(?:tax|iva|vat|impuestos|items|qty|units))/giu, 0.9, false),
    ],
  },
  tax: {
    kind: 'amount',
    labels: [
      rule(
        /\b(?:total\s+(?:tax|vat|iva|impuestos)|cuota\s+(?:de\s+)?iva|tax\s+amount|importe\s+iva)\b/giu,
        0.95,
        false,
      ),
      rule(
        /\b(?:tax|vat|iva|gst|igst|impuestos?)\b(?!\s*(?:\(%\)|\/|#|id\b|no\b|number|reg|identification|statement|invoice|rate|included|incl))/giu,
        0.9,
        false,
      ),
    ],
  },
  vendor_tax_id: {
    kind: 'tax_id',
    labels: [
      rule(/\b(?:NIF\s*\/\s*CIF|CIF\s*\/\s*NIF|GSTIN|N\.?I\.?F\.?|C\.?I\.?F\.?|N\.?I\.?E\.?)(?=[\s:.#]|$)/gu, 0.95),
      rule(
        /\b(?:VAT\s*(?:reg(?:istration)?\.?\s*)?(?:no\b\.?|number|id\b|#)|VAT\s*\/\s*TIN|tax\s*id|TIN|RFC|EIN|USt-?IdNr\.?)/giu,
        0.9,
      ),
    ],
  },
  iban: {
    kind: 'iban',
    labels: [
      rule(/\bIBAN\b/giu, 0.97),
      rule(/\b(?:bank\s+account|account\s+(?:no\b\.?|number)|cuenta(?:\s+bancaria)?|n[º°o]\s*de\s*cuenta)/giu, 0.9),
    ],
  },
};

/** Labels of a subtotal: the total's consistency check adds the tax to it. */
export const SUBTOTAL_LABEL =
  /\b(?:sub[\s-]?total|base\s+imponible|net\s+amount|amount\s+untaxed|total\s+(?:sin|antes\s+de)\s+(?:iva|impuestos)|total\s+neto)\b/giu;
