import { describe, expect, it } from '@jest/globals';
import {
  CACHE_TTL_SECONDS,
  CacheKind,
  cacheKey,
  DEFAULT_CACHE_TTL_SECONDS,
  kindOf,
  ttlFor,
} from './cache-ttl.policy.js';

describe('cache TTL policy (seeds: calculate_smart_ttl)', () => {
  it.each([
    ['module_health:LegalModule', 300],
    ['robot_status:LEG_1_1', 60],
    ['performance_score:LegalModule', 600],
    ['routing_table:legal_review', 60],
    ['system_health', 30],
    ['config:anything', DEFAULT_CACHE_TTL_SECONDS],
  ])('%s lives %i s', (key, seconds) => {
    expect(ttlFor(key)).toBe(seconds * 1000);
  });

  it('uses the kind as a prefix, not a substring', () => {
    expect(kindOf('user:robot_status:1')).toBeUndefined();
    expect(kindOf('robot_statuses:1')).toBeUndefined();
    expect(kindOf(cacheKey(CacheKind.RobotStatus, 'R_1'))).toBe(CacheKind.RobotStatus);
  });

  it('matches the seeds for every kind', () => {
    expect(CACHE_TTL_SECONDS).toEqual({
      module_health: 300,
      robot_status: 60,
      performance_score: 600,
      routing_table: 60,
      system_health: 30,
    });
    expect(DEFAULT_CACHE_TTL_SECONDS).toBe(1800);
  });
});
