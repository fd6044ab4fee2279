import { RoutingStrategy } from '../core/config/environment.js';
import type { CandidateExplanation } from './routing.types.js';

/** Picks one of the eligible candidates (never empty), or says none. */
export interface SelectionStrategy {
  readonly name: RoutingStrategy;
  pick(robotType: string, eligible: CandidateExplanation[]): CandidateExplanation;
}

/** Ties go to the module with the lower name, so a decision is reproducible. */
const byName = (a: CandidateExplanation, b: CandidateExplanation) => a.module_name.localeCompare(b.module_name);

/** The seeds' choice: the highest weighted score. */
export class WeightedScoreStrategy implements SelectionStrategy {
  readonly name = RoutingStrategy.Weighted;

  pick(_robotType: string, eligible: CandidateExplanation[]): CandidateExplanation {
    return [...eligible].sort((a, b) => b.score.total - a.score.total || byName(a, b))[0];
  }
}

/** The lowest capacity utilisation: spreads work evenly regardless of measured performance. */
export class LeastConnectionsStrategy implements SelectionStrategy {
  readonly name = RoutingStrategy.LeastConnections;

  pick(_robotType: string, eligible: CandidateExplanation[]): CandidateExplanation {
    return [...eligible].sort((a, b) => a.capacity_utilization - b.capacity_utilization || byName(a, b))[0];
  }
}

/**
 * Smooth weighted round-robin (nginx's algorithm) with the score as weight: every module gets
 * work in proportion to its score, interleaved rather than in bursts. The rotation state is per
 * instance; with several instances each spreads its own share the same way.
 */
export class WeightedRoundRobinStrategy implements SelectionStrategy {
  readonly name = RoutingStrategy.WeightedRoundRobin;
  private readonly current = new Map<string, Map<string, number>>();

  pick(robotType: string, eligible: CandidateExplanation[]): CandidateExplanation {
    const state = this.current.get(robotType) ?? new Map<string, number>();
    this.current.set(robotType, state);
    for (const name of state.keys()) if (!eligible.some((c) => c.module_name === name)) state.delete(name);
    // A zero score still gets a sliver of traffic, so a module can earn its score back.
    const weight = (c: CandidateExplanation) => Math.max(c.score.total, 0.01);
    const total = eligible.reduce((sum, c) => sum + weight(c), 0);
    for (const candidate of eligible) {
      state.set(candidate.module_name, (state.get(candidate.module_name) ?? 0) + weight(candidate));
    }
    const at = (c: CandidateExplanation) => state.get(c.module_name) ?? 0;
    const best = [...eligible].sort((a, b) => at(b) - at(a) || byName(a, b))[0];
    state.set(best.module_name, (state.get(best.module_name) ?? 0) - total);
    return best;
  }
}

export function strategyFor(name: RoutingStrategy): SelectionStrategy {
  switch (name) {
    case RoutingStrategy.LeastConnections:
      return new LeastConnectionsStrategy();
    case RoutingStrategy.WeightedRoundRobin:
      return new WeightedRoundRobinStrategy();
    default:
      return new WeightedScoreStrategy();
  }
}
