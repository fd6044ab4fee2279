import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

/**
 * The shape of a botfleet API key (see security/api-key.format.ts): `bf_<prefix>_<secret>`. Here
 * because the configuration validates BOOTSTRAP_ADMIN_KEY and core depends on no layer.
 */
export const API_KEY_PATTERN = /^bf_([0-9a-f]{8})_([A-Za-z0-9_-]{32,128})$/;

export enum NodeEnv {
  Development = 'development',
  Production = 'production',
  Test = 'test',
}

export enum RoutingStrategy {
  Weighted = 'weighted',
  WeightedRoundRobin = 'weighted-round-robin',
  LeastConnections = 'least-connections',
}

export enum NoModulePolicy {
  Queue = 'queue',
  Reject = 'reject',
}

export enum MetricsAccess {
  Public = 'public',
  Key = 'key',
}

export enum LogLevel {
  Fatal = 'fatal',
  Error = 'error',
  Warn = 'warn',
  Info = 'info',
  Debug = 'debug',
  Trace = 'trace',
  Silent = 'silent',
}

/**
 * "true"/"false"/"1"/"0" only. Implicit conversion has already turned "false" into `true` by the
 * time a @Transform runs (`Boolean("false")`), so this reads the raw string from `obj`.
 */
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const value = obj[key];
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return value;
};

/**
 * Types are written out although they could be inferred: class-transformer converts each string
 * by the type that decorator metadata records, and an inferred type records none.
 *
 * Every environment variable the service reads, with its default. The README's configuration
 * table and `.env.example` list the same names; `environment.spec.ts` keeps them in step.
 */
export class Environment {
  @IsEnum(NodeEnv)
  NODE_ENV: NodeEnv = NodeEnv.Development;

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  @MinLength(1)
  HOST: string = '127.0.0.1';

  /** Behind a reverse proxy (nginx), take the client address from X-Forwarded-For. */
  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY: boolean = false;

  @IsEnum(LogLevel)
  LOG_LEVEL: LogLevel = LogLevel.Info;

  /** PostgreSQL 15+ URL. When unset, the embedded PGlite database in DATA_DIR is used. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

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

  /** Redis 7 URL. When unset, the cache is a bounded in-memory LRU store. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsInt()
  @Min(10)
  @Max(60_000)
  REDIS_CONNECT_TIMEOUT_MS: number = 300;

  @IsInt()
  @Min(10)
  @Max(60_000)
  CACHE_OPERATION_TIMEOUT_MS: number = 250;

  @IsInt()
  @Min(1)
  @Max(10_000_000)
  CACHE_MEMORY_MAX_ENTRIES: number = 10_000;

  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'CACHE_KEY_PREFIX must be 1-32 letters, digits, _ or -' })
  CACHE_KEY_PREFIX: string = 'bf';

  @IsInt()
  @Min(10)
  @Max(60_000)
  HEALTH_PROBE_TIMEOUT_MS: number = 1_000;

  @IsInt()
  @Min(64)
  HEALTH_MEMORY_RSS_LIMIT_MB: number = 2_048;

  /** How often the readiness probes run in the background; /health/ready answers from their last results. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  HEALTH_REFRESH_MS: number = 2_000;

  /** Where the disk probe measures free space (default: the working directory). */
  @IsOptional()
  @IsString()
  HEALTH_DISK_PATH?: string;

  /** Not ready when less than this share of the disk is free. */
  @IsNumber()
  @Min(0)
  @Max(1)
  HEALTH_DISK_MIN_FREE_RATIO: number = 0.05;

  /** Not ready when the event loop's p99 delay over the last refresh interval is above this. */
  @IsInt()
  @Min(1)
  HEALTH_EVENT_LOOP_LAG_MAX_MS: number = 1_000;

  @IsInt()
  @Min(100)
  REQUEST_TIMEOUT_MS: number = 30_000;

  @IsInt()
  @Min(100)
  SHUTDOWN_TIMEOUT_MS: number = 10_000;

  // DESIGN.md: 10 MB payload cap.
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 10 * 1024 * 1024;

