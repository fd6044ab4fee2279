import { describe, expect, it } from '@jest/globals';
import type { ClassificationInput } from '../../email.types.js';
import { PatternRunner } from './pattern-runner.js';
import { conditionProblems, globMatches } from './rule-conditions.js';
import { type RuleDefinition, RuleSet } from './rule-set.js';

const email = (over: Partial<ClassificationInput> = {}): ClassificationInput => ({
  subject: 'Invoice 2024-17 for October',
  from_address: 'billing@mail.bank.example',
  text: 'Dear customer, the amount due is 120.00 EUR.',
  attachment_types: ['application/pdf'],
  attachment_names: ['invoice.pdf'],
  ...over,
});

let id = 0;
const rule = (conditions: RuleDefinition['conditions'], over: Partial<RuleDefinition> = {}): RuleDefinition => ({
  rule_id: `r${++id}`,
  name: `rule ${id}`,
  position: 100,
  conditions,
  class_name: 'invoice',
  mode: 'override',
  ...over,
});

const runner = new PatternRunner(50);
const holds = (conditions: RuleDefinition['conditions'], input = email()) =>
  new RuleSet([rule(conditions)], runner).match(input).override !== null;

describe('rule conditions', () => {
  it('from: the exact address, case-insensitive, or a glob', () => {
    expect(holds({ from: 'Billing@Mail.Bank.Example' })).toBe(true);
    expect(holds({ from: 'billing@bank.example' })).toBe(false);
    expect(holds({ from: '*@mail.bank.example' })).toBe(true);
    expect(holds({ from: '*@bank.example' })).toBe(false);
    expect(holds({ from: '*@*bank.example' })).toBe(true);
    expect(holds({ from: 'billin?@*' })).toBe(true);
    expect(holds({ from: '*@mail.bank.example' }, email({ from_address: null }))).toBe(false);
  });

  it('domain: the domain or any subdomain of it, not a look-alike', () => {
    expect(holds({ domain: 'bank.example' })).toBe(true);
    expect(holds({ domain: 'mail.bank.example' })).toBe(true);
    expect(holds({ domain: 'ank.example' })).toBe(false);
    expect(holds({ domain: 'bank.example' }, email({ from_address: 'x@evilbank.example' }))).toBe(false);
  });

  it('subject_pattern and body_pattern: found anywhere, case-insensitive', () => {
    expect(holds({ subject_pattern: '^invoice \\d{4}-\\d+' })).toBe(true);
    expect(holds({ subject_pattern: 'receipt' })).toBe(false);
    expect(holds({ body_pattern: 'AMOUNT DUE is \\d+' })).toBe(true);
    expect(holds({ body_pattern: 'overdue' })).toBe(false);
    expect(holds({ subject_pattern: 'x' }, email({ subject: null }))).toBe(false);
  });

  it('body_pattern reads only the first 10,000 characters', () => {
    expect(holds({ body_pattern: 'needle' }, email({ text: `${'hay '.repeat(2_600)}needle` }))).toBe(false);
    expect(holds({ body_pattern: 'needle' }, email({ text: `${'hay '.repeat(2_000)}needle` }))).toBe(true);
  });

  it('has_attachment_type: the type, or its family with /*', () => {
    expect(holds({ has_attachment_type: 'application/pdf' })).toBe(true);
    expect(holds({ has_attachment_type: 'image/*' })).toBe(false);
    expect(holds({ has_attachment_type: 'image/*' }, email({ attachment_types: ['image/png'] }))).toBe(true);
    expect(holds({ has_attachment_type: 'application/pdf' }, email({ attachment_types: [] }))).toBe(false);
  });

  it('holds only when every condition given holds', () => {
    expect(holds({ domain: 'bank.example', has_attachment_type: 'application/pdf', subject_pattern: 'invoice' })).toBe(
      true,
    );
    expect(holds({ domain: 'bank.example', has_attachment_type: 'application/pdf', subject_pattern: 'receipt' })).toBe(
      false,
    );
    expect(holds({ domain: 'other.example', subject_pattern: 'invoice' })).toBe(false);
  });

  it('refuses no condition, unknown ones, malformed values (invalid) and unsafe patterns (unsafe)', () => {
    expect(conditionProblems({}).invalid[0]).toContain('at least one condition');
    expect(conditionProblems({ sender: 'x' }).invalid[0]).toContain('unknown conditions sender');
    expect(conditionProblems({ domain: 'not a domain' }).invalid[0]).toContain('domain must be');
    expect(conditionProblems({ has_attachment_type: 'pdf' }).invalid[0]).toContain('media type');
    expect(conditionProblems({ from: 'a b@c' }).invalid[0]).toContain('from must be');
    expect(conditionProblems({ body_pattern: '(a+)+' }).unsafe[0]).toContain('body_pattern: the pattern nests');
    expect(conditionProblems({ subject_pattern: '[' }).unsafe[0]).toContain(
      'subject_pattern: the pattern is not a valid',
    );
    expect(conditionProblems({ from: '*@bank.example', body_pattern: 'due' })).toEqual({ invalid: [], unsafe: [] });
  });
});

describe('globMatches', () => {
  it('matches * and ? in linear steps, even on a hostile input', () => {
    expect(globMatches('a*b*c', 'axxbyyc')).toBe(true);
    expect(globMatches('a*b*c', 'axxbyy')).toBe(false);
    expect(globMatches('*', '')).toBe(true);
    const started = performance.now();
    expect(globMatches('*a*a*a*a*a*a*b', 'a'.repeat(320))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('rule precedence', () => {
  it('consults rules by position, the first that holds of each mode decides', () => {
    const set = new RuleSet(
      [
        rule({ domain: 'bank.example' }, { name: 'later', position: 20, class_name: 'bank' }),
        rule({ has_attachment_type: 'application/pdf' }, { name: 'first', position: 10, class_name: 'pdf' }),
        rule({ subject_pattern: 'invoice' }, { name: 'fallback', position: 1, class_name: 'maybe', mode: 'fallback' }),
        rule({ subject_pattern: 'nothing' }, { name: 'fallback 2', position: 0, class_name: 'no', mode: 'fallback' }),
      ],
      runner,
    );
    const matches = set.match(email());
    expect(matches.override?.name).toBe('first');
    expect(matches.fallback?.name).toBe('fallback');
    expect(set.match(email({ attachment_types: [] })).override?.name).toBe('later');
  });
});
