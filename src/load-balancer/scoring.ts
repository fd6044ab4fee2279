import { ModuleHealth } from '../state/entities/index.js';
import { ExclusionReason, type RoutingCandidate, type RoutingWeights, type ScoreParts } from './routing.types.js';

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The seeds' LoadBalancerMVP score: performance_score * 0.5 + (1 - capacity_utilization) * 0.3
 * + (HEALTHY ? 1 : 0) * 0.2, with configurable weights. Inputs are clamped to 0..1 so a bad row
 * cannot push a module above a sound one.
 */
export function scoreModule(module: RoutingCandidate, weights: RoutingWeights): ScoreParts {
  const clamp = (value: number) => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  const performance = round(clamp(module.performance_score) * weights.performance);
  const capacity = round((1 - clamp(module.capacity_utilization)) * weights.capacity);
  const health = round((module.health_status === ModuleHealth.Healthy ? 1 : 0) * weights.health);
  return { performance, capacity, health, total: round(performance + capacity + health) };
}

/** Why a module may not take a robot now (empty when it may). Robot type support is the query's job. */
export function exclusionsOf(module: RoutingCandidate, now = Date.now()): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (!module.is_active) reasons.push(ExclusionReason.Inactive);
  if (module.health_status === ModuleHealth.Unhealthy) reasons.push(ExclusionReason.Unhealthy);
  if (module.capacity_utilization >= 1) reasons.push(ExclusionReason.AtCapacity);
  // Quarantined by its circuit breaker until the cool-down ends; then one probe is let through.
  if (module.breaker_state === 'OPEN' && module.breaker_until && Date.parse(module.breaker_until) > now) {
    reasons.push(ExclusionReason.Quarantined);
  }
  return reasons;
}
