import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import type { TableCounts } from './table-counts.js';

export type BackupKind = 'pg_dump' | 'pglite_datadir';

/** The file beside each backup: enough to check and restore it when the database itself is gone. */
export interface BackupManifest {
  format: 'botfleet-backup/1';
  backup_id: string;
  kind: BackupKind;
  /** The database's name only: never a host or credentials. */
  database: string;
  server_version: string;
  /** The newest migration the backup holds: restore with a release that has it. */
  last_migration: string | null;
  snapshot_at: string;
  finished_at: string;
  size_bytes: number;
  checksum_sha256: string;
  verified: boolean;
  /** Rows per table at the snapshot (pglite_datadir: counted just before the copy). */
  counts: TableCounts;
}

export const EXTENSION: Record<BackupKind, string> = { pg_dump: '.dump', pglite_datadir: '.tar.gz' };

/** `botfleet-<database>-20261204T020000Z-<id8>.dump`: sorts by time, says what it holds. */
export function backupFileName(kind: BackupKind, database: string, at: Date, backupId: string): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const safe = database.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'db';
  return `botfleet-${safe}-${stamp}-${backupId.slice(0, 8)}${EXTENSION[kind]}`;
}

export const manifestPath = (file: string): string => `${file}.json`;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeManifest(file: string, manifest: BackupManifest): Promise<void> {
  await writeFile(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

export async function readManifest(file: string): Promise<BackupManifest | undefined> {
  if (!existsSync(manifestPath(file))) return undefined;
  const manifest = JSON.parse(await readFile(manifestPath(file), 'utf8')) as BackupManifest;
  if (manifest.format !== 'botfleet-backup/1')
    throw new Error(`${manifestPath(file)} is not a botfleet backup manifest`);
  return manifest;
}

/** Which kind of archive a file is, by its first bytes: pg_dump's custom format or a gzipped tarball. */
export async function sniffKind(file: string): Promise<BackupKind | undefined> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead === 5 && buffer.toString('latin1') === 'PGDMP') return 'pg_dump';
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'pglite_datadir';
    return undefined;
  } finally {
    await handle.close();
  }
}
