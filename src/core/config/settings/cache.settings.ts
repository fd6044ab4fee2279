import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

/** The shared cache: Redis when REDIS_URL is set, else a bounded in-memory store. */
export class CacheSettings {
  /** Redis 7 URL. When unset, the cache is a bounded in-memory LRU store. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @ValidateIf((settings: CacheSettings) => settings.REDIS_URL !== undefined)
  @IsInt()
  @Min(10)
  @Max(60_000)
  REDIS_CONNECT_TIMEOUT_MS: number = 300;

  @IsInt()
  @Min(10)
  @Max(60_000)
  CACHE_OPERATION_TIMEOUT_MS: number = 250;

  /** Only the in-memory store has this bound. */
  @ValidateIf((settings: CacheSettings) => settings.REDIS_URL === undefined)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  CACHE_MEMORY_MAX_ENTRIES: number = 10_000;

  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'CACHE_KEY_PREFIX must be 1-32 letters, digits, _ or -' })
  CACHE_KEY_PREFIX: string = 'bf';
}
