import type { Classification, ClassificationInput } from '../../email.types.js';
import { type CompiledModel, predict } from '../model/classifier-model.js';
import type { RuleDefinition, RuleSet } from '../rules/rule-set.js';

export interface ClassRoute {
  robot_type: string | null;
  priority: string;
  min_confidence: number;
}

/** Everything a decision reads, loaded once per revision (ClassifierState). */
export interface DecisionContext {
  model: { version: number; compiled: CompiledModel } | null;
  rules: RuleSet;
  classes: ReadonlyMap<string, ClassRoute>;
  /** EMAIL_MIN_CONFIDENCE: the threshold of a class with no route of its own. */
  defaultThreshold: number;
}

export type Decision = Omit<Classification, 'cached'>;

const round = (value: number) => Number(value.toFixed(6));

/**
 * One email's class. In order: the first override rule that holds decides; else the model, when
 * it is at least as confident as the class's threshold; else the first fallback rule that holds;
 * else the model's best guess goes to review (or, with no model, nothing: a person decides).
 */
export function decide(context: DecisionContext, input: ClassificationInput, features: () => string): Decision {
  const probabilities = context.model ? predict(context.model.compiled, features()) : {};
  let best: { name: string; p: number } | null = null;
  for (const [name, p] of Object.entries(probabilities)) if (!best || p > best.p) best = { name, p };
  const thresholdOf = (name: string) => context.classes.get(name)?.min_confidence ?? context.defaultThreshold;
  const matches = context.rules.match(input);
  const base = {
    probabilities: Object.fromEntries(Object.entries(probabilities).map(([name, p]) => [name, round(p)])),
    model_version: context.model?.version ?? null,
  };
  const byRule = (rule: RuleDefinition) =>
    finish(
      context,
      { ...base, class_name: rule.class_name, confidence: 1, decided_by: 'rule', rule: refOf(rule) },
      thresholdOf,
    );

  if (matches.override) return byRule(matches.override);
  if (best && best.p >= thresholdOf(best.name)) {
    return finish(
      context,
      { ...base, class_name: best.name, confidence: round(best.p), decided_by: 'model', rule: null },
      thresholdOf,
    );
  }
  if (matches.fallback) return byRule(matches.fallback);
  if (best) {
    return finish(
      context,
      { ...base, class_name: best.name, confidence: round(best.p), decided_by: 'model', rule: null },
      thresholdOf,
    );
  }
  return finish(context, { ...base, class_name: null, confidence: 0, decided_by: 'none', rule: null }, thresholdOf);
}

function finish(
  context: DecisionContext,
  decision: Omit<Decision, 'threshold' | 'needs_review' | 'route'>,
  thresholdOf: (name: string) => number,
): Decision {
  const name = decision.class_name;
  const threshold = name === null ? context.defaultThreshold : thresholdOf(name);
  const route = name === null ? undefined : context.classes.get(name);
  return {
    ...decision,
    threshold,
    needs_review: name === null || decision.confidence < threshold,
    route: route ? { robot_type: route.robot_type, priority: route.priority } : null,
  };
}

function refOf(rule: RuleDefinition): Decision['rule'] {
  return { rule_id: rule.rule_id, name: rule.name, mode: rule.mode };
}
