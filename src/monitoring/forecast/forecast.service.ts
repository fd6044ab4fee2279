import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { ForecastRepository, type HourlyRow } from '../../state/repositories/forecast.repository.js';
import { type Bottleneck, forecastTypes, type TypeForecast } from './forecast.js';

/** Days of arrivals read for the by-hour-of-day profile. */
const PROFILE_DAYS = 7;
/** The profile reads a week of robots and moves slowly: it is read at most this often. */
const PROFILE_TTL_MS = 10 * 60_000;

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
  private profile?: { at: number; value: Promise<{ rows: HourlyRow[]; days: number }> };

  constructor(
    private readonly figures: ForecastRepository,
    private readonly config: AppConfig,
  ) {}

  async forecast(targetDrainSeconds = this.config.get('FORECAST_DRAIN_TARGET_SECONDS')): Promise<Forecast> {
    const window = this.config.get('FORECAST_RECENT_WINDOW_SECONDS');
    const [queues, recent, profile, processing, modules] = await Promise.all([
      this.figures.queues(),
      this.figures.arrivals(),
      this.hourlyProfile(),
      this.figures.processing(window),
      this.figures.modules(),
    ]);
    const arrivals = new Map<string, { last_15_minutes: number; last_hour: number; by_hour_of_day: number[] }>();
    const of = (type: string) => {
      const known = arrivals.get(type) ?? {
        last_15_minutes: 0,
        last_hour: 0,
        by_hour_of_day: Array<number>(24).fill(0),
      };
      arrivals.set(type, known);
      return known;
    };
    for (const row of recent)
      Object.assign(of(row.robot_type), { last_15_minutes: row.last_15_minutes, last_hour: row.last_hour });
    for (const row of profile.rows) of(row.robot_type).by_hour_of_day[row.hour] += row.count;
    const days = profile.days;
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

  private hourlyProfile(): Promise<{ rows: HourlyRow[]; days: number }> {
    const now = Date.now();
    if (!this.profile || now - this.profile.at >= PROFILE_TTL_MS) {
      const value = Promise.all([
        this.figures.hourlyProfile(PROFILE_DAYS),
        this.figures.daysObserved(PROFILE_DAYS),
      ]).then(([rows, days]) => ({ rows, days }));
      value.catch(() => (this.profile = undefined));
      this.profile = { at: now, value };
    }
    return this.profile.value;
  }
}
