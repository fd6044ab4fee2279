/**
 * Words for the TF-IDF features: lower-cased runs of letters and digits (underscores kept, so a
 * `senderdomain_bank_example` token stays one word), numbers folded to their digit count (an
 * invoice number says "number", not which one), adjacent pairs as bigrams, and one token for the
 * text's length (log2 of its word count): "almost empty" is a class of its own in some mail sets.
 */
export interface TokenizerOptions {
  /** Word n-grams from 1 to this (1: unigrams only, 2: unigrams and bigrams). */
  ngrams: 1 | 2;
  /** Only the first this many characters are read: a huge body costs no more than this. */
  maxChars: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}_]*/gu;
const NUMBER = /^\p{N}+$/u;
const MAX_WORD = 40;

export function words(text: string, maxChars: number): string[] {
  const out: string[] = [];
  const source = text.length > maxChars ? text.slice(0, maxChars) : text;
  for (const match of source.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length > MAX_WORD) continue;
    out.push(NUMBER.test(word) ? `#${Math.min(word.length, 9)}` : word);
  }
  return out;
}

/** Each term with how often it occurs in the text. */
export function termCounts(text: string, options: TokenizerOptions): Map<string, number> {
  const tokens = words(text, options.maxChars);
  const counts = new Map<string, number>();
  // `#` starts no word, so the length token cannot collide with text.
  counts.set(`#words:${Math.ceil(Math.log2(tokens.length + 1))}`, 1);
  for (let i = 0; i < tokens.length; i++) {
    counts.set(tokens[i], (counts.get(tokens[i]) ?? 0) + 1);
    if (options.ngrams === 2 && i + 1 < tokens.length) {
      const bigram = `${tokens[i]} ${tokens[i + 1]}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
  }
  return counts;
}
