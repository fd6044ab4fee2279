import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../core/config/app-config.service.js';
import { SecretBox } from './secret-box.js';

function box(settings: Record<string, string | undefined>): SecretBox {
  return new SecretBox({ get: (name: string) => settings[name] } as unknown as AppConfig);
}

describe('SecretBox', () => {
  const key = randomBytes(32).toString('base64');

  it('opens what it sealed, with a fresh IV each time, and refuses an altered value', () => {
    const secrets = box({ SECRETS_KEY: key, DATA_DIR: '/nonexistent' });
    const a = secrets.seal('whsec_abc');
    const b = secrets.seal('whsec_abc');
    expect(a).not.toBe(b);
    expect(a).not.toContain('whsec_abc');
    expect(secrets.open(a)).toBe('whsec_abc');
    const [v, iv, tag, data] = a.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => secrets.open([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => box({ SECRETS_KEY: randomBytes(32).toString('base64') }).open(a)).toThrow();
  });

  it('generates a key once into the data folder on the embedded default, readable only by its owner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secret-box-'));
    try {
      const sealed = box({ DATA_DIR: dir }).seal('token');
      expect(statSync(join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(join(dir, 'secrets.key'), 'utf8').trim(), 'base64')).toHaveLength(32);
      expect(box({ DATA_DIR: dir }).open(sealed)).toBe('token');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with DATABASE_URL and no key, refuses to store a secret with SECRETS_KEY_MISSING', () => {
    const secrets = box({ DATABASE_URL: 'postgres://db/x', DATA_DIR: '/nonexistent' });
    expect(secrets.configured).toBe(false);
    expect(() => secrets.seal('x')).toThrow(expect.objectContaining({ code: 'SECRETS_KEY_MISSING' }));
  });
});
