/**
 * "true"/"false"/"1"/"0" only. Implicit conversion has already turned "false" into `true` by the
 * time a @Transform runs (`Boolean("false")`), so this reads the raw string from `obj`.
 */
export const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const value = obj[key];
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return value;
};
