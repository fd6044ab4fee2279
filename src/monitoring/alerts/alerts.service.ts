import { Injectable } from '@nestjs/common';
import { paginate } from '../../core/http/keyset-pagination.js';
import { type AlertState, MonitoringAlertsRepository } from '../../state/repositories/monitoring-alerts.repository.js';
import { AlertDto, type AlertPageDto } from './dto/alert.dto.js';
import type { AlertStateFilter } from './dto/list-alerts-query.dto.js';

const STATES: Record<AlertStateFilter, AlertState | undefined> = {
  firing: 'FIRING',
  resolved: 'RESOLVED',
  all: undefined,
};

/** Most FIRING alerts `active()` returns: one per (rule, subject), so only a very large fleet gets near it. */
const ACTIVE_LIMIT = 500;

/** monitoring_alerts.alert_id is a BIGSERIAL. */
const ALERT_ID = /^\d{1,18}$/;

/** Reads the alert history. */
@Injectable()
export class AlertsService {
  constructor(private readonly alerts: MonitoringAlertsRepository) {}

  list(query: { state?: AlertStateFilter; limit?: number; cursor?: string }): Promise<AlertPageDto> {
    return paginate(
      {
        fetch: (before, limit) =>
          this.alerts.find({
            state: STATES[query.state ?? 'all'],
            before: before && { firedAt: before.at, alertId: before.id },
            limit,
          }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.alert_id }),
        toItem: (row) => AlertDto.of(row),
        idPattern: ALERT_ID,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  /** FIRING alerts, newest first (the dashboard's "active alerts"). */
  async active(): Promise<AlertDto[]> {
    return (await this.alerts.find({ state: 'FIRING', limit: ACTIVE_LIMIT })).map(AlertDto.of);
  }
}
