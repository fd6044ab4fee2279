import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from './config.js';

describe('CLI configuration', () => {
  const home = mkdtempSync(join(tmpdir(), 'botfleet-cli-config-'));
  const file = join(home, '.config', 'botfleet', 'config.json');
  mkdirSync(join(home, '.config', 'botfleet'), { recursive: true });
  writeFileSync(file, JSON.stringify({ url: 'http://file:1', api_key: 'bf_file' }));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('takes flags over the environment over ~/.config/botfleet/config.json, and says where each came from', () => {
    expect(resolveConfig({ env: { HOME: home } })).toMatchObject({
      url: 'http://file:1',
      apiKey: 'bf_file',
      sources: { url: file, apiKey: file },
    });
    expect(resolveConfig({ env: { HOME: home, BOTFLEET_URL: 'http://env:2' } })).toMatchObject({
      url: 'http://env:2',
      apiKey: 'bf_file',
      sources: { url: 'env', apiKey: file },
    });
    expect(
      resolveConfig({ url: 'http://flag:3', apiKey: 'bf_flag', env: { HOME: home, BOTFLEET_API_KEY: 'bf_env' } }),
    ).toMatchObject({ url: 'http://flag:3', apiKey: 'bf_flag', sources: { url: 'flag', apiKey: 'flag' } });
  });

  it('defaults to localhost without a file, and refuses a named file that is missing or not an object', () => {
    const empty = mkdtempSync(join(tmpdir(), 'botfleet-cli-empty-'));
    expect(resolveConfig({ env: { HOME: empty } })).toMatchObject({ url: 'http://localhost:3000', apiKey: undefined });
    expect(() => resolveConfig({ configPath: join(empty, 'nope.json'), env: {} })).toThrow(/does not exist/);
    writeFileSync(join(empty, 'list.json'), '[]');
    expect(() => resolveConfig({ configPath: join(empty, 'list.json'), env: {} })).toThrow(/must hold an object/);
    expect(() => resolveConfig({ url: 'localhost:3000', env: {} })).toThrow(/must start with http/);
    rmSync(empty, { recursive: true, force: true });
  });
});
