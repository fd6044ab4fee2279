import type { InvoiceFieldName } from '../ocr.types.js';
import type { Evidence } from './document-text.js';

/** A value a rule found for a field, before the checks judge it. */
export interface Candidate {
  value: string | number;
  evidence: Evidence;
  /** How often this rule is right when it finds something (0-1); a passed checksum raises it to 1. */
  reliability: number;
  /** `generic`, `template:<vendor>` or `learned:<vendor>`. */
  method: string;
  ambiguousDate?: boolean;
  symbol?: string | null;
}

export type Candidates = Partial<Record<InvoiceFieldName, Candidate>>;
