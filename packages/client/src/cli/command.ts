import type { ParseArgsConfig } from 'node:util';
import type { BotfleetClient } from '../client.js';
import { UsageError } from './exit-codes.js';
import type { Output } from './output.js';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  client: BotfleetClient;
  out: Output;
  /** Positional arguments after the command words. */
  args: string[];
  values: Values;
}

export interface Command {
  /** The command words: ['robots', 'submit']. */
  words: [string, string];
  /** Positional arguments and flags, for help. */
  usage: string;
  summary: string;
  options?: Options;
  /** Resolves to the exit code (0 unless said). */
  run(context: CommandContext): Promise<number | void>;
}

export function arg(context: CommandContext, index: number, name: string): string {
  const value = context.args[index];
  if (!value) throw new UsageError(`missing <${name}>`);
  return value;
}

export function str(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function int(values: Values, name: string, range: [number, number]): number | undefined {
  const raw = str(values, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range[0] || value > range[1])
    throw new UsageError(`--${name} must be a whole number from ${range[0]} to ${range[1]}`);
  return value;
}

export function json(raw: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}
