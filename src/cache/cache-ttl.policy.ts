/**
 * The seeds' smart TTLs by kind of data (CacheManagerMVP.calculate_smart_ttl and the data model's
 * cache strategy). A key is `<kind>:<id...>`; its kind decides how long it lives.
 */
export enum CacheKind {
  ModuleHealth = 'module_health',
  RobotStatus = 'robot_status',
  PerformanceScore = 'performance_score',
  RoutingTable = 'routing_table',
  SystemHealth = 'system_health',
}

export const CACHE_TTL_SECONDS: Readonly<Record<CacheKind, number>> = {
  [CacheKind.ModuleHealth]: 300,
  [CacheKind.RobotStatus]: 60,
  [CacheKind.PerformanceScore]: 600,
  [CacheKind.RoutingTable]: 60,
  [CacheKind.SystemHealth]: 30,
};

export const DEFAULT_CACHE_TTL_SECONDS = 1800;

const KINDS = Object.values(CacheKind);

export function cacheKey(kind: CacheKind, ...parts: Array<string | number>): string {
  return [kind, ...parts].join(':');
}

export function kindOf(key: string): CacheKind | undefined {
  return KINDS.find((kind) => key === kind || key.startsWith(`${kind}:`));
}

/** TTL in milliseconds (cache-manager 7 and Keyv take ms). */
export function ttlFor(key: string): number {
  const kind = kindOf(key);
  return (kind ? CACHE_TTL_SECONDS[kind] : DEFAULT_CACHE_TTL_SECONDS) * 1000;
}
