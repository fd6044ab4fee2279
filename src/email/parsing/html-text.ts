import { decodeEntities } from './html-entities.js';

// Elements whose content is never text a reader sees: code, styling, metadata, drawings, and the
// Office `<xml>` blocks Outlook puts in every message.
// `head` is not among them: its end tag is often missing, and a browser closes it at `<body>`.
const DROPPED_ELEMENTS = new Set('script style template title svg math xml iframe object'.split(' '));

// Elements that start a new line where a browser would break one.
const BLOCK_ELEMENTS = new Set(
  (
    'address article aside blockquote br caption dd div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody tfoot thead tr ul'
  ).split(' '),
);
const CELL_ELEMENTS = new Set(['td', 'th']);

/**
 * Reduces an HTML body to plain text a person reads: scripts, styles and comments dropped with
 * their content, every tag removed (attributes and their `on*` handlers with it), entities decoded
 * once (so `&amp;lt;` stays `&lt;`), whitespace collapsed the way a browser collapses it, one line
 * per block. One linear pass with no backtracking regular expression, so hostile markup (unclosed
 * comments, quotes that never end, deep nesting) costs the same as its length.
 *
 * Written here rather than taken from `html-to-text`: that one is only a transitive dependency of
 * mailparser, and keeps link targets and image alt text we do not want in a classifier's input.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) out.push(textOf(html.slice(i, textEnd)));
    if (lt < 0) break;
    i = skipMarkup(html, lt, out);
  }
  return tidy(out.join(''));
}

/** Consumes the markup at `lt` (a `<`), appends what it stands for, and answers where text resumes. */
function skipMarkup(html: string, lt: number, out: string[]): number {
  if (html.startsWith('<!--', lt)) return endAfter(html, '-->', lt + 4);
  if (html.startsWith('<![CDATA[', lt)) return endAfter(html, ']]>', lt + 9);
  const next = html.charAt(lt + 1);
  if (next === '!' || next === '?') return endAfter(html, '>', lt + 2);
  const closing = next === '/';
  const nameStart = closing ? lt + 2 : lt + 1;
  let nameEnd = nameStart;
  while (nameEnd < html.length && /[A-Za-z0-9:-]/.test(html.charAt(nameEnd))) nameEnd++;
  if (nameEnd === nameStart || !/[A-Za-z]/.test(html.charAt(nameStart))) {
    // A `<` that starts no tag ("a < b") is text, as a browser shows it.
    out.push('<');
    return lt + 1;
  }
  const name = html.slice(nameStart, nameEnd).toLowerCase();
  const tagEnd = endOfTag(html, nameEnd);
  if (!closing && DROPPED_ELEMENTS.has(name)) return endOfElement(html, name, tagEnd);
  if (BLOCK_ELEMENTS.has(name)) out.push('\n');
  else if (CELL_ELEMENTS.has(name)) out.push(' ');
  return tagEnd;
}

/**
 * The position after the `>` that ends a tag, skipping `>` inside quoted attribute values. A quote
 * opens a value only after `=`, as in a browser (`<p class=a'b>` has no quoted value).
 */
function endOfTag(html: string, from: number): number {
  let quote = '';
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html.charAt(i);
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '>') {
      return i + 1;
    } else if ((c === '"' || c === "'") && afterEquals) {
      quote = c;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      afterEquals = c === '=';
    }
  }
  // A tag that never closes swallows the rest, as a browser does: none of it is text.
  return html.length;
}

/** Skips a dropped element's content up to and past its end tag (or to the end when it has none). */
function endOfElement(html: string, name: string, from: number): number {
  const end = new RegExp(`</${name}[\\s/>]`, 'gi');
  end.lastIndex = from;
  const match = end.exec(html);
  return match === null ? html.length : endOfTag(html, match.index + 2 + name.length);
}

function endAfter(html: string, marker: string, from: number): number {
  const at = html.indexOf(marker, from);
  return at < 0 ? html.length : at + marker.length;
}

/** A text run as a browser renders it: whitespace runs are one space, entities decoded. */
function textOf(raw: string): string {
  return decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' '));
}

function tidy(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
