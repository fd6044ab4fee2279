import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { ForecastRepository } from '../../state/repositories/forecast.repository.js';
import { type Bottleneck, forecastTypes, type TypeForecast } from './forecast.js';

/** Days of arrivals read for the by-hour-of-day profile. */
const PROFILE_DAYS = 7;

export interface Forecast {
  generated_at: string;
  horizon_seconds: number;
  recent_window_seconds: number;
  robot_types: TypeForecast[];
  bottlenecks: Bottleneck[];
}

/** Reads the figures a forecast needs (five read-pool queries) and hands them to forecastTypes. */
@Injectable()
export class ForecastService {
  constructor(
    private readonly figures: ForecastRepository,
    private readonly config: AppConfig,
  ) {}

  async forecast(targetDrainSeconds = this.config.get('FORECAST_DRAIN_TARGET_SECONDS')): Promise<Forecast> {
    const window = this.config.get('FORECAST_RECENT_WINDOW_SECONDS');
    const [queues, arrivalRows, days, processing, modules] = await Promise.all([
      this.figures.queues(),
      this.figures.arrivals(PROFILE_DAYS),
      this.figures.daysObserved(PROFILE_DAYS),
      this.figures.processing(window),
      this.figures.modules(),
    ]);
    const arrivals = new Map<string, { last_15_minutes: number; last_hour: number; by_hour_of_day: number[] }>();
    for (const row of arrivalRows) {
      const a = arrivals.get(row.robot_type) ?? {
        last_15_minutes: 0,
        last_hour: 0,
        by_hour_of_day: Array<number>(24).fill(0),
      };
      a.last_15_minutes += row.last_15_minutes;
      a.last_hour += row.last_hour;
      a.by_hour_of_day[row.hour] += row.count;
      arrivals.set(row.robot_type, a);
    }
    const now = new Date();
    const { types, bottlenecks } = forecastTypes({
      queues,
      arrivals: [...arrivals].map(([robot_type, a]) => ({ robot_type, ...a, days_observed: days })),
      processing,
      modules,
      nextHour: (now.getUTCHours() + 1) % 24,
      targetDrainSeconds,
    });
    return {
      generated_at: now.toISOString(),
      horizon_seconds: 3_600,
      recent_window_seconds: window,
      robot_types: types,
      bottlenecks,
    };
  }
}
