import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock } from './data-dir-lock.js';

/** Where `pg` reaches a server: `host` is a folder holding the Unix socket `.s.PGSQL.<port>`. */
export interface SocketEndpoint {
  host: string;
  port: number;
}

const SOCKET_PORT = 5432;

// Extended-protocol messages that leave a query cycle open until the Sync ('S') that ends it.
const MID_CYCLE = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((letter) => letter.charCodeAt(0)));

/**
 * PGlite as pglite-socket should see it. The socket server runs the connections' messages one at
 * a time from one queue and keeps one connection's messages together only while PGlite is in a
 * transaction; outside one, a parameterised query's Parse, Bind, Execute and Sync from one
 * connection could be interleaved with another's, and the unnamed statement of one be bound with
 * the other's parameters ("bind message supplies 1 parameters, but prepared statement requires
 * 2"). Large parameters (an email's text) arrive in several reads and made it common. Reporting an
 * open query cycle as a transaction makes the queue keep the cycle together too.
 */
function servedAsSessions(db: PGlite): PGlite {
  let midCycle = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === 'isInTransaction') return () => midCycle || target.isInTransaction();
      if (property === 'execProtocolRawStream') {
        return async (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            midCycle = MID_CYCLE.has(message[0]);
          }
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
// sun_path is 108 bytes on Linux, 104 on macOS.
const MAX_SOCKET_PATH = 100;

/**
 * PostgreSQL compiled to WASM, in this process, persisted in `<DATA_DIR>/pglite`.
 *
 * It is served to the ordinary `pg` driver over a Unix socket by pglite-socket, which gives each
 * pooled connection its own protocol stream and keeps a transaction's statements together. A
 * driver that shares one PGlite session between concurrent requests would interleave their
 * transactions. A Unix socket in a 0700 folder, not a TCP port, because PGlite has no
 * authentication: only this user can reach it.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly lock: DataDirLock,
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketDir: { path: string; temporary: boolean },
  ) {}

  static async start(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
    const lock = DataDirLock.acquire(dataDir);
    try {
      const pgdata = join(lock.dataDir, 'pglite');
      mkdirSync(pgdata, { recursive: true, mode: 0o700 });
      const db = await PGlite.create({ dataDir: pgdata });
      // All socket connections share PGlite's single session, so session settings are global.
      await db.exec(`SET TIME ZONE 'UTC'`);

      const socketDir = EmbeddedPostgres.socketFolder(lock.dataDir);
      const socketPath = join(socketDir.path, `.s.PGSQL.${SOCKET_PORT}`);
      // A socket file left by a killed process blocks listen(); we hold the folder lock, so it is stale.
      if (existsSync(socketPath)) unlinkSync(socketPath);
      const server = new PGLiteSocketServer({ db: servedAsSessions(db), path: socketPath, maxConnections });
      await server.start();
      return new EmbeddedPostgres(lock, db, server, socketDir);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  private static socketFolder(dataDir: string): { path: string; temporary: boolean } {
    if (join(dataDir, `.s.PGSQL.${SOCKET_PORT}`).length <= MAX_SOCKET_PATH) {
      return { path: dataDir, temporary: false };
    }
    return { path: mkdtempSync(join(tmpdir(), 'botfleet-pg-')), temporary: true };
  }

  /**
   * The data folder as a gzipped tarball (PGlite's `dumpDataDir`). PGlite holds its query lock
   * while it copies, so no statement runs during the copy: the archive is the folder as it stood
   * between two statements, and it opens as a folder does after a crash (WAL replay), losing only
   * transactions that were still open.
   */
  dumpDataDir(): Promise<Blob> {
    return this.db.dumpDataDir('gzip');
  }

  get endpoint(): SocketEndpoint {
    return { host: this.socketDir.path, port: SOCKET_PORT };
  }

  get connections(): { active: number; queued: number; max: number } {
    const stats = this.server.getStats();
    return { active: stats.activeConnections, queued: stats.queuedQueries, max: stats.maxConnections };
  }

  private stopped = false;

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      if (this.socketDir.temporary) rmSync(this.socketDir.path, { recursive: true, force: true });
      this.lock.release();
    }
  }
}
