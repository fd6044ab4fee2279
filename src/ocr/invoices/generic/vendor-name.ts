import type { DocumentText, Evidence, TextLine } from '../document-text.js';

/**
 * Who issued the invoice, when no template says so. In order of trust: a line that starts with
 * the name behind the document's own web or mail domain (aws.amazon.com -> "Amazon Web Services"),
 * an explicit label ("Sold by", "Service Provider", "Emisor", "Razón social"), the domain itself,
 * and last the first line of the page that reads like a name. The last is a guess and says so
 * (a low reliability sends it to review).
 */
export interface VendorGuess {
  value: string;
  evidence: Evidence;
  reliability: number;
  how: string;
}

// Mail and hosting domains that name nobody's company.
const GENERIC_DOMAINS = new Set([
  'gmail',
  'hotmail',
  'outlook',
  'yahoo',
  'icloud',
  'live',
  'msn',
  'aol',
  'example',
  'fake',
  'test',
  'mail',
  'protonmail',
  'gmx',
]);
const STOP_WORDS = /^(?:invoice|factura|receipt|recibo|bill|tax|payment|original|copy|copia|page|p[áa]gina)$/i;
const SOLD_BY =
  /\b(?:sold\s+by|service\s+provider|issued\s+by|vendor|supplier|proveedor|emisor|raz[óo]n\s+social)\s*:?\s*/giu;
const LEGAL_TAIL = /(?:\b(?:inc|ltd|llc|gmbh|s\.?l\.?u|s\.?l|s\.?a|pvt|plc|co|limited|private)\b\.?,?\s*)+/i;

export function guessVendor(doc: DocumentText): VendorGuess | null {
  const domains = domainsOf(doc.text);
  for (const domain of domains) {
    const named = lineNamedAfter(doc, domain);
    if (named) return { ...named, reliability: 0.95, how: `line matching domain ${domain}` };
  }
  const labelled = labelledVendor(doc);
  if (labelled) return labelled;
  for (const domain of domains) {
    const line = doc.lines.find((l) => l.text.toLowerCase().includes(domain));
    if (line) {
      const start = line.text.toLowerCase().indexOf(domain);
      const value = domain.charAt(0).toUpperCase() + domain.slice(1);
      return {
        value,
        evidence: { words: doc.wordsIn(line, start, start + domain.length), page: line.page },
        reliability: 0.85,
        how: `domain ${domain}`,
      };
    }
  }
  return firstNameLine(doc);
}

/** Second-level names of the web and mail domains printed on the document, most frequent first. */
function domainsOf(text: string): string[] {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(
    /(?<![\p{L}\d-])([a-z0-9][a-z0-9-]*[a-z0-9])\.(?:com|net|org|es|in|co|io|eu|de|fr|it|uk|mx)\b/giu,
  )) {
    const name = match[1].toLowerCase().replace(/\d+$/, '');
    if (name.length < 3 || GENERIC_DOMAINS.has(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A line whose first words spell the domain's name (or a prefix of it), extended by capitalised words. */
function lineNamedAfter(doc: DocumentText, domain: string): Omit<VendorGuess, 'reliability' | 'how'> | null {
  const target = domain.replace(/-/g, '');
  for (const line of doc.lines) {
    const first = squash(line.words[0]?.text.replace(/\.(com|net|org|es|in)$/i, '') ?? '');
    if (first.length < 2 || !(target.startsWith(first) || first.startsWith(target))) continue;
    if (/@|www\.|https?:/.test(line.words[0].text)) continue;
    const words = [line.words[0]];
    let spelled = first;
    // "Flipkart.com Customer Care": a name written as its domain ends there.
    const rest = /\.[a-z]{2,3}$/i.test(line.words[0].text) ? [] : line.words.slice(1);
    for (const word of rest) {
      const clean = word.text.replace(/[,.;:]+$/, '');
      if (STOP_WORDS.test(clean) || !/^[A-Z][A-Za-z&'-]*$/.test(clean)) break;
      words.push(word);
      spelled += squash(clean);
      if (/[,;:]$/.test(word.text)) break;
    }
    if (!target.startsWith(first) && spelled !== target && !first.startsWith(target)) continue;
    const value = words
      .map((w) => w.text)
      .join(' ')
      .replace(/[,;:]+$/, '')
      .replace(/\.(com|net|org|es|in)$/i, '');
    return { value, evidence: { words, page: line.page } };
  }
  return null;
}

function labelledVendor(doc: DocumentText): VendorGuess | null {
  for (const line of doc.lines) {
    for (const match of line.text.matchAll(SOLD_BY)) {
      const start = (match.index ?? 0) + match[0].length;
      const rest = line.text.slice(start);
      const legal = LEGAL_TAIL.exec(rest);
      const end = legal ? start + legal.index + legal[0].length : line.text.length;
      const value = line.text
        .slice(start, end)
        .replace(/[,;:.]+$/, '')
        .trim();
      if (value.length < 2 || !/[A-Za-z]/.test(value)) continue;
      return {
        value: value.replace(/,$/, ''),
        evidence: { words: doc.wordsIn(line, start, end), page: line.page },
        reliability: 0.9,
        how: `label "${match[0].trim()}"`,
      };
    }
  }
  return null;
}

/** The first line on page one that reads like a name: letters, no mail or web address, no label. */
function firstNameLine(doc: DocumentText): VendorGuess | null {
  const candidates = doc.lines.filter((line) => line.page === doc.lines[0]?.page).slice(0, 8);
  for (const line of candidates) {
    const words = nameWords(line);
    if (words.length === 0) continue;
    return {
      value: words.map((w) => w.text).join(' '),
      evidence: { words, page: line.page },
      reliability: 0.6,
      how: 'first line of the page',
    };
  }
  return null;
}

function nameWords(line: TextLine) {
  const words = [];
  for (const word of line.words) {
    const text = word.text;
    if (/@|www\.|https?:|\d/.test(text) || STOP_WORDS.test(text.replace(/[^A-Za-z]/g, ''))) {
      if (words.length > 0) break;
      continue;
    }
    // OCR noise at the end of a heading ("N V | E"): single letters and stray marks stop the name.
    if (!/^[A-ZÁÉÍÓÚÑ][\p{L}&'.-]+,?$/u.test(text)) break;
    if (word.confidence < 40) break;
    words.push(word);
  }
  return words;
}
