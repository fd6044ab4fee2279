/** PostgreSQL's text of a `timestamp` (inside JSON: to_jsonb): seconds, then up to 6 fraction digits. */
const PG_TIMESTAMP = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?$/;

/**
 * Timestamps are stored as UTC in `TIMESTAMP` columns. `pg` returns them as Dates already; inside
 * JSON (to_jsonb) they arrive as text without an offset, which is UTC too, not local time. That
 * text is rewritten into the ISO form directly (milliseconds, truncated as Date parsing does):
 * parsing each one into a Date was a noticeable part of answering a claim of 100 robots.
 */
export function isoUtc(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const plain = PG_TIMESTAMP.exec(value);
  if (plain) return `${plain[1]}T${plain[2]}.${(plain[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`).toISOString();
}

export const numberOrNull = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
