import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ClassificationInput } from '../../email.types.js';
import { featuresOf } from '../features.js';
import { compile, type CompiledModel, train } from '../model/classifier-model.js';
import { PatternRunner } from '../rules/pattern-runner.js';
import { type RuleDefinition, RuleSet } from '../rules/rule-set.js';
import { type ClassRoute, decide, type DecisionContext } from './decide.js';

const email = (text: string, over: Partial<ClassificationInput> = {}): ClassificationInput => ({
  subject: null,
  from_address: 'someone@example.com',
  text,
  attachment_types: [],
  attachment_names: [],
  ...over,
});

const runner = new PatternRunner(50);
const rule = (name: string, over: Partial<RuleDefinition>): RuleDefinition => ({
  rule_id: `id-${name}`,
  name,
  position: 100,
  conditions: { domain: 'bank.example' },
  class_name: 'invoice',
  mode: 'override',
  ...over,
});

describe('decide', () => {
  let compiled: CompiledModel;
  const routes = new Map<string, ClassRoute>([
    ['invoice', { robot_type: 'invoice_processing', priority: 'HIGH', min_confidence: 0.7 }],
    ['spam', { robot_type: null, priority: 'LOW', min_confidence: 0.5 }],
  ]);
  const context = (over: Partial<DecisionContext> = {}): DecisionContext => ({
    model: { version: 3, compiled },
    rules: new RuleSet([], runner),
    classes: routes,
    defaultThreshold: 0.6,
    ...over,
  });
  const run = (ctx: DecisionContext, input: ClassificationInput) => decide(ctx, input, () => featuresOf(input));

  beforeAll(async () => {
    const texts: Record<string, string[]> = {
      invoice: ['invoice attached amount due', 'payment of the invoice total', 'your invoice and amount due'],
      spam: ['win a free prize now', 'free lottery winner click', 'claim your free prize winner'],
      meeting: ['meeting agenda tomorrow', 'agenda for the meeting room', 'tomorrow meeting minutes agenda'],
    };
    const examples = Object.entries(texts).flatMap(([label, list]) =>
      [1, 2, 3].flatMap(() => list.map((text) => ({ label, features: featuresOf(email(text)) }))),
    );
    compiled = compile(await train(examples));
  });

  it('lets a confident model decide, with its route and every probability', () => {
    const result = run(context(), email('invoice amount due total'));
    expect(result).toMatchObject({
      class_name: 'invoice',
      decided_by: 'model',
      rule: null,
      model_version: 3,
      threshold: 0.7,
      needs_review: false,
      route: { robot_type: 'invoice_processing', priority: 'HIGH' },
    });
    expect(Object.keys(result.probabilities).sort()).toEqual(['invoice', 'meeting', 'spam']);
    expect(result.confidence).toBe(result.probabilities.invoice);
  });

  it('uses EMAIL_MIN_CONFIDENCE and no route for a class without one', () => {
    const result = run(context(), email('meeting agenda tomorrow room'));
    expect(result).toMatchObject({ class_name: 'meeting', threshold: 0.6, route: null });
  });

  it('lets an override rule decide whatever the model says', () => {
    const rules = new RuleSet([rule('bank', { class_name: 'spam' })], runner);
    const result = run(context({ rules }), email('invoice amount due total', { from_address: 'x@bank.example' }));
    expect(result).toMatchObject({
      class_name: 'spam',
      confidence: 1,
      decided_by: 'rule',
      rule: { rule_id: 'id-bank', name: 'bank', mode: 'override' },
      needs_review: false,
      route: { robot_type: null, priority: 'LOW' },
    });
    expect(result.probabilities.invoice).toBeGreaterThan(0.5);
  });

  it('consults a fallback rule only when the model is unsure', () => {
    const rules = new RuleSet([rule('fallback', { mode: 'fallback', class_name: 'spam' })], runner);
    const sure = run(context({ rules }), email('invoice amount due total', { from_address: 'x@bank.example' }));
    expect(sure).toMatchObject({ class_name: 'invoice', decided_by: 'model' });
    const unsure = run(context({ rules }), email('zebra saxophone', { from_address: 'x@bank.example' }));
    expect(unsure).toMatchObject({ class_name: 'spam', decided_by: 'rule', rule: { mode: 'fallback' } });
  });

  it("sends the model's unsure best guess to review when no rule holds", () => {
    const result = run(context(), email('zebra saxophone'));
    expect(result.decided_by).toBe('model');
    expect(result.needs_review).toBe(true);
    expect(result.confidence).toBeLessThan(result.threshold);
  });

  it('decides nothing without a model and a rule, and a fallback rule decides without a model', () => {
    const none = run(context({ model: null }), email('invoice'));
    expect(none).toMatchObject({
      class_name: null,
      confidence: 0,
      probabilities: {},
      decided_by: 'none',
      model_version: null,
      threshold: 0.6,
      needs_review: true,
      route: null,
    });
    const rules = new RuleSet([rule('fallback', { mode: 'fallback' })], runner);
    expect(run(context({ model: null, rules }), email('x', { from_address: 'a@bank.example' }))).toMatchObject({
      class_name: 'invoice',
      decided_by: 'rule',
      needs_review: false,
    });
  });
});
