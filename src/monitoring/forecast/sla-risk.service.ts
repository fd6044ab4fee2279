import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { EVENT_CATALOGUE, EventType } from '../../core/events/event-catalogue.js';
import { OutboxRelay } from '../../state/outbox-relay.service.js';
import { type AtRisk, type DeadlineRow, ForecastRepository } from '../../state/repositories/forecast.repository.js';
import type { TypeForecast } from './forecast.js';
import { ForecastService } from './forecast.service.js';

/** Deadlines read per check: the soonest first, so a backlog of far deadlines cannot hide near ones. */
const CHECK_LIMIT = 5_000;

/**
 * When will each open robot with a deadline finish? A queued robot waits for the robots ahead of
 * it in its type's queue at the type's throughput (ForecastService), then runs for its module's
 * mean duration; a running robot ends a mean duration after it started. Past the deadline minus
 * SLA_RISK_MARGIN_SECONDS, it is flagged and `robot.sla_at_risk` is written with the flag.
 */
export function estimateCompletion(robot: DeadlineRow, type: TypeForecast | undefined, now: number): AtRisk {
  const means = (type?.modules ?? []).filter((m) => m.eligible && m.mean_ms !== null).map((m) => m.mean_ms as number);
  const own = robot.module_name ? type?.modules.find((m) => m.module_name === robot.module_name)?.mean_ms : null;
  const run = own ?? Math.min(...means);
  const runMs = Number.isFinite(run) ? run : 0;
  if (robot.status === 'PROCESSING') {
    const started = robot.started_at?.getTime() ?? now;
    return {
      robot_id: robot.robot_id,
      estimated_completion: new Date(Math.max(now, started + runMs)),
      queue_position: null,
    };
  }
  const perHour = type?.throughput_per_hour ?? 0;
  const position = robot.ahead ?? 0;
  if (perHour <= 0) return { robot_id: robot.robot_id, estimated_completion: null, queue_position: position };
  const start = Math.max(now + ((position + 1) / perHour) * 3_600_000, robot.next_attempt_at.getTime());
  return { robot_id: robot.robot_id, estimated_completion: new Date(start + runMs), queue_position: position };
}

@Injectable()
export class SlaRiskService {
  private readonly logger = new Logger(SlaRiskService.name);

  constructor(
    private readonly forecasts: ForecastService,
    private readonly figures: ForecastRepository,
    private readonly relay: OutboxRelay,
    private readonly config: AppConfig,
  ) {}

  /** One check: flags the robots now at risk and returns their ids. */
  async check(): Promise<string[]> {
    const robots = await this.figures.deadlines(CHECK_LIMIT);
    if (robots.length === 0) return [];
    const forecast = await this.forecasts.forecast();
    const byType = new Map(forecast.robot_types.map((t) => [t.robot_type, t]));
    const margin = this.config.get('SLA_RISK_MARGIN_SECONDS');
    const now = Date.now();
    const atRisk = robots
      .map((robot) => ({ robot, estimate: estimateCompletion(robot, byType.get(robot.robot_type), now) }))
      // Without an estimate (nothing measured, or no module may take it) a robot is at risk only
      // once it is inside the margin and still open: far deadlines are not alarms on a fresh fleet.
      .filter(({ robot, estimate }) => {
        const due = robot.deadline_at.getTime() - margin * 1000;
        return estimate.estimated_completion === null ? now > due : estimate.estimated_completion.getTime() > due;
      })
      .map(({ estimate }) => estimate);
    const flagged = await this.figures.flag(atRisk, margin, this.config.get('SLA_RAISE_PRIORITY'), {
      type: EventType.RobotSlaAtRisk,
      version: EVENT_CATALOGUE[EventType.RobotSlaAtRisk].version,
    });
    if (flagged.length > 0) {
      this.logger.warn(`${flagged.length} robot(s) at risk of missing their deadline`);
      this.relay.kick();
    }
    return flagged;
  }
}
