import { describe, expect, it } from '@jest/globals';
import { PerformanceTier } from '../state/entities/index.js';
import { performanceOf, tierOf } from './performance-policy.js';

describe('performanceOf', () => {
  it('keeps a module without history at the neutral 1.0', () => {
    expect(performanceOf({ completed_24h: 0, failed_24h: 0, avg_processing_ms_24h: null })).toEqual({
      success_rate: 100,
      score: 1,
      tier: PerformanceTier.High,
    });
  });

  it('weighs success 70 % and speed 30 %', () => {
    // 9 of 10 succeeded, 60 s average: 0.7 * 0.9 + 0.3 * 0.5 = 0.78
    expect(performanceOf({ completed_24h: 9, failed_24h: 1, avg_processing_ms_24h: 60_000 })).toEqual({
      success_rate: 90,
      score: 0.78,
      tier: PerformanceTier.Medium,
    });
    // all failed: only the (undefined) speed part is left
    expect(performanceOf({ completed_24h: 0, failed_24h: 4, avg_processing_ms_24h: null }).score).toBe(0.3);
  });

  it('maps scores to tiers', () => {
    expect([0.95, 0.9, 0.7, 0.5, 0.49].map(tierOf)).toEqual(['HIGH', 'HIGH', 'MEDIUM', 'LOW', 'CRITICAL']);
  });
});
