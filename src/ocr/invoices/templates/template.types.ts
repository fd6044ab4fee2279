import type { InvoiceFieldName } from '../../ocr.types.js';
import type { DecimalSeparator } from '../parse/amounts.js';
import type { DateOrder } from '../parse/dates.js';

/**
 * A vendor template, invoice2data-style: `keywords` that must all appear for the template to
 * apply, and per field either a regular expression (written by a user: group 1, or the whole
 * match, is the value) or an anchor learned from a review (the label the value followed and
 * where it sat, the shape it had, or a constant such as the vendor's own name).
 */
export interface LearnedAnchor {
  label?: string;
  position?: 'right' | 'below';
  /** A regular expression the value matched, generalised from the correction (`[A-Z]+/\d+`). */
  shape?: string;
  /** A value that does not come from the page (the vendor's name, its currency). */
  constant?: string | number;
}

export type TemplateField = string | LearnedAnchor;

export interface TemplateOptions {
  date_format?: DateOrder;
  decimal_separator?: DecimalSeparator;
  currency?: string;
}

export type TemplateSource = 'USER' | 'LEARNED';

export interface InvoiceTemplate {
  template_id: string;
  vendor_name: string;
  keywords: string[];
  fields: Partial<Record<InvoiceFieldName, TemplateField>>;
  options: TemplateOptions;
  source: TemplateSource;
  corrections_applied: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
