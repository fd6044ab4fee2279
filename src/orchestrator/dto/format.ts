/**
 * Timestamps are stored as UTC in `TIMESTAMP` columns. `pg` returns them as Dates already; inside
 * JSON (to_jsonb) they arrive as text without an offset, which is UTC too, not local time.
 */
export function isoUtc(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`).toISOString();
}

export const numberOrNull = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
