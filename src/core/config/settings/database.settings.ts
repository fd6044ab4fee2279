import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { toBoolean } from './to-boolean.js';

/** PostgreSQL, or the embedded PGlite database: pools, timeouts, migrations, the write breaker. */
export class DatabaseSettings {
  /** PostgreSQL 15+ URL. When unset, the embedded PGlite database in DATA_DIR is used. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Only the embedded database keeps its files here. */
  @ValidateIf((settings: DatabaseSettings) => settings.DATABASE_URL === undefined)
  @IsString()
  @MinLength(1)
  DATA_DIR: string = './data';

  // Pool sizes from the seeds' performance configuration: read 2-10, write 1-5.
  @IsInt()
  @Min(0)
  @Max(100)
  DB_READ_POOL_MIN: number = 2;

  @IsInt()
  @Min(1)
  @Max(100)
  DB_READ_POOL_MAX: number = 10;

  @IsInt()
  @Min(0)
  @Max(100)
  DB_WRITE_POOL_MIN: number = 1;

  @IsInt()
  @Min(1)
  @Max(100)
  DB_WRITE_POOL_MAX: number = 5;

  // Seeds: query_timeout 30 s, transaction_timeout 60 s.
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS: number = 30_000;

  @IsInt()
  @Min(100)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: number = 60_000;

  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS: number = 5_000;

  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATIONS_RUN: boolean = true;

  /** Database circuit breaker: how long writes are refused (503) once it opens; seeds: 60 s. */
  @IsInt()
  @Min(100)
  DB_BREAKER_RESET_MS: number = 60_000;

  /**
   * How often every instance looks at the events outbox whatever it was told: events a crash left,
   * or written while the LISTEN connection was down. Changes wake the relay at once otherwise.
   */
  @IsInt()
  @Min(50)
  @Max(60_000)
  EVENTS_RELAY_INTERVAL_MS: number = 1_000;
}

/** A pool cannot keep open more connections than it may hold. */
export function databaseRules(settings: DatabaseSettings): string[] {
  const problems: string[] = [];
  if (settings.DB_READ_POOL_MIN > settings.DB_READ_POOL_MAX) {
    problems.push('DB_READ_POOL_MIN: must not be greater than DB_READ_POOL_MAX');
  }
  if (settings.DB_WRITE_POOL_MIN > settings.DB_WRITE_POOL_MAX) {
    problems.push('DB_WRITE_POOL_MIN: must not be greater than DB_WRITE_POOL_MAX');
  }
  return problems;
}
