import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock, DataDirLockedError } from './data-dir-lock.js';

describe('DataDirLock', () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes the owner, refuses a second holder in this process, and releases', () => {
    const dir = folder();
    const lock = DataDirLock.acquire(dir);
    expect(JSON.parse(readFileSync(join(dir, 'botfleet.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => DataDirLock.acquire(dir)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(join(dir, 'botfleet.lock'))).toBe(false);
    DataDirLock.acquire(dir).release();
  });

  it('refuses a folder locked by another live process', async () => {
    const dir = folder();
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'botfleet.lock'), JSON.stringify({ pid: other.pid, host: 'h', since: '' }));
      expect(() => DataDirLock.acquire(dir)).toThrow(new RegExp(`in use by process ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a dead process, or by an earlier process with our pid', async () => {
    const dir = folder();
    const gone = spawn('true');
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(dir, 'botfleet.lock'), JSON.stringify({ pid: gone.pid, host: 'h', since: '' }));
    DataDirLock.acquire(dir).release();

    writeFileSync(join(dir, 'botfleet.lock'), JSON.stringify({ pid: process.pid, host: 'h', since: '' }));
    const lock = DataDirLock.acquire(dir);
    expect(JSON.parse(readFileSync(join(dir, 'botfleet.lock'), 'utf8')).since).not.toBe('');
    lock.release();
  });

  it('treats an unreadable lock file as stale', () => {
    const dir = folder();
    writeFileSync(join(dir, 'botfleet.lock'), 'not json');
    DataDirLock.acquire(dir).release();
  });
});
