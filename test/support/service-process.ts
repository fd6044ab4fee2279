import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const MAIN = resolve('dist/src/main.js');

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the service logs that it listens. */
  ready: Promise<string>;
  /** Resolves with the exit code (or signal name) and everything written to stderr and stdout. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
}

/** Runs the built service (`npm run build` first: `npm test` does) as a real second process. */
export function spawnService(env: Record<string, string>): ServiceProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady: (url: string) => void;
  const ready = new Promise<string>((ok) => (onReady = ok));
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const match = /botfleet listening on (http:\/\/\S+?): Swagger/.exec(stdout);
    if (match) onReady(match[1].replace('localhost', '127.0.0.1'));
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>(
    (ok) => child.on('exit', (code, signal) => ok({ code, signal, stderr, stdout })),
  );
  return { child, ready, exited };
}
