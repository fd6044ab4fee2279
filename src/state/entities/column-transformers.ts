import type { ValueTransformer } from 'typeorm';

/** `pg` returns DECIMAL as a string to keep precision; the seeds' decimals are small scores and rates. */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
