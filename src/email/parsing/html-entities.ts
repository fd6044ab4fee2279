// The named references mail actually carries (typography, currency, Latin-1 signs), not HTML's
// 2,000; accented letters are composed below. An unknown name stays as written.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  micro: 'µ',
  para: '¶',
  sect: '§',
  middot: '·',
  bull: '•',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  iexcl: '¡',
  iquest: '¿',
  ordf: 'ª',
  ordm: 'º',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  euro: '€',
  cent: '¢',
  pound: '£',
  yen: '¥',
  curren: '¤',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  oelig: 'œ',
  OElig: 'Œ',
  eth: 'ð',
  ETH: 'Ð',
  thorn: 'þ',
  THORN: 'Þ',
};

// `&aacute;`, `&Ntilde;`, `&uuml;` ...: the letter with its combining mark, composed (NFC).
const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  cedil: '\u0327',
  ring: '\u030a',
  caron: '\u030c',
};

function named(name: string): string | undefined {
  if (Object.hasOwn(NAMED, name)) return NAMED[name];
  const mark = Object.hasOwn(ACCENTS, name.slice(1)) ? ACCENTS[name.slice(1)] : undefined;
  if (mark === undefined || !/^[A-Za-z]$/.test(name.charAt(0))) return undefined;
  const letter = (name.charAt(0) + mark).normalize('NFC');
  // No precomposed letter (`&qacute;`) means no such reference.
  return letter.length === 1 ? letter : undefined;
}

// Numeric references a browser does not turn into the code point they name (HTML's "parse error"
// table): NUL and the surrogates become U+FFFD; C0/C1 controls other than whitespace are dropped.
const REPLACEMENT = '\ufffd';

/**
 * Decodes character references in one pass, so a decoded `&` never starts another reference.
 * The pattern's parts are bounded and disjoint, so it cannot backtrack badly.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g,
    (whole, dec, hex, name) => {
      if (name !== undefined) return named(name) ?? whole;
      return fromCodePoint(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16));
    },
  );
}

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return REPLACEMENT;
  if (code === 0x09 || code === 0x0a || code === 0x0d) return ' ';
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return '';
  return String.fromCodePoint(code);
}
