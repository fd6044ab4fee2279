/**
 * The email layer's contracts between its parts: parsing (raw bytes to a safe, bounded
 * ParsedEmail), extraction and PII, classification (model + rules + routes), and ingest (the one
 * transaction that writes an email with its checkpoint, its audit and its robot or review). The
 * mailbox watcher and the REST upload both hand raw messages to the EmailIngestor.
 */

/** Bounds checked while a message is parsed (EmailSettings). */
export interface EmailLimits {
  maxBytes: number;
  maxAttachments: number;
  maxAttachmentBytes: number;
}

export interface EmailAddress {
  /** Lower-cased; the local part as written. */
  address: string;
  name: string | null;
}

export interface ParsedAttachment {
  /** 0-based, in the order of the MIME tree. */
  position: number;
  /** Sanitised (no path, no control characters, at most 255 characters); null when the part has none. */
  filename: string | null;
  /** Declared type, lower-cased (the OCR layer checks the bytes themselves). */
  media_type: string;
  size_bytes: number;
  sha256: string;
  /** Null when the attachment was over EMAIL_MAX_ATTACHMENT_BYTES: listed, not kept. */
  content: Buffer | null;
  /** Why the content was not kept (`too_large`), when it was not. */
  skipped?: string;
}

export interface ParsedEmail {
  /** Message-ID without angle brackets, trimmed; null when the message has none. */
  message_id: string | null;
  /** The thread's root: the first References id, else In-Reply-To, else the message's own id. */
  thread_id: string | null;
  in_reply_to: string | null;
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string | null;
  /** The Date header when it parses, else null. */
  sent_at: Date | null;
  /** Plain text: the text part, or the HTML reduced to safe text (scripts, styles, tags gone). */
  text: string;
  html_present: boolean;
  attachments: ParsedAttachment[];
  /** Defects met and survived (a charset fallback, a header that did not parse, a part cut). */
  warnings: string[];
  size_bytes: number;
  /**
   * The message's identity for dedupe: SHA-256 over sender, Message-ID, Date, subject, text and the
   * attachments' hashes, not the transport headers a relay adds (Received, Delivered-To), so the
   * same mail fetched from two mailboxes hashes the same.
   */
  content_sha256: string;
}

export enum EmailRefusal {
  TooLarge = 'too_large',
  TooManyAttachments = 'too_many_attachments',
  /** No header block a mail parser recognises (a binary file, an empty body). */
  NotAnEmail = 'not_an_email',
  Malformed = 'malformed',
}

export type ParseOutcome =
  { ok: true; email: ParsedEmail } | { ok: false; refusal: EmailRefusal; reason: string; size_bytes: number };

export interface ExtractedAmount {
  value: number;
  /** ISO 4217 when the text says (`EUR` for €, `USD` for $ ...), else null. */
  currency: string | null;
  text: string;
}

/** What rules find in an email's subject and text, normalised. */
export interface ExtractedFields {
  /** ISO dates (yyyy-mm-dd). */
  dates: string[];
  amounts: ExtractedAmount[];
  invoice_numbers: string[];
  order_numbers: string[];
  case_numbers: string[];
  emails: string[];
  /** E.164 when a country code is known or given, else the digits as written. */
  phones: string[];
  /** Only IBANs whose ISO 7064 checksum holds, without spaces. */
  ibans: string[];
  /** A person's name from the signature block, when one is found. */
  signature_name: string | null;
}

export type PiiTag =
  'email' | 'phone' | 'iban' | 'credit_card' | 'national_id_es' | 'national_id_us' | 'national_id_other';

export interface PiiReport {
  contains_sensitive_data: boolean;
  tags: PiiTag[];
  /** The text with each finding replaced by `[REDACTED:<tag>]`. */
  redacted: string;
}

/** What the classifier reads of an email; training examples store `featuresOf()` of the same. */
export interface ClassificationInput {
  subject: string | null;
  from_address: string | null;
  text: string;
  attachment_types: string[];
  attachment_names: string[];
  /** To and Cc addresses, lower-cased; absent when not known (then no recipient features at all). */
  to_addresses?: string[];
  cc_addresses?: string[];
  /** The In-Reply-To header's message id; absent or null when the message has none. */
  in_reply_to?: string | null;
}

export interface Classification {
  /** The chosen class; null when no model is active and no rule fired. */
  class_name: string | null;
  /** 0-1; a rule's decision is 1. */
  confidence: number;
  /** Every class's probability from the model (empty without a model). */
  probabilities: Record<string, number>;
  decided_by: 'model' | 'rule' | 'none';
  rule: { rule_id: string; name: string; mode: 'override' | 'fallback' } | null;
  model_version: number | null;
  /** The threshold that applied (the class's own, else EMAIL_MIN_CONFIDENCE). */
  threshold: number;
  /** confidence < threshold, or no class: a person decides. */
  needs_review: boolean;
  /** What the class becomes: a robot type (null: the class creates no robot) and its priority. */
  route: { robot_type: string | null; priority: string } | null;
  /** Answered from the cache (by what the classifier reads, model version and rules). */
  cached: boolean;
}

/**
 * Classifies an email with the active model and the rules; answers for the same input (sender,
 * subject, text, attachments) come from a cache. Inject with `@Inject(EMAIL_CLASSIFIER)`.
 */
export interface EmailClassifier {
  classify(input: ClassificationInput): Promise<Classification>;
}
export const EMAIL_CLASSIFIER = Symbol('EmailClassifier');

/** A statement runner inside the caller's transaction. */
export interface EmailTx {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface TrainingExampleInput {
  label: string;
  content_sha256: string;
  /** `featuresOf(input)`: what the model trains on. */
  features: string;
  source: 'api' | 'feedback' | 'review';
  email_id: string | null;
  created_by: string | null;
}

/** Where corrections become training examples, inside the correction's own transaction. */
export interface TrainingExamples {
  /** Inserts the example, or replaces the label of the one with the same content. */
  add(tx: EmailTx, example: TrainingExampleInput): Promise<void>;
}
export const TRAINING_EXAMPLES = Symbol('TrainingExamples');

/** Where a raw message came from; an IMAP message carries the checkpoint it advances. */
export type IngestSource =
  | { kind: 'imap'; mailbox_id: string; uid_validity: number; uid: number }
  | { kind: 'upload'; created_by: string | null }
  | { kind: 'mbox'; created_by: string | null };

export interface IngestResult {
  /** The email row: the new one, or for a duplicate the one that was there. Null for nothing stored. */
  email_id: string | null;
  status: 'ROBOT_CREATED' | 'NEEDS_REVIEW' | 'NO_ROBOT' | 'REJECTED' | 'DUPLICATE';
  robot_id: string | null;
  /** For REJECTED: why, in words a sender's admin understands. */
  reason?: string;
}

/**
 * Takes a raw message in exactly once: parse, classify, extract, then one transaction writes the
 * email, its attachments' references, its audit, its robot or review, its `email.ingested` event
 * and (for IMAP) the mailbox checkpoint. A duplicate (same Message-ID or content) writes only the
 * checkpoint. A refused message is recorded (REJECTED, with its reason) and advances the checkpoint
 * too, so one bad message never blocks a mailbox. Inject with `@Inject(EMAIL_INGESTOR)`.
 */
export interface EmailIngestor {
  ingest(raw: Buffer, source: IngestSource): Promise<IngestResult>;
}
export const EMAIL_INGESTOR = Symbol('EmailIngestor');
