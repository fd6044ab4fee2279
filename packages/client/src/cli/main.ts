#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BotfleetClient } from '../client.js';
import type { Command, Options } from './command.js';
import { keyCommands } from './commands/keys.js';
import { moduleCommands } from './commands/modules.js';
import { operationCommands } from './commands/operations.js';
import { robotCommands } from './commands/robots.js';
import { resolveConfig } from './config.js';
import { describeError, ExitCode, UsageError } from './exit-codes.js';
import { Output, type Streams } from './output.js';

export const COMMANDS: Command[] = [...keyCommands, ...moduleCommands, ...robotCommands, ...operationCommands];

const GLOBAL_OPTIONS: Options = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  'request-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
const TAKES_VALUE = new Set(['--url', '--api-key', '--config', '--request-timeout']);

/** Runs one command line; resolves to the exit code. Output goes to the given streams only. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, streams: Streams): Promise<number> {
  const words = commandWords(argv);
  const json = argv.includes('--json');
  const out = new Output(streams, json);
  try {
    if (words.length === 0 || (words.length < 2 && (argv.includes('--help') || argv.includes('-h')))) {
      streams.stdout.write(help(words[0]));
      return words.length === 0 && !argv.includes('--help') && !argv.includes('-h') ? ExitCode.Usage : ExitCode.Ok;
    }
    const command = COMMANDS.find((c) => c.words[0] === words[0] && c.words[1] === words[1]);
    if (!command) {
      const group = COMMANDS.filter((c) => c.words[0] === words[0]);
      throw new UsageError(
        group.length > 0
          ? `unknown command "${words.join(' ')}": ${words[0]} has ${group.map((c) => c.words[1]).join(', ')}`
          : `unknown command "${words.join(' ')}" (botfleet --help lists them)`,
      );
    }
    const rest = withoutWords(argv, command.words);
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true });
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0].split('. ')[0].replace(/\.$/, '');
      throw new UsageError(`${reason} (botfleet ${command.words.join(' ')} --help)`);
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) {
      streams.stdout.write(`usage: botfleet ${command.words.join(' ')} ${command.usage}\n  ${command.summary}\n`);
      return ExitCode.Ok;
    }
    const config = resolveConfig({
      url: values.url as string | undefined,
      apiKey: values['api-key'] as string | undefined,
      configPath: values.config as string | undefined,
      env,
    });
    if (!config.apiKey)
      throw new UsageError('no API key: pass --api-key, set BOTFLEET_API_KEY, or put "api_key" in the config file');
    const timeoutMs = values['request-timeout'] ? Number(values['request-timeout']) * 1000 : undefined;
    if (timeoutMs !== undefined && !(timeoutMs > 0))
      throw new UsageError('--request-timeout must be a number of seconds');
    const client = new BotfleetClient({
      baseUrl: config.url,
      apiKey: config.apiKey,
      timeoutMs,
      userAgent: 'botfleet-cli',
    });
    return (await command.run({ client, out, args: parsed.positionals, values })) ?? ExitCode.Ok;
  } catch (error) {
    const { line, code } = describeError(error);
    streams.stderr.write(`botfleet: ${line}\n`);
    return code;
  }
}

/** The first two arguments that are neither flags nor a flag's value. */
function commandWords(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    if (TAKES_VALUE.has(argv[i])) i++;
    else if (!argv[i].startsWith('-')) words.push(argv[i]);
  }
  return words;
}

function withoutWords(argv: string[], words: [string, string]): string[] {
  const rest = [...argv];
  for (const word of words) rest.splice(rest.indexOf(word), 1);
  return rest;
}

function help(group?: string): string {
  const shown = COMMANDS.filter((c) => !group || c.words[0] === group);
  const width = Math.max(...shown.map((c) => c.words.join(' ').length));
  return [
    'usage: botfleet <command> [arguments] [--url URL] [--api-key KEY] [--config FILE] [--json] [--request-timeout S]',
    '',
    ...shown.map((c) => `  ${c.words.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Settings: flags, then BOTFLEET_URL / BOTFLEET_API_KEY, then ~/.config/botfleet/config.json',
    '({"url": "...", "api_key": "..."}; --config or BOTFLEET_CONFIG for another file).',
    'Exit codes: 0 ok, 2 usage, 3 unreachable, 4 bad key or scope, 5 not found, 6 refused,',
    '7 server error, 8 done but failed (refused robots, a robot that failed).',
    '',
  ].join('\n');
}

// Run when executed (also through npm's bin symlink), not when imported by a test.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runCli(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
