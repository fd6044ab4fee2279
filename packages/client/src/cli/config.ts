import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './exit-codes.js';

export interface CliConfig {
  url: string;
  apiKey: string | undefined;
  /** Where the settings came from, for `botfleet config` (never the key itself). */
  sources: { url: string; apiKey: string };
}

export interface ConfigInputs {
  url?: string;
  apiKey?: string;
  configPath?: string;
  env: NodeJS.ProcessEnv;
}

export const DEFAULT_URL = 'http://localhost:3000';

export function defaultConfigPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'botfleet', 'config.json');
}

/** Flags win over the environment (BOTFLEET_URL, BOTFLEET_API_KEY), which wins over the config file. */
export function resolveConfig(inputs: ConfigInputs): CliConfig {
  const path = inputs.configPath ?? inputs.env.BOTFLEET_CONFIG ?? defaultConfigPath(inputs.env);
  const file = readConfigFile(path, inputs.configPath !== undefined || inputs.env.BOTFLEET_CONFIG !== undefined);
  const pick = (flag: string | undefined, env: string | undefined, fromFile: string | undefined) =>
    flag
      ? { value: flag, source: 'flag' }
      : env
        ? { value: env, source: 'env' }
        : fromFile
          ? { value: fromFile, source: path }
          : null;
  const url = pick(inputs.url, inputs.env.BOTFLEET_URL, file.url) ?? { value: DEFAULT_URL, source: 'default' };
  const key = pick(inputs.apiKey, inputs.env.BOTFLEET_API_KEY, file.api_key);
  if (!/^https?:\/\//.test(url.value))
    throw new UsageError(`the server URL must start with http:// or https:// (from ${url.source})`);
  return { url: url.value, apiKey: key?.value, sources: { url: url.source, apiKey: key?.source ?? 'none' } };
}

function readConfigFile(path: string, required: boolean): { url?: string; api_key?: string } {
  if (!existsSync(path)) {
    if (required) throw new UsageError(`config file ${path} does not exist`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UsageError(`config file ${path} must hold an object like {"url": "...", "api_key": "..."}`);
  const { url, api_key } = parsed as Record<string, unknown>;
  if ((url !== undefined && typeof url !== 'string') || (api_key !== undefined && typeof api_key !== 'string'))
    throw new UsageError(`config file ${path}: url and api_key must be strings`);
  return { url, api_key };
}
