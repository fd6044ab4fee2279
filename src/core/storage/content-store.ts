import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What `put` answers: the bytes' address, and whether this call stored them (false: already there). */
export interface StoredContent {
  sha256: string;
  size: number;
  created: boolean;
}

/**
 * Bytes kept by the SHA-256 of their content: the same bytes are stored once, whoever sends them
 * (an upload, an email attachment). An interface so that a shared object store (S3 and the like)
 * can replace the folder when instances stop sharing a volume.
 */
export interface ContentStore {
  /** Stores `bytes` (idempotent: the same bytes again change nothing). */
  put(bytes: Buffer): Promise<StoredContent>;
  /** The bytes stored under `sha256`, or null when there are none. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
  /** The stored size in bytes, or null when there are none. */
  size(sha256: string): Promise<number | null>;
  /**
   * Removes the bytes; true when there were some. Callers delete only what nothing references
   * any more (the garbage collection of unreferenced blobs is left to a later sweep).
   */
  delete(sha256: string): Promise<boolean>;
}

/** Inject the store with `@Inject(CONTENT_STORE)` (StorageModule provides it). */
export const CONTENT_STORE = Symbol('ContentStore');

const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The store as a folder: `<root>/ab/cd/<sha256>`, two levels of 256 so no folder grows past a
 * few thousand entries. A write goes to a temporary file in the final folder and is renamed into
 * place, so a reader (or another instance on the same volume) never sees half a file; two
 * writers of the same bytes both end with the same complete file.
 */
export class FileContentStore implements ContentStore {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer): Promise<StoredContent> {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    if (await this.exists(path)) return { sha256, size: bytes.length, created: false };
    const folder = join(path, '..');
    await mkdir(folder, { recursive: true });
    const temporary = join(folder, `.${sha256}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { sha256, size: bytes.length, created: true };
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return this.exists(this.pathOf(sha256));
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(sha256));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** A hash is checked before it becomes a path: nothing else can reach the file system. */
  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}
