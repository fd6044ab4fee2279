import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const CLI = resolve('packages/client/dist/cli/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`npm run build` builds it) as a real process. With `tty`, inside a
 * pseudo-terminal (`script` from util-linux): stdout and stderr both arrive in `stdout`, as a
 * person would see them, carriage returns included.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: { tty?: boolean } = {},
): Promise<CliRun> {
  const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env };
  const command = options.tty
    ? spawn('script', ['-qec', [process.execPath, CLI, ...args].map(shellQuote).join(' '), '/dev/null'], {
        env: { ...childEnv, TERM: 'xterm', COLUMNS: '120' },
        stdio: ['pipe', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, [CLI, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  command.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  command.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((ok) => command.on('close', (code) => ok({ code, stdout, stderr })));
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
