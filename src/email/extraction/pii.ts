import type { PiiReport, PiiTag } from '../email.types.js';
import { findEmails } from './email-addresses.js';
import { findIbans } from './iban.js';
import { findCards, findSpanishIds, findUkNinos, findUsSsns, type Finding } from './national-ids.js';
import { findPhones } from './phones.js';

// The most text scanned (characters). The redacted text never carries what was not scanned: a
// longer text is cut there, with a marker.
const MAX_SCANNED = 1_000_000;
const CUT_MARKER = '\n[REDACTED:truncated]';

// Order matters: each detector runs on the text the ones before it redacted, so the digits of an
// IBAN are not also read as a card or a phone, and a card's digits not as a phone.
// Every finding counts here (no cap per kind, unlike extraction): an unredacted one is a leak.
const DETECTORS: [PiiTag, (text: string) => Finding[]][] = [
  ['iban', (text) => findIbans(text, Infinity)],
  ['credit_card', findCards],
  ['national_id_es', findSpanishIds],
  ['national_id_us', findUsSsns],
  ['national_id_other', findUkNinos],
  ['email', (text) => findEmails(text, Infinity)],
  ['phone', (text) => findPhones(text, Infinity)],
];

// Contact details are in nearly every message (the sender's own signature); the flag is for what
// needs restricted handling: account, card and identity numbers.
const SENSITIVE = new Set<PiiTag>(['iban', 'credit_card', 'national_id_es', 'national_id_us', 'national_id_other']);

/** Finds personal data and answers the text with each finding replaced by `[REDACTED:<tag>]`. */
export function detectPii(text: string): PiiReport {
  let redacted = text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text;
  const tags: PiiTag[] = [];
  for (const [tag, find] of DETECTORS) {
    const findings = find(redacted);
    if (findings.length === 0) continue;
    tags.push(tag);
    redacted = redact(redacted, findings, tag);
  }
  if (text.length > MAX_SCANNED) redacted += CUT_MARKER;
  return { contains_sensitive_data: tags.some((tag) => SENSITIVE.has(tag)), tags, redacted };
}

function redact(text: string, findings: Finding[], tag: PiiTag): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end } of sorted) {
    if (start < at) continue;
    out += text.slice(at, start) + `[REDACTED:${tag}]`;
    at = end;
  }
  return out + text.slice(at);
}
