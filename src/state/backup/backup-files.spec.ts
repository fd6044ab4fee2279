import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { backupFileName, sha256File, sniffKind } from './backup-files.js';

describe('backup files', () => {
  it('names a backup by database, time and id, with only safe characters', () => {
    const at = new Date('2026-12-04T02:00:07.123Z');
    expect(backupFileName('pg_dump', 'botfleet', at, '381781e6-1b03-4562-97da-cae58c7de80f')).toBe(
      'botfleet-botfleet-20261204T020007Z-381781e6.dump',
    );
    expect(backupFileName('pglite_datadir', '../x y', at, 'abcdef01-0000')).toBe(
      'botfleet-___x_y-20261204T020007Z-abcdef01.tar.gz',
    );
  });

  it('tells a pg_dump archive from a gzipped tarball and from anything else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-backup-files-'));
    try {
      writeFileSync(join(dir, 'a.dump'), Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(10)]));
      writeFileSync(join(dir, 'b.tar.gz'), gzipSync(Buffer.from('tar')));
      writeFileSync(join(dir, 'c.txt'), 'PGD');
      expect(await sniffKind(join(dir, 'a.dump'))).toBe('pg_dump');
      expect(await sniffKind(join(dir, 'b.tar.gz'))).toBe('pglite_datadir');
      expect(await sniffKind(join(dir, 'c.txt'))).toBeUndefined();
      expect(await sha256File(join(dir, 'c.txt'))).toBe(
        'fb6eb187b902ead3b299b1ae28a19aab74daa6833d1c59559f59832b422ad76d',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
