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

// INCRBY and PEXPIRE in one step, so a counter can never be left without its expiry. ARGV[2]
// hits at once: the requests of one caller that arrived while its previous round trip was out.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

type RedisWithHit = Redis & { rateHit(key: string, windowMs: number, hits: number): Promise<[number, number]> };

interface Waiting {
  windowMs: number;
  settle: Array<{ resolve: (count: RateCount) => void; reject: (error: unknown) => void }>;
}

/**
 * Counters in Redis, shared by every instance. A caller's first hit goes at once (EVALSHA); hits
 * of the same caller that arrive while it is out go together in the next round trip, each
 * answered with its own place in the count. A busy worker key (claims and completions from many
 * connections) costs one round trip per turn instead of one per request, and counts exactly the
 * same.
 */
export class RedisRateStore implements RateStore {
  private readonly redis: RedisWithHit;
  private readonly inFlight = new Set<string>();
  private readonly waiting = new Map<string, Waiting>();

  constructor(redis: Redis) {
    redis.defineCommand('rateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = redis as RedisWithHit;
  }

  hit(key: string, windowMs: number): Promise<RateCount> {
    return new Promise<RateCount>((resolve, reject) => {
      let waiting = this.waiting.get(key);
      if (!waiting) this.waiting.set(key, (waiting = { windowMs, settle: [] }));
      waiting.settle.push({ resolve, reject });
      if (!this.inFlight.has(key)) void this.send(key);
    });
  }

  private async send(key: string): Promise<void> {
    const waiting = this.waiting.get(key);
    if (!waiting) return;
    this.waiting.delete(key);
    this.inFlight.add(key);
    const hits = waiting.settle.length;
    try {
      const [count, resetMs] = await this.redis.rateHit(key, waiting.windowMs, hits);
      waiting.settle.forEach((caller, i) => caller.resolve({ count: count - hits + 1 + i, resetMs }));
    } catch (error) {
      for (const caller of waiting.settle) caller.reject(error);
    } finally {
      this.inFlight.delete(key);
      if (this.waiting.has(key)) void this.send(key);
    }
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
