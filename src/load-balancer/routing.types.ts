import type { ModuleHealth } from '../state/entities/index.js';

/** What routing needs to know of a module: a plain, cacheable snapshot of its registry row. */
export interface RoutingCandidate {
  module_name: string;
  module_version: string;
  is_active: boolean;
  health_status: ModuleHealth;
  performance_score: number;
  capacity_utilization: number;
  max_concurrent_robots: number;
  breaker_state: 'CLOSED' | 'OPEN' | 'HALF_OPEN';
  /** ISO time the quarantine ends; null when never quarantined. */
  breaker_until: string | null;
}

export interface ScoreParts {
  performance: number;
  capacity: number;
  health: number;
  total: number;
}

export enum ExclusionReason {
  Inactive = 'INACTIVE',
  Unhealthy = 'UNHEALTHY',
  AtCapacity = 'AT_CAPACITY',
  Quarantined = 'QUARANTINED',
}

export interface CandidateExplanation {
  module_name: string;
  module_version: string;
  health_status: ModuleHealth;
  performance_score: number;
  capacity_utilization: number;
  eligible: boolean;
  excluded_because: ExclusionReason[];
  score: ScoreParts;
}

/** One routing decision, explained: stored with the robot and returned by the dry-run endpoint. */
export interface RoutingDecision {
  robot_type: string;
  strategy: string;
  weights: RoutingWeights;
  selected_module: string | null;
  candidates: CandidateExplanation[];
  decided_at: string;
}

export interface RoutingWeights {
  performance: number;
  capacity: number;
  health: number;
}
