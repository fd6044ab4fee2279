// The closing lines that open a signature, in English and Spanish, alone on their line.
const CLOSING =
  /^(?:(?:best|kind|warm|many thanks and)? ?regards|best(?: wishes)?|thanks(?: again| a lot)?|thank you|cheers|sincerely(?: yours)?|yours(?: sincerely| truly| faithfully)?|cordially|(?:un )?(?:cordial )?saludos?(?: cordiales)?|un abrazo|atentamente|cordialmente|(?:muchas )?gracias|besos)[,.!]?$/i;
// A name: two to four words, each capitalised (initials like "J." allowed), with Spanish and
// Dutch particles between them ("María de la Cruz", "Jan van Dijk").
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’-]*\.?`;
const PARTICLE = String.raw`(?:de|del|la|las|los|y|da|van|von|der|di|le)`;
const NAME = new RegExp(String.raw`^${NAME_WORD}(?: (?:${PARTICLE} ){0,2}${NAME_WORD}){1,3}$`, 'u');
// A signature is near a closing: the name is on the closing's line or one of the next two.
const LINES_AFTER = 2;

/**
 * The sender's name from the first signature block (the top message of a thread; quoted lines are
 * not read): the line after "Regards,", "Saludos," ... when it is a name of 2-4 capitalised words.
 */
export function signatureName(text: string): string | null {
  const lines = text.split('\n').map((line) => line.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('>')) continue;
    const inline = /^([^,]{2,40}),\s*(.+)$/.exec(line);
    if (inline !== null && CLOSING.test(inline[1]) && isName(inline[2])) return inline[2];
    if (!CLOSING.test(line)) continue;
    let seen = 0;
    for (let j = i + 1; j < lines.length && seen < LINES_AFTER; j++) {
      if (lines[j] === '' || lines[j] === '--') continue;
      seen++;
      if (isName(lines[j])) return lines[j];
    }
  }
  return null;
}

function isName(line: string): boolean {
  return line.length <= 80 && NAME.test(line);
}
