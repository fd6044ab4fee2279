/**
 * Rule patterns are user input run on every email, so a pattern that backtracks without bound
 * would stall intake (ReDoS). JavaScript has no linear-time engine without a native add-on (RE2);
 * the guards instead, at write time:
 * - at most MAX_PATTERN_LENGTH characters, and it compiles (Unicode mode, case-insensitive);
 * - no quantified group that holds a quantifier (`(a+)+`), no repeated alternation (`(a|ab)*`),
 *   no backreference: the shapes that make backtracking exponential;
 * - at most MAX_UNBOUNDED unbounded quantifiers: `.*a.*b.*c` is polynomial of a high degree.
 * What is left (a quadratic `.*x` on one very long line) is bounded at run time: patterns read at
 * most the first BODY_PATTERN_MAX_CHARS of the text and run under a time budget (PatternRunner).
 */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_UNBOUNDED = 3;
export const PATTERN_FLAGS = 'iu';

interface Group {
  /** A quantifier that repeats (max > 1) occurs inside. */
  repeats: boolean;
  alternation: boolean;
}

/** Why a pattern is refused, or null when it is accepted. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'is empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, PATTERN_FLAGS);
  } catch {
    return 'is not a valid regular expression';
  }
  return shapeProblem(pattern);
}

function shapeProblem(pattern: string): string | null {
  const open: Group[] = [{ repeats: false, alternation: false }];
  // The atom a quantifier would apply to: a group just closed, a plain atom, or nothing.
  let last: Group | 'atom' | null = null;
  let unbounded = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return 'uses a backreference, which can backtrack without bound';
      i = escapeEnd(pattern, i);
      last = 'atom';
    } else if (char === '[') {
      i = classEnd(pattern, i);
      last = 'atom';
    } else if (char === '(') {
      open.push({ repeats: false, alternation: false });
      if (pattern[i + 1] === '?') i += pattern[i + 2] === '<' && /[=!]/.test(pattern[i + 3] ?? '') ? 3 : 2;
      last = null;
    } else if (char === ')') {
      const group = open.pop()!;
      if (group.repeats) open[open.length - 1].repeats = true;
      last = group;
    } else if (char === '|') {
      open[open.length - 1].alternation = true;
      last = null;
    } else {
      const quantifier = quantifierAt(pattern, i);
      if (!quantifier) {
        last = 'atom';
        continue;
      }
      if (quantifier.repeats && last !== null && last !== 'atom') {
        if (last.repeats) return 'nests a quantifier inside a quantified group (catastrophic backtracking)';
        if (last.alternation) return 'repeats an alternation (catastrophic backtracking)';
      }
      if (quantifier.repeats) open[open.length - 1].repeats = true;
      if (quantifier.unbounded && ++unbounded > MAX_UNBOUNDED) {
        return `has more than ${MAX_UNBOUNDED} unbounded quantifiers (* + {n,}), which backtrack polynomially`;
      }
      i = quantifier.end + (pattern[quantifier.end + 1] === '?' ? 1 : 0);
      last = null;
    }
  }
  return null;
}

/** The last index of the escape at `i` (`\u{...}`, `\p{...}`, `\x41` and the like span several). */
function escapeEnd(pattern: string, i: number): number {
  const next = pattern[i + 1];
  if ((next === 'u' || next === 'p' || next === 'P') && pattern[i + 2] === '{') {
    const close = pattern.indexOf('}', i + 3);
    return close === -1 ? pattern.length : close;
  }
  return i + 1;
}

function classEnd(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i = escapeEnd(pattern, i);
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}

function quantifierAt(pattern: string, i: number): { repeats: boolean; unbounded: boolean; end: number } | null {
  const char = pattern[i];
  if (char === '*' || char === '+') return { repeats: true, unbounded: true, end: i };
  if (char === '?') return { repeats: false, unbounded: false, end: i };
  if (char !== '{') return null;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (!match) return null;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  // A large bounded repeat backtracks like an unbounded one.
  return { repeats: max > 1, unbounded: max > 20, end: i + match[0].length - 1 };
}
