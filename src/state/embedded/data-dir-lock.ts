import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dataDir: string, holder: string) {
    super(
      `The data folder ${dataDir} is already in use by ${holder}. ` +
        'PGlite allows one process per folder: stop the other process or set DATA_DIR to another folder.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** Folders locked by this very process: a pid check alone cannot tell them from a stale lock. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/**
 * An exclusive lock on a data folder, held for the life of the process.
 *
 * The lock file is published with `link()`, which fails atomically when the file exists, so two
 * processes starting together cannot both win. A lock left by a dead process (kill -9, power cut)
 * is taken over; in a container the new process may even reuse the dead one's pid, which is why
 * a lock naming our own pid but not held by us counts as stale.
 */
export class DataDirLock {
  private constructor(
    readonly dataDir: string,
    private readonly lockPath: string,
  ) {}

  static acquire(dataDir: string): DataDirLock {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const lockPath = join(dir, 'botfleet.lock');
    if (heldHere.has(dir)) throw new DataDirLockedError(dir, 'this process');

    const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    const draft = `${lockPath}.${process.pid}.${Date.now()}`;
    const fd = openSync(draft, 'wx', 0o600);
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          linkSync(draft, lockPath);
          heldHere.add(dir);
          return new DataDirLock(dir, lockPath);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        const current = readOwner(lockPath);
        const stale = !current || current.pid === process.pid || !isAlive(current.pid);
        if (!stale) throw new DataDirLockedError(dir, `process ${current.pid} on ${current.host}`);
        // Move the stale file aside: only one contender's rename succeeds, the others retry.
        try {
          renameSync(lockPath, `${lockPath}.stale.${process.pid}`);
          unlinkSync(`${lockPath}.stale.${process.pid}`);
        } catch {
          /* another process took it over first: the next link() attempt decides */
        }
      }
      throw new DataDirLockedError(dir, 'another process starting at the same time');
    } finally {
      unlinkSync(draft);
    }
  }

  release(): void {
    if (!heldHere.delete(this.dataDir)) return;
    if (readOwner(this.lockPath)?.pid === process.pid) unlinkSync(this.lockPath);
  }
}
