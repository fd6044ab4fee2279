import { PerformanceTier } from '../state/entities/index.js';

export interface ModuleStats {
  completed_24h: number;
  failed_24h: number;
  avg_processing_ms_24h: number | null;
}

/** Processing time at which the speed part of the score halves (one minute). */
export const LATENCY_REFERENCE_MS = 60_000;

/**
 * performance_score (0-1) from the last 24 hours: 70 % success rate, 30 % speed, where speed is
 * 1 / (1 + avg_ms / 60 s). A module with no finished attempts keeps the neutral 1.0 the seeds give
 * a new module, so it gets work and earns a real score.
 */
export function performanceOf(stats: ModuleStats): { success_rate: number; score: number; tier: PerformanceTier } {
  const finished = stats.completed_24h + stats.failed_24h;
  if (finished === 0) return { success_rate: 100, score: 1, tier: PerformanceTier.High };
  const success = stats.completed_24h / finished;
  const speed = stats.avg_processing_ms_24h === null ? 1 : 1 / (1 + stats.avg_processing_ms_24h / LATENCY_REFERENCE_MS);
  const score = Math.round((0.7 * success + 0.3 * speed) * 100) / 100;
  return { success_rate: Math.round(success * 10_000) / 100, score, tier: tierOf(score) };
}

export function tierOf(score: number): PerformanceTier {
  if (score >= 0.9) return PerformanceTier.High;
  if (score >= 0.7) return PerformanceTier.Medium;
  if (score >= 0.5) return PerformanceTier.Low;
  return PerformanceTier.Critical;
}
