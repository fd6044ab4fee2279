import { Injectable } from '@nestjs/common';
import { DomainException } from '../../core/errors/domain.exception.js';
import { CoreErrorCode } from '../../core/errors/error-catalogue.js';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor.js';
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

/** Reads the alert history. */
@Injectable()
export class AlertsService {
  constructor(private readonly alerts: MonitoringAlertsRepository) {}

  async list(query: { state?: AlertStateFilter; limit?: number; cursor?: string }): Promise<AlertPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.alerts.find({
      state: STATES[query.state ?? 'all'],
      before: query.cursor ? alertCursor(query.cursor) : undefined,
      limit,
    });
    const last = rows[rows.length - 1];
    return {
      items: rows.map(AlertDto.of),
      next_cursor: rows.length === limit ? encodeCursor(last.fired_at, last.alert_id) : null,
    };
  }

  /** FIRING alerts, newest first (the dashboard's "active alerts"). */
  async active(): Promise<AlertDto[]> {
    return (await this.alerts.find({ state: 'FIRING', limit: ACTIVE_LIMIT })).map(AlertDto.of);
  }
}

function alertCursor(cursor: string): { firedAt: Date; alertId: string } {
  const { createdAt, id } = decodeCursor(cursor);
  if (!/^\d{1,18}$/.test(id))
    throw new DomainException(CoreErrorCode.InvalidCursor, 'cursor is not one this API returned.');
  return { firedAt: createdAt, alertId: id };
}
