import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { toBoolean } from './to-boolean.js';

export enum NodeEnv {
  Development = 'development',
  Production = 'production',
  Test = 'test',
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

/** The HTTP server: where it listens, what it accepts, how it logs and stops. */
export class ServerSettings {
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

  @IsInt()
  @Min(100)
  REQUEST_TIMEOUT_MS: number = 30_000;

  @IsInt()
  @Min(100)
  SHUTDOWN_TIMEOUT_MS: number = 10_000;

  /**
   * On SIGTERM, serve this long with `Connection: close` before closing (graceful-drain.ts): above
   * the proxy's upstream keepalive timeout (docker/nginx.conf: 3 s), below SHUTDOWN_TIMEOUT_MS.
   */
  @IsInt()
  @Min(0)
  SHUTDOWN_DRAIN_MS: number = 5_000;

  // DESIGN.md: 10 MB payload cap.
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 10 * 1024 * 1024;

  @Transform(toBoolean)
  @IsBoolean()
  SWAGGER_ENABLED: boolean = true;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'APP_ENV must be letters, digits, _ or -' })
  APP_ENV: string = 'local';
}

/** The drain must end before the hard exit. */
export function serverRules(settings: ServerSettings): string[] {
  return settings.SHUTDOWN_DRAIN_MS < settings.SHUTDOWN_TIMEOUT_MS
    ? []
    : ['SHUTDOWN_DRAIN_MS: must be less than SHUTDOWN_TIMEOUT_MS'];
}
