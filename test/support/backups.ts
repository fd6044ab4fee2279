import { expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { http } from './test-app.js';

const RESTORE = resolve('dist/src/state/backup/restore.js');

export interface BackupBody {
  backup_id: string;
  kind: string;
  trigger: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  file_name: string | null;
  size_bytes: number | null;
  checksum_sha256: string | null;
  verified: boolean;
  verification: {
    drill: string;
    tables_compared?: number;
    rows_compared?: number;
    listed_entries?: number;
    reason?: string;
  } | null;
  error: string | null;
  snapshot_at: string | null;
  file_deleted_at: string | null;
}

/** Polls a backup until it is no longer RUNNING. */
export async function awaitBackup(url: string, backupId: string, timeoutMs = 120_000): Promise<BackupBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await http<BackupBody>(`${url}/api/v1/backups/${backupId}`);
    expect(status).toBe(200);
    if (body.status !== 'RUNNING') return body;
    if (Date.now() > deadline) throw new Error(`backup ${backupId} still RUNNING after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `POST /api/v1/backups` as an operator would: 202 with a Location, then poll it to the end. */
export async function runBackup(url: string): Promise<BackupBody> {
  const started = await http<BackupBody>(`${url}/api/v1/backups`, { method: 'POST' });
  expect(started.status).toBe(202);
  expect(started.body.status).toBe('RUNNING');
  expect(started.headers.get('location')).toBe(`/api/v1/backups/${started.body.backup_id}`);
  return awaitBackup(url, started.body.backup_id);
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run restore -- ...` without the build step: the built restore command as a real process. */
export function runRestore(args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  if (!existsSync(RESTORE)) throw new Error(`${RESTORE} is missing: run npm run build`);
  return new Promise((ok) => {
    const child = spawn(process.execPath, [RESTORE, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}
