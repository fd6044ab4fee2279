// The local part, `@`, then dot-separated labels: each repeated label starts with a dot, which a
// label cannot contain, so there is one way to read a run. Bounded like RFC 5321's limits.
export const EMAIL_PATTERN = /(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const MAX_EMAILS = 100;

export interface EmailMatch {
  start: number;
  end: number;
  email: string;
}

/** Email addresses written in the text, lower-cased; a trailing dot or dash belongs to the sentence. */
export function findEmails(text: string, limit = MAX_EMAILS): EmailMatch[] {
  const found: EmailMatch[] = [];
  for (const m of text.matchAll(EMAIL_PATTERN)) {
    const email = m[0].replace(/[.-]+$/, '');
    // A top-level domain is letters: `a@b.c1` is a version string or an id, not an address.
    if (!/\.[A-Za-z]{2,63}$/.test(email)) continue;
    found.push({ start: m.index, end: m.index + email.length, email: email.toLowerCase() });
    if (found.length >= limit) break;
  }
  return found;
}
