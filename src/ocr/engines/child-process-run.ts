import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: Buffer;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Killed past this, if no signal does it first. */
  timeoutMs?: number;
  /** Output past this is a failure, not a memory leak (a page's TSV is a few hundred KB). */
  maxOutputBytes?: number;
  onSpawn?(pid: number): void;
  onExit?(pid: number): void;
}

/** Runs a program with bytes on stdin, collecting its output; killed (SIGKILL) on abort or timeout. */
export function runProgram(file: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const maxOutput = options.maxOutputBytes ?? 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    options.signal?.throwIfAborted();
    const child = spawn(file, args, { env: options.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let failure: Error | undefined;
    const kill = (reason: Error) => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const onAbort = () => kill(new Error('killed: the page was abandoned'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutMs
      ? setTimeout(() => kill(new Error('killed: timed out')), options.timeoutMs)
      : undefined;
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutput) kill(new Error('output too large'));
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64) stderr.push(chunk);
    });
    // A program that exits before reading its input (a wrong binary) closes the pipe under us.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => (failure ??= error));
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (child.pid !== undefined) options.onExit?.(child.pid);
      if (failure) reject(failure);
      else
        resolve({
          code,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
    });
    child.stdin.end(options.input ?? Buffer.alloc(0));
  });
}
