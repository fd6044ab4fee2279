import type { ClassificationInput } from '../../email.types.js';
import { PATTERN_FLAGS, patternProblem } from './pattern-safety.js';
import type { PatternCheck } from './pattern-runner.js';

/** What a rule asks of an email; every condition given must hold (at least one is given). */
export interface RuleConditions {
  /** The sender's address, exactly, or a glob (`*` any run, `?` one character): `*@bank.example`. */
  from?: string;
  /** The sender's domain or a subdomain of it: `bank.example` holds for `mail.bank.example`. */
  domain?: string;
  /** A regular expression found in the subject (case-insensitive). */
  subject_pattern?: string;
  /** A regular expression found in the first BODY_PATTERN_MAX_CHARS of the text (case-insensitive). */
  body_pattern?: string;
  /** An attachment of this media type (`application/pdf`), or of this family (`image/*`). */
  has_attachment_type?: string;
}

export const CONDITION_NAMES = ['from', 'domain', 'subject_pattern', 'body_pattern', 'has_attachment_type'] as const;

/** Patterns read at most this much of the subject and the text: it bounds any backtracking. */
export const SUBJECT_PATTERN_MAX_CHARS = 1_000;
export const BODY_PATTERN_MAX_CHARS = 10_000;

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/(?:\*|[a-z0-9][a-z0-9!#$&^_.+-]{0,126})$/;
const SENDER = /^[^\s<>()[\]\\,;:"]{1,320}$/;

export interface ConditionProblems {
  /** Malformed values: a 400. */
  invalid: string[];
  /** Patterns refused for their shape: a 422. */
  unsafe: string[];
}

/** Every problem with a rule's conditions, by condition name. */
export function conditionProblems(conditions: Record<string, unknown>): ConditionProblems {
  const invalid: string[] = [];
  const unsafe: string[] = [];
  const unknown = Object.keys(conditions).filter((name) => !(CONDITION_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0)
    invalid.push(`unknown conditions ${unknown.join(', ')} (known: ${CONDITION_NAMES.join(', ')})`);
  const given = CONDITION_NAMES.filter((name) => conditions[name] !== undefined);
  if (given.length === 0) invalid.push(`a rule needs at least one condition of ${CONDITION_NAMES.join(', ')}`);
  for (const name of given) {
    const value = conditions[name];
    if (typeof value !== 'string') {
      invalid.push(`${name} must be a string`);
      continue;
    }
    if (name === 'from' && !SENDER.test(value))
      invalid.push('from must be an address or a glob such as *@bank.example');
    if (name === 'domain' && !DOMAIN.test(value.toLowerCase()))
      invalid.push('domain must be a domain name such as bank.example');
    if (name === 'has_attachment_type' && !MEDIA_TYPE.test(value.toLowerCase())) {
      invalid.push('has_attachment_type must be a media type such as application/pdf or image/*');
    }
    if (name === 'subject_pattern' || name === 'body_pattern') {
      const problem = patternProblem(value);
      if (problem) unsafe.push(`${name}: the pattern ${problem}`);
    }
  }
  return { invalid, unsafe };
}

/** A rule's conditions ready to test; built only from conditions that passed `conditionProblems`. */
export interface CompiledConditions {
  from?: string;
  domain?: string;
  subject?: RegExp;
  body?: RegExp;
  attachmentType?: string;
}

export function compileConditions(conditions: RuleConditions): CompiledConditions {
  return {
    from: conditions.from?.toLowerCase(),
    domain: conditions.domain?.toLowerCase(),
    subject:
      conditions.subject_pattern === undefined ? undefined : new RegExp(conditions.subject_pattern, PATTERN_FLAGS),
    body: conditions.body_pattern === undefined ? undefined : new RegExp(conditions.body_pattern, PATTERN_FLAGS),
    attachmentType: conditions.has_attachment_type?.toLowerCase(),
  };
}

/**
 * The conditions that need no pattern (sender, domain, attachment types): false when one fails.
 * Otherwise the pattern checks still to run, each for `owner`.
 */
export function plainConditionsHold(
  conditions: CompiledConditions,
  input: ClassificationInput,
  owner: string,
): false | PatternCheck[] {
  const sender = input.from_address?.toLowerCase() ?? '';
  if (conditions.from !== undefined && !globMatches(conditions.from, sender)) return false;
  if (conditions.domain !== undefined) {
    const domain = sender.slice(sender.lastIndexOf('@') + 1);
    if (!sender.includes('@') || (domain !== conditions.domain && !domain.endsWith(`.${conditions.domain}`)))
      return false;
  }
  if (
    conditions.attachmentType !== undefined &&
    !input.attachment_types.some((t) => typeMatches(conditions.attachmentType!, t))
  ) {
    return false;
  }
  const checks: PatternCheck[] = [];
  if (conditions.subject) {
    checks.push({
      pattern: conditions.subject,
      text: (input.subject ?? '').slice(0, SUBJECT_PATTERN_MAX_CHARS),
      owner,
    });
  }
  if (conditions.body)
    checks.push({ pattern: conditions.body, text: input.text.slice(0, BODY_PATTERN_MAX_CHARS), owner });
  return checks;
}

function typeMatches(wanted: string, actual: string): boolean {
  const type = actual.toLowerCase().split(';')[0].trim();
  return wanted.endsWith('/*') ? type.startsWith(wanted.slice(0, -1)) : type === wanted;
}

/**
 * Wildcard matching without a regular expression: greedy on `*`, going back only to the last star,
 * so it takes at most (pattern length x text length) steps whatever the input.
 */
export function globMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (g < glob.length && (glob[g] === '?' || glob[g] === text[t])) {
      g++;
      t++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      resume = t;
    } else if (star !== -1) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}
