import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** One hit counted in a fixed window: the count so far, and when the window ends. */
export interface RateCount {
  count: number;
  resetMs: number;
}

export interface RateStore {
  hit(key: string, windowMs: number): Promise<RateCount>;
}

// Sweeping ended windows this often keeps the memory store bounded by the live callers.
const SWEEP_MS = 60_000;

/** Counters in this process: the store without Redis, and the fallback during a Redis outage. */
export class MemoryRateStore implements RateStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_MS).unref();

  hit(key: string, windowMs: number): Promise<RateCount> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return Promise.resolve({ count: window.count, resetMs: window.endsAt - now });
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

// INCR and PEXPIRE in one step, so a counter can never be left without its expiry.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

type RedisWithHit = Redis & { rateHit(key: string, windowMs: number): Promise<[number, number]> };

/** Counters in Redis, shared by every instance: one round trip (EVALSHA) per request. */
export class RedisRateStore implements RateStore {
  private readonly redis: RedisWithHit;

  constructor(redis: Redis) {
    redis.defineCommand('rateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = redis as RedisWithHit;
  }

  async hit(key: string, windowMs: number): Promise<RateCount> {
    const [count, resetMs] = await this.redis.rateHit(key, windowMs);
    return { count, resetMs };
  }
}

// A Redis outage is logged once per this, not once per request.
const WARN_EVERY_MS = 30_000;

/**
 * Redis when configured, this process's memory for any hit Redis cannot answer fast: during an
 * outage limits still hold, per instance, rather than the API failing (closed) or going
 * unthrottled (open); every answer stays fast because the Redis client fails at once.
 */
export class FallbackRateStore implements RateStore {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;

  constructor(
    private readonly local: MemoryRateStore,
    private readonly shared?: RateStore,
  ) {}

  async hit(key: string, windowMs: number): Promise<RateCount> {
    if (!this.shared) return this.local.hit(key, windowMs);
    try {
      return await this.shared.hit(key, windowMs);
    } catch (error) {
      if (Date.now() - this.lastWarning > WARN_EVERY_MS) {
        this.lastWarning = Date.now();
        this.logger.warn(`Redis counters unavailable, counting in this instance: ${(error as Error).message}`);
      }
      return this.local.hit(key, windowMs);
    }
  }
}
