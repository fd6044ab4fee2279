export interface Finding {
  start: number;
  end: number;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

// DNI: eight digits and the check letter; NIE: X, Y or Z, seven digits, the check letter. An
// optional space or dash before the letter, as people write them.
const DNI = /(?<![\w-])(\d{8})[ -]?([A-Za-z])(?![\w])/g;
const NIE = /(?<![\w-])([XYZxyz])[ -]?(\d{7})[ -]?([A-Za-z])(?![\w])/g;
// SSN: area-group-serial with dashes; area 000, 666 and 900-999, group 00 and serial 0000 are
// never issued (SSA), so they are not read as one.
const SSN = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])/g;
// UK National Insurance number: two prefix letters (D, F, I, Q, U, V never; O not second), six
// digits, A-D. BG, GB, KN, NK, NT, TN and ZZ prefixes are not allocated (HMRC NIM39110).
const NINO = /(?<![\w])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![\w])/g;
const NINO_UNUSED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function findSpanishIds(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(DNI)) {
    if (DNI_LETTERS[Number(m[1]) % 23] === m[2].toUpperCase()) found.push(span(m));
  }
  for (const m of text.matchAll(NIE)) {
    const number = 'XYZ'.indexOf(m[1].toUpperCase()) + m[2];
    if (DNI_LETTERS[Number(number) % 23] === m[3].toUpperCase()) found.push(span(m));
  }
  return found;
}

export function findUsSsns(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(SSN)) {
    const area = Number(m[1]);
    if (area === 0 || area === 666 || area >= 900 || m[2] === '00' || m[3] === '0000') continue;
    found.push(span(m));
  }
  return found;
}

export function findUkNinos(text: string): Finding[] {
  return [...text.matchAll(NINO)].filter((m) => !NINO_UNUSED.has(m[1])).map(span);
}

/** Card numbers: 13-19 digits (spaces or dashes between them allowed) that pass the Luhn check. */
export function findCards(text: string): Finding[] {
  const found: Finding[] = [];
  // One digit per repetition, separators optional: a run is read one way only.
  for (const m of text.matchAll(/(?<![\w-])[2-6](?:[ -]?\d){12,18}(?![\w])/g)) {
    if (luhn(m[0].replace(/\D/g, ''))) found.push(span(m));
  }
  return found;
}

/** The Luhn (mod 10) check every payment card number carries in its last digit. */
export function luhn(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function span(m: RegExpExecArray): Finding {
  return { start: m.index, end: m.index + m[0].length };
}
