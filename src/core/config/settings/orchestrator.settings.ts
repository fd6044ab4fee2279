import { Transform } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';

/** The robot lifecycle: leases, retries, and the in-process example modules. */
export class OrchestratorSettings {
  // Retry backoff: min(max, base * 2^retry) with jitter between half and all of it.
  @IsInt()
  @Min(0)
  RETRY_BACKOFF_BASE_MS: number = 1_000;

  @IsInt()
  @Min(0)
  RETRY_BACKOFF_MAX_MS: number = 300_000;

  /** Default lease of a claim; progress reports extend it by the same length. */
  @IsInt()
  @Min(5)
  @Max(3_600)
  LEASE_SECONDS: number = 60;

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
}