  @Transform(toBoolean)
  @IsBoolean()
  SWAGGER_ENABLED: boolean = true;

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

  // Retry backoff: min(max, base * 2^retry) with jitter between half and all of it.
  @IsInt()
  @Min(0)
  RETRY_BACKOFF_BASE_MS: number = 1_000;

  @IsInt()
  @Min(0)
  RETRY_BACKOFF_MAX_MS: number = 300_000;

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

  /** Daily cleanup: finished attempts, relayed events, health checks and job runs older than this. */
  @IsInt()
  @Min(1)
  RETENTION_DAYS: number = 30;

  /** Default lease of a claim; progress reports extend it by the same length. */
  @IsInt()
  @Min(5)
  @Max(3_600)
  LEASE_SECONDS: number = 60;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'APP_ENV must be letters, digits, _ or -' })
  APP_ENV: string = 'local';

  /**
   * An admin API key ensured at every boot (`bf_<8 hex>_<32+ of A-Z a-z 0-9 _ ->`). Unset on the
   * embedded database with no admin key yet: one is generated and printed once.
   */
  @IsOptional()
  @Matches(API_KEY_PATTERN, { message: 'BOOTSTRAP_ADMIN_KEY must look like bf_<8 hex>_<32 to 128 of A-Z a-z 0-9 _ ->' })
  BOOTSTRAP_ADMIN_KEY?: string;

  /** Server-side secret mixed into stored key hashes (HMAC-SHA-256); changing it invalidates every key. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'API_KEY_PEPPER must be at least 16 characters' })
  API_KEY_PEPPER?: string;

  /** Turns authentication, scopes and rate limits off: only to price them in a benchmark. */
  @Transform(toBoolean)
  @IsBoolean()
  SECURITY_ENABLED: boolean = true;

  /** How long a validated key is trusted without asking the database: a revoked key is refused within this. */
  @IsInt()
  @Min(0)
  @Max(60_000)
  API_KEY_CACHE_MS: number = 1_000;

  /** After a rotation the old key keeps working this long, so clients switch without a gap. */
  @IsInt()
  @Min(0)
  @Max(30 * 86_400)
  API_KEY_ROTATION_OVERLAP_SECONDS: number = 86_400;

  // Rate limits per minute (seeds: 100 per key, 1000 for health, 10 for bulk operations).
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 100;

  @IsInt()
  @Min(1)
  RATE_LIMIT_HEALTH_PER_MINUTE: number = 1_000;

  @IsInt()
  @Min(1)
  RATE_LIMIT_BULK_PER_MINUTE: number = 10;

  // The worker protocol (claims, progress, complete, fail) per key: a worker reporting a few steps
  // per robot makes several calls a second; 6,000/min lets one run ~20-50 robots/s one call at a
  // time, and thousands with claim and batch completion. A key's own limit or its module's
  // override (RATE_LIMIT_MODULE_OVERRIDES) still come first.
  @IsInt()
  @Min(1)
  RATE_LIMIT_WORK_PER_MINUTE: number = 6_000;

  /** Requests without a valid key (public routes, failed authentication), per client IP. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_IP_PER_MINUTE: number = 300;

  /** Per-module limits for module-bound keys: `ModuleA=600,ModuleB=6000`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,100}=\d{1,9}(,[A-Za-z0-9_.-]{1,100}=\d{1,9})*$/, {
    message: 'RATE_LIMIT_MODULE_OVERRIDES must look like ModuleA=600,ModuleB=6000',
  })
  RATE_LIMIT_MODULE_OVERRIDES?: string;

  /** Allowed CORS origins, comma-separated (`*` for any); unset: no cross-origin access. */
  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/, {
    message: 'CORS_ORIGINS must be * or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  /** security_audit rows older than this are deleted by the daily cleanup (90 days). */
  @IsInt()
  @Min(1)
  AUDIT_RETENTION_DAYS: number = 90;

  /** The HTTP timing hook and GET /metrics; off only to price them in a benchmark. */
  @Transform(toBoolean)
  @IsBoolean()
  METRICS_ENABLED: boolean = true;

  /** Who may scrape GET /metrics: anyone (`public`, rate-limited per IP) or a key with monitoring:read (`key`). */
  @IsEnum(MetricsAccess)
  METRICS_ACCESS: MetricsAccess = MetricsAccess.Public;

  /**
   * The example in-process modules to load, comma-separated: `text_stats` (word counts, the
   * module to copy), `noop` (answers at once: benchmarks, smoke tests); `none` loads none.
   */
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    typeof obj[key] === 'string'
      ? (obj[key] as string)
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '' && name !== 'none')
      : obj[key],
  )
  @IsIn(['text_stats', 'noop'], { each: true, message: 'EXAMPLE_MODULES may name text_stats and noop, or be none' })
  EXAMPLE_MODULES: string[] = ['text_stats'];

  /** The alert evaluation schedule; off, nothing is evaluated (GET /api/v1/monitoring/alerts still answers). */
  @Transform(toBoolean)
  @IsBoolean()
  ALERTS_ENABLED: boolean = true;

  @IsInt()
  @Min(100)
  @Max(3_600_000)
  ALERT_EVALUATION_INTERVAL_MS: number = 15_000;

  // The seeds' alert thresholds (analisis-framework.md, "Dashboard de Monitoreo").
  /** p95 response time of an API operation over the last minute, above which it fires. */
  @IsInt()
  @Min(1)
  ALERT_RESPONSE_TIME_MS: number = 500;

  /** Cache hit rate over one evaluation interval, below which it fires. */
  @IsNumber()
  @Min(0)
  @Max(1)
  ALERT_CACHE_HIT_RATE_MIN: number = 0.6;

  /** Connections in use / pool maximum (either pool), above which it fires. */
  @IsNumber()
  @Min(0)
  @Max(1)
  ALERT_DB_POOL_USAGE_MAX: number = 0.9;

  /** Share of API calls answered 5xx over the last minute, above which it fires. */
  @IsNumber()
  @Min(0)
  @Max(1)
  ALERT_ERROR_RATE_MAX: number = 0.05;

  /** Age of the oldest PENDING robot above which it fires. */
  @IsInt()
  @Min(1)
  ALERT_PENDING_MAX_AGE_SECONDS: number = 300;

  /** After an alert resolves, the same rule and subject fire again only this long after it last fired. */
  @IsInt()
  @Min(0)
  ALERT_COOLDOWN_SECONDS: number = 300;

  /** Response time, error rate and cache hit rate are judged only on at least this many calls or lookups. */
  @IsInt()
  @Min(1)
  ALERT_MIN_SAMPLES: number = 20;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  // The value is not echoed: it may be a secret (a URL with a password, a key).
  return `${error.property}: ${reasons}`;
}

