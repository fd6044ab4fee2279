/**
 * Template patterns are user input run against every matching document, so a pattern that
 * backtracks exponentially would stall extraction (ReDoS). JavaScript has no linear-time engine
 * without a native add-on (RE2), so two guards instead:
 * 1. Refusal at write time of what makes backtracking exponential: a quantified group that holds
 *    a quantifier (`(a+)+`, `(\s*x)*`), a quantified alternation (`(a|ab)*`), backreferences;
 *    plus a length bound and a compile check.
 * 2. At run time every template pattern executes under a time limit (`SafeRegexRunner`), which
 *    bounds what the static rules cannot see (polynomial cases such as `.*.*.*x`).
 */
export const MAX_PATTERN_LENGTH = 300;

interface Frame {
  unbounded: boolean;
  alternation: boolean;
}

/** Why a pattern is refused, or null when it is accepted. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'is empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'dmu');
  } catch {
    return 'is not a valid regular expression';
  }
  return backtrackingProblem(pattern);
}

function backtrackingProblem(pattern: string): string | null {
  const stack: Frame[] = [{ unbounded: false, alternation: false }];
  // What the last atom was: a closed group (with what it held), or a plain atom.
  let last: Frame | 'atom' | null = null;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'uses a backreference, which can backtrack without bound';
      i += 1;
      last = 'atom';
      continue;
    }
    if (char === '[') {
      i = endOfClass(pattern, i);
      last = 'atom';
      continue;
    }
    if (char === '(') {
      stack.push({ unbounded: false, alternation: false });
      if (pattern[i + 1] === '?') i += pattern[i + 2] === '<' && /[=!]/.test(pattern[i + 3]) ? 3 : 2;
      last = null;
      continue;
    }
    if (char === ')') {
      const frame = stack.pop();
      if (!frame || stack.length === 0) return 'has unbalanced parentheses';
      last = frame;
      continue;
    }
    if (char === '|') {
      stack[stack.length - 1].alternation = true;
      last = null;
      continue;
    }
    const quantifier = quantifierAt(pattern, i);
    if (quantifier) {
      if (quantifier.repeats && last && last !== 'atom') {
        if (last.unbounded) return 'nests a quantifier inside a quantified group (catastrophic backtracking)';
        if (last.alternation && quantifier.unbounded)
          return 'repeats an alternation without bound (catastrophic backtracking)';
      }
      if (quantifier.unbounded || (last && last !== 'atom' && last.unbounded)) stack[stack.length - 1].unbounded = true;
      i = quantifier.end;
      if (pattern[i + 1] === '?') i += 1;
      last = null;
      continue;
    }
    last = 'atom';
  }
  return null;
}

function endOfClass(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}

/** A quantifier at `i`: whether it repeats (max > 1) and whether without bound, and where it ends. */
function quantifierAt(pattern: string, i: number): { repeats: boolean; unbounded: boolean; end: number } | null {
  const char = pattern[i];
  if (char === '*' || char === '+') return { repeats: true, unbounded: true, end: i };
  if (char === '?') return { repeats: false, unbounded: false, end: i };
  if (char !== '{') return null;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!match) return null;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  // A large bounded repeat backtracks like an unbounded one.
  return { repeats: max > 1, unbounded: max > 20, end: i + match[0].length - 1 };
}
