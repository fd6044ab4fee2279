import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileContentStore, sha256Of } from './content-store.js';

describe('FileContentStore', () => {
  let root: string;
  let store: FileContentStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'content-store-'));
    store = new FileContentStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores bytes under their SHA-256, two folder levels deep, and reads them back', async () => {
    const bytes = Buffer.from('a scanned invoice');
    const sha256 = sha256Of(bytes);
    expect(await store.put(bytes)).toEqual({ sha256, size: bytes.length, created: true });
    expect(readdirSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);
    expect(await store.get(sha256)).toEqual(bytes);
    expect(await store.has(sha256)).toBe(true);
    expect(await store.size(sha256)).toBe(bytes.length);
  });

  it('is idempotent: the same bytes again, even at once, leave one complete file and no temporary ones', async () => {
    const bytes = Buffer.alloc(256 * 1024, 7);
    const answers = await Promise.all([store.put(bytes), store.put(bytes), store.put(bytes)]);
    expect(answers.every((a) => a.sha256 === sha256Of(bytes))).toBe(true);
    expect((await store.put(bytes)).created).toBe(false);
    const sha256 = sha256Of(bytes);
    expect(readdirSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);
    expect((await store.get(sha256))?.equals(bytes)).toBe(true);
  });

  it('answers null and false for what it does not hold, and deletes what it does', async () => {
    const missing = sha256Of(Buffer.from('never stored'));
    expect(await store.get(missing)).toBeNull();
    expect(await store.has(missing)).toBe(false);
    expect(await store.size(missing)).toBeNull();
    expect(await store.delete(missing)).toBe(false);
    const { sha256 } = await store.put(Buffer.from('kept briefly'));
    expect(await store.delete(sha256)).toBe(true);
    expect(await store.has(sha256)).toBe(false);
  });

  it('never turns something other than a hex digest into a path', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow('not a SHA-256 hex digest');
    await expect(store.has('A'.repeat(64))).rejects.toThrow('not a SHA-256 hex digest');
  });
});