/** `ConfigModule`'s `validate` hook: converts strings, applies defaults, throws naming each bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // `FOO=` means "not set": keep the default rather than converting '' to 0 or false.
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== '' && value !== undefined));
  const env = plainToInstance(Environment, present, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: true });
  const problems = errors.map(describe);
  if (env.DB_READ_POOL_MIN > env.DB_READ_POOL_MAX) {
    problems.push('DB_READ_POOL_MIN: must not be greater than DB_READ_POOL_MAX');
  }
  if (env.DB_WRITE_POOL_MIN > env.DB_WRITE_POOL_MAX) {
    problems.push('DB_WRITE_POOL_MIN: must not be greater than DB_WRITE_POOL_MAX');
  }
  if (env.HEALTH_DEGRADED_AFTER > env.HEALTH_UNHEALTHY_AFTER) {
    problems.push('HEALTH_DEGRADED_AFTER: must not be greater than HEALTH_UNHEALTHY_AFTER');
  }
  const weights = env.ROUTING_WEIGHT_PERFORMANCE + env.ROUTING_WEIGHT_CAPACITY + env.ROUTING_WEIGHT_HEALTH;
  if (Number.isFinite(weights) && Math.abs(weights - 1) > 1e-9) {
    problems.push(
      `ROUTING_WEIGHT_PERFORMANCE: the three ROUTING_WEIGHT_* must add up to 1 (they add up to ${weights})`,
    );
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return env;
}
