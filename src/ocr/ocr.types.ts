/**
 * The contract between the OCR pipeline (engines, PDF text layer, preprocessing), the OCR API and
 * robot module, and invoice field extraction with human review. Snake_case: these shapes are
 * stored (ocr_documents.pages / fields) and answered over REST as they are.
 */
export const OCR_ENGINES = ['native', 'wasm'] as const;
/** `native`: Tesseract 5 CLI; `wasm`: tesseract.js. `pdf_text`: the PDF's own text layer, no OCR. */
export type OcrEngineName = (typeof OCR_ENGINES)[number];
export type PageSource = OcrEngineName | 'pdf_text';
export type EngineChoice = 'auto' | OcrEngineName;

export interface OcrOptions {
  /** Tesseract language codes joined by `+` (default `eng+spa`). */
  languages: string;
  engine: EngineChoice;
  /** Extract business fields as well (`invoice`), or text only. */
  extract?: 'invoice';
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0-100 */
  confidence: number;
  box: Box;
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: Box;
  words: OcrWord[];
}

export interface PageQuality {
  /** `good`, `acceptable` or `poor`. */
  verdict: 'good' | 'acceptable' | 'poor';
  /** Why, when not good: what a user should do (e.g. "resolution below 200 dpi: rescan at 300 dpi"). */
  reasons: string[];
  dpi?: number;
  skew_degrees?: number;
}

export interface OcrPage {
  page_number: number;
  source: PageSource;
  text: string;
  /** 0-100; 100 for a usable PDF text layer. */
  confidence: number;
  rotation_applied: 0 | 90 | 180 | 270;
  preprocessing: string[];
  lines: OcrLine[];
  quality: PageQuality;
  /** Every engine that ran on the page, with its confidence, when more than one did. */
  engines_tried: Array<{ engine: PageSource; confidence: number; ms: number; error?: string }>;
  timings_ms: { preprocess: number; recognise: number; total: number };
  width: number;
  height: number;
}

export interface OcrResult {
  sha256: string;
  media_type: string;
  page_count: number;
  text: string;
  /** Document confidence: pages weighted by their text length. */
  confidence: number;
  quality: PageQuality;
  pages: OcrPage[];
  resources: { cpu_ms: number; peak_memory_mb: number; duration_ms: number };
}

/** Called per page as the pipeline goes, so a robot can report progress. */
export type PageProgress = (done: number, total: number, page?: OcrPage) => void | Promise<void>;

/** What the pipeline offers to the OCR module, to other handlers and to the email layer. */
export interface OcrPipeline {
  /** Validates by content and answers the text; throws an OcrInputError (422) for a bad file. */
  recognise(bytes: Buffer, options: OcrOptions, onPage?: PageProgress, signal?: AbortSignal): Promise<OcrResult>;
}
export const OCR_PIPELINE = Symbol('OCR_PIPELINE');

export interface ExtractedField {
  name: InvoiceFieldName;
  value: string | number | null;
  /** 0-1: OCR confidence of the words it came from, combined with the business checks. */
  confidence: number;
  checks: Array<{ check: string; passed: boolean }>;
  /** Where it was found: page and box, for a reviewer. */
  page?: number;
  box?: Box;
  /** `template:<vendor>`, `learned:<vendor>` or `generic`. */
  method: string;
}

export const INVOICE_FIELDS = [
  'invoice_number',
  'issue_date',
  'due_date',
  'total',
  'tax',
  'currency',
  'vendor_name',
  'vendor_tax_id',
  'iban',
] as const;
export type InvoiceFieldName = (typeof INVOICE_FIELDS)[number];

export interface InvoiceExtraction {
  fields: ExtractedField[];
  template: string | null;
  /** Fields under the review threshold: these go to the review queue. */
  needs_review: InvoiceFieldName[];
}

export interface InvoiceExtractor {
  extract(result: OcrResult): Promise<InvoiceExtraction>;
}
export const INVOICE_EXTRACTOR = Symbol('INVOICE_EXTRACTOR');
