import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { toBoolean } from './to-boolean.js';

/** Queue forecasts and SLA risk. */
export class ForecastSettings {
  /** Throughput is measured over the completions of this last window (while a type is backlogged). */
  @IsInt()
  @Min(30)
  @Max(3_600)
  FORECAST_RECENT_WINDOW_SECONDS: number = 300;

  /** The capacity recommendation: slots needed to drain each queue within this (GET …/forecast?target_seconds=). */
  @IsInt()
  @Min(60)
  @Max(7 * 86_400)
  FORECAST_DRAIN_TARGET_SECONDS: number = 3_600;

  /** How often open robots with a deadline are checked for SLA risk (one instance per tick); 0: never. */
  @IsInt()
  @Min(0)
  SLA_CHECK_INTERVAL_MS: number = 30_000;

  /** A robot is at risk when its estimated completion is past its deadline minus this. */
  @IsInt()
  @Min(0)
  SLA_RISK_MARGIN_SECONDS: number = 300;

  /** Raise a queued robot found at risk to HIGH priority (it is then claimed before NORMAL and LOW work). */
  @Transform(toBoolean)
  @IsBoolean()
  SLA_RAISE_PRIORITY: boolean = false;
}
