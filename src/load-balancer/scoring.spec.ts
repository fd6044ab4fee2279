import { describe, expect, it } from '@jest/globals';
import { RoutingStrategy } from '../core/config/environment.js';
import { ModuleHealth } from '../state/entities/index.js';
import { ExclusionReason, type CandidateExplanation, type RoutingCandidate } from './routing.types.js';
import { exclusionsOf, scoreModule } from './scoring.js';
import { strategyFor } from './strategies.js';

const SEEDS = { performance: 0.5, capacity: 0.3, health: 0.2 };

const module = (overrides: Partial<RoutingCandidate>): RoutingCandidate => ({
  module_name: 'M',
  module_version: '1',
  is_active: true,
  health_status: ModuleHealth.Healthy,
  performance_score: 1,
  capacity_utilization: 0,
  max_concurrent_robots: 10,
  breaker_state: 'CLOSED',
  breaker_until: null,
  ...overrides,
});

describe('scoreModule (seeds: select_best_module_simple)', () => {
  // score = performance_score * 0.5 + (1 - capacity_utilization) * 0.3 + (HEALTHY ? 1 : 0) * 0.2
  it.each([
    [1.0, 0.0, ModuleHealth.Healthy, { performance: 0.5, capacity: 0.3, health: 0.2, total: 1.0 }],
    [0.9, 0.2, ModuleHealth.Healthy, { performance: 0.45, capacity: 0.24, health: 0.2, total: 0.89 }],
    [1.0, 0.9, ModuleHealth.Degraded, { performance: 0.5, capacity: 0.03, health: 0, total: 0.53 }],
    [0.6, 0.5, ModuleHealth.Unknown, { performance: 0.3, capacity: 0.15, health: 0, total: 0.45 }],
    [0.0, 1.0, ModuleHealth.Healthy, { performance: 0, capacity: 0, health: 0.2, total: 0.2 }],
  ])('performance %f, utilisation %f, %s', (performance_score, capacity_utilization, health_status, expected) => {
    expect(scoreModule(module({ performance_score, capacity_utilization, health_status }), SEEDS)).toEqual(expected);
  });

  it('uses configured weights', () => {
    expect(
      scoreModule(module({ performance_score: 0.8, capacity_utilization: 0.5 }), {
        performance: 0.2,
        capacity: 0.6,
        health: 0.2,
      }),
    ).toEqual({ performance: 0.16, capacity: 0.3, health: 0.2, total: 0.66 });
  });

  it('clamps out-of-range figures instead of trusting them', () => {
    expect(scoreModule(module({ performance_score: 7, capacity_utilization: -3 }), SEEDS).total).toBe(1);
    expect(scoreModule(module({ performance_score: Number.NaN }), SEEDS).performance).toBe(0);
  });
});

describe('exclusionsOf', () => {
  it('excludes a quarantined module until its cool-down ends, then lets it probe', () => {
    const now = Date.parse('2026-11-22T00:00:00Z');
    const quarantined = module({ breaker_state: 'OPEN', breaker_until: '2026-11-22T00:01:00Z' });
    expect(exclusionsOf(quarantined, now)).toEqual([ExclusionReason.Quarantined]);
    expect(exclusionsOf(quarantined, now + 61_000)).toEqual([]);
    expect(exclusionsOf(module({ breaker_state: 'HALF_OPEN' }), now)).toEqual([]);
  });

  it('excludes inactive, unhealthy and full modules, each with its reason', () => {
    expect(exclusionsOf(module({}))).toEqual([]);
    expect(exclusionsOf(module({ health_status: ModuleHealth.Degraded, capacity_utilization: 0.99 }))).toEqual([]);
    expect(
      exclusionsOf(module({ is_active: false, health_status: ModuleHealth.Unhealthy, capacity_utilization: 1 })),
    ).toEqual([ExclusionReason.Inactive, ExclusionReason.Unhealthy, ExclusionReason.AtCapacity]);
  });
});

const candidate = (module_name: string, total: number, capacity_utilization = 0): CandidateExplanation => ({
  module_name,
  module_version: '1',
  health_status: ModuleHealth.Healthy,
  performance_score: 1,
  capacity_utilization,
  eligible: true,
  excluded_because: [],
  score: { performance: 0, capacity: 0, health: 0, total },
});

describe('strategies', () => {
  it('weighted picks the best score, ties by name', () => {
    const pick = strategyFor(RoutingStrategy.Weighted);
    expect(pick.pick('t', [candidate('B', 0.7), candidate('A', 0.9), candidate('C', 0.8)]).module_name).toBe('A');
    expect(pick.pick('t', [candidate('B', 0.9), candidate('A', 0.9)]).module_name).toBe('A');
  });

  it('least-connections picks the least utilised', () => {
    const pick = strategyFor(RoutingStrategy.LeastConnections);
    expect(pick.pick('t', [candidate('A', 0.9, 0.7), candidate('B', 0.1, 0.2)]).module_name).toBe('B');
  });

  it('weighted round-robin spreads picks in proportion to score, interleaved', () => {
    const pick = strategyFor(RoutingStrategy.WeightedRoundRobin);
    const eligible = [candidate('A', 0.75), candidate('B', 0.25)];
    const picks = Array.from({ length: 8 }, () => pick.pick('t', eligible).module_name);
    expect(picks.filter((name) => name === 'A')).toHaveLength(6);
    expect(picks.join('')).not.toMatch(/AAAA/);
    // Another robot type keeps its own rotation.
    expect(pick.pick('other', [candidate('C', 0.5)]).module_name).toBe('C');
  });
});
