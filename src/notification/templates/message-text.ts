/** What is left of a rendered message once blocks that rendered nothing are gone. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A subject is one line (RFC 5322 headers fold, but clients show the first ~100 characters). */
export function tidySubject(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim().slice(0, 250);
}

export function tidyHtml(html: string): string {
  return html.replace(/^\s*<p>\s*<\/p>\s*$/gm, '').replace(/\n{2,}/g, '\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** An email override saved without an HTML body: its text, escaped, one paragraph per line. */
export function htmlFromText(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
  const paragraphs = escaped
    .split(/\n{2,}/)
    .map((block) => `<p>${block.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n${paragraphs}\n</body></html>`;
}
