import { Transform } from 'class-transformer';

// Elements whose content is code or markup, removed with it; an unclosed one runs to the end.
const ACTIVE_ELEMENTS = /<(script|style|iframe|object|embed|noscript|template|svg|math)\b[\s\S]*?(<\/\1\s*>|$)/gi;
const COMMENTS = /<!--[\s\S]*?(-->|$)/g;
// A tag starts with `<` then a letter, `/`, `!` or `?`; "a < b" is text and stays.
const TAGS = /<\/?[a-z!?][^>]*(>|$)/gi;

/**
 * Plain text from free text that a page may show (step names, error messages, key names): scripts
 * and styles with their content, comments and every tag are removed; the rest is kept verbatim
 * (no entity escaping, so "R&D" stays "R&D": pages escape on output, this is defence in depth).
 */
export function stripHtml(text: string): string {
  let previous: string;
  let current = text;
  // Repeated until stable, so removing one tag cannot assemble another ("<scr<b>ipt>").
  do {
    previous = current;
    current = current.replace(ACTIVE_ELEMENTS, '').replace(COMMENTS, '').replace(TAGS, '');
  } while (current !== previous);
  return current.trim();
}

/** DTO field decorator: strips HTML before validation (so length limits apply to what is stored). */
export const StripHtml = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? stripHtml(value) : value));
