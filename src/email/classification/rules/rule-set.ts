import type { ClassificationInput } from '../../email.types.js';
import {
  type CompiledConditions,
  compileConditions,
  plainConditionsHold,
  type RuleConditions,
} from './rule-conditions.js';
import type { PatternCheck, PatternRunner } from './pattern-runner.js';

export type RuleMode = 'override' | 'fallback';

export interface RuleDefinition {
  rule_id: string;
  name: string;
  position: number;
  conditions: RuleConditions;
  class_name: string;
  mode: RuleMode;
}

interface CompiledRule extends RuleDefinition {
  compiled: CompiledConditions;
}

/** The first rule of each mode whose conditions all hold, in position order. */
export interface RuleMatches {
  override: RuleDefinition | null;
  fallback: RuleDefinition | null;
}

/**
 * The enabled rules, in the order they are consulted (position, then name). Sender, domain and
 * attachment conditions are tested first; the patterns of the rules still standing then run in
 * one time-bounded batch.
 */
export class RuleSet {
  private readonly rules: CompiledRule[];

  constructor(
    rules: readonly RuleDefinition[],
    private readonly runner: PatternRunner,
  ) {
    this.rules = [...rules]
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map((rule) => ({ ...rule, compiled: compileConditions(rule.conditions) }));
  }

  get size(): number {
    return this.rules.length;
  }

  match(input: ClassificationInput): RuleMatches {
    const candidates: Array<{ rule: CompiledRule; checks: PatternCheck[] }> = [];
    for (const rule of this.rules) {
      const checks = plainConditionsHold(rule.compiled, input, rule.rule_id);
      if (checks) candidates.push({ rule, checks });
    }
    const results = this.runner.test(candidates.flatMap((c) => c.checks));
    const matches: RuleMatches = { override: null, fallback: null };
    let next = 0;
    for (const { rule, checks } of candidates) {
      const holds = results.slice(next, next + checks.length).every(Boolean);
      next += checks.length;
      if (holds && matches[rule.mode] === null) matches[rule.mode] = definition(rule);
    }
    return matches;
  }
}

function definition({ compiled: _compiled, ...rule }: CompiledRule): RuleDefinition {
  return rule;
}
