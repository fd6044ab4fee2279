import { IsEnum, IsInt, IsNumber, Max, Min } from 'class-validator';

export enum RoutingStrategy {
  Weighted = 'weighted',
  WeightedRoundRobin = 'weighted-round-robin',
  LeastConnections = 'least-connections',
}

export enum NoModulePolicy {
  Queue = 'queue',
  Reject = 'reject',
}

/** Routing among modules, their health checks, and the per-module circuit breaker. */
export class LoadBalancerSettings {
  /** How the load balancer picks among eligible modules. */
  @IsEnum(RoutingStrategy)
  ROUTING_STRATEGY: RoutingStrategy = RoutingStrategy.Weighted;

  /**
   * How long an instance keeps a routing table, and the module registrations claims check, in its
   * own memory in front of the shared cache or the database (0: always ask). This instance drops
   * them at once on a change it makes; other instances' changes reach it within this.
   */
  @IsInt()
  @Min(0)
  @Max(60_000)
  ROUTING_LOCAL_TTL_MS: number = 1_000;

  // The seeds' LoadBalancer weights: performance 0.5, capacity 0.3, health 0.2.
  @IsNumber()
  @Min(0)
  @Max(1)
  ROUTING_WEIGHT_PERFORMANCE: number = 0.5;

  @IsNumber()
  @Min(0)
  @Max(1)
  ROUTING_WEIGHT_CAPACITY: number = 0.3;

  @IsNumber()
  @Min(0)
  @Max(1)
  ROUTING_WEIGHT_HEALTH: number = 0.2;

  /**
   * A robot whose type no eligible module handles: `queue` keeps it PENDING, unassigned, until one
   * appears (work submitted before its worker is deployed is not lost); `reject` answers 422.
   */
  @IsEnum(NoModulePolicy)
  ROUTING_NO_MODULE_POLICY: NoModulePolicy = NoModulePolicy.Queue;

  // Health monitor (seeds: every 5 minutes): DEGRADED after this many consecutive failures,
  // UNHEALTHY (out of routing) after that many.
  @IsInt()
  @Min(100)
  @Max(60_000)
  HEALTH_CHECK_TIMEOUT_MS: number = 5_000;

  @IsInt()
  @Min(1)
  HEALTH_DEGRADED_AFTER: number = 1;

  @IsInt()
  @Min(1)
  HEALTH_UNHEALTHY_AFTER: number = 3;

  // Per-module circuit breaker: quarantine a module when, among its attempts that ended in the
  // last BREAKER_WINDOW_SECONDS, at least BREAKER_MIN_FAILURES failed (VALIDATION excepted) and
  // they are at least BREAKER_FAILURE_RATE of them; seeds: recovery after 60 s.
  @IsInt()
  @Min(1)
  BREAKER_MIN_FAILURES: number = 5;

  @IsNumber()
  @Min(0.01)
  @Max(1)
  BREAKER_FAILURE_RATE: number = 0.5;

  @IsInt()
  @Min(1)
  BREAKER_WINDOW_SECONDS: number = 600;

  @IsInt()
  @Min(1)
  BREAKER_COOLDOWN_SECONDS: number = 60;

  // Each instance counts attempt outcomes in memory and the breaker decides on them this often:
  // an outcome costs a counter increment, and a failing module is quarantined within about this.
  @IsInt()
  @Min(10)
  @Max(60_000)
  BREAKER_EVALUATION_INTERVAL_MS: number = 1_000;
}

/** A module turns DEGRADED before UNHEALTHY, and the routing score's weights are shares of one. */
export function loadBalancerRules(settings: LoadBalancerSettings): string[] {
  const problems: string[] = [];
  if (settings.HEALTH_DEGRADED_AFTER > settings.HEALTH_UNHEALTHY_AFTER) {
    problems.push('HEALTH_DEGRADED_AFTER: must not be greater than HEALTH_UNHEALTHY_AFTER');
  }
  const weights =
    settings.ROUTING_WEIGHT_PERFORMANCE + settings.ROUTING_WEIGHT_CAPACITY + settings.ROUTING_WEIGHT_HEALTH;
  if (Number.isFinite(weights) && Math.abs(weights - 1) > 1e-9) {
    problems.push(
      `ROUTING_WEIGHT_PERFORMANCE: the three ROUTING_WEIGHT_* must add up to 1 (they add up to ${weights})`,
    );
  }
  return problems;
}
