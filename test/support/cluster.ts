import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Nginx } from './nginx.js';
import { freePort } from './redis-server.js';
import { spawnService, type ServiceProcess } from './service-process.js';
import { GENEROUS_LIMITS, TEST_ADMIN_KEY, TEST_SECRETS_KEY, tempDir } from './test-app.js';

async function liveAt(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${url}/health/live`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url} is not live after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ClusterInstance {
  /** Fixed for the cluster's life: a restarted instance listens on the same port, as nginx expects. */
  readonly port: number;
  readonly url: string;
  process?: ServiceProcess;
  /** Everything the instance printed (all its runs), for a failing test's message. */
  output: string;
}

export interface ClusterOptions {
  instances?: number;
  /** Added to every instance's environment (after the cluster's own). */
  env?: Record<string, string>;
}

/**
 * N real app processes (`dist/src/main.js`) on the run's PostgreSQL database and Redis (with the
 * run's cache prefix), behind a real nginx configured from `docker/nginx.conf`: the production
 * topology of docker-compose.yml, run from the machine's binaries. `npm run build` first.
 */
export class Cluster {
  readonly instances: ClusterInstance[] = [];
  private nginx?: Nginx;
  private readonly dir = tempDir('botfleet-cluster-');
  private readonly size: number;

  constructor(private readonly options: ClusterOptions = {}) {
    this.size = options.instances ?? 3;
  }

  /** nginx's address: what clients and workers use. */
  get url(): string {
    if (!this.nginx) throw new Error('the cluster is not started');
    return this.nginx.url;
  }

  get nginxErrorLog(): string {
    return this.nginx?.errorLog ?? '';
  }

  async start(): Promise<void> {
    for (let i = 0; i < this.size; i++) {
      const port = await freePort();
      this.instances.push({ port, url: `http://127.0.0.1:${port}`, output: '' });
    }
    // The first instance migrates alone; the others then boot at once (the advisory lock would
    // serialise them anyway, but one at a time keeps the 2-core machine's boot quick).
    await this.boot(0);
    await Promise.all(this.instances.slice(1).map((_, i) => this.boot(i + 1)));
    this.nginx = new Nginx(join(this.dir.path, 'nginx'), await freePort());
    await this.nginx.start(this.instances.map((instance) => `127.0.0.1:${instance.port}`));
  }

  /** Sends `signal` to instance `i` and waits for it to exit. */
  async kill(i: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const running = this.instances[i].process;
    if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.child.kill(signal);
    await running.exited;
  }

  /** Boots instance `i` again (after kill) on its port. */
  async restart(i: number): Promise<void> {
    await this.kill(i, 'SIGTERM');
    await this.boot(i);
  }

  async stop(): Promise<void> {
    await this.nginx?.stop();
    await Promise.all(this.instances.map((_, i) => this.kill(i, 'SIGTERM')));
    this.dir.remove();
  }

  private async boot(i: number): Promise<void> {
    const instance = this.instances[i];
    const dataDir = join(this.dir.path, `instance-${i}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const service = spawnService({
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_cl`,
      PORT: String(instance.port),
      TRUST_PROXY: 'true',
      DATA_DIR: dataDir,
      // Uploads and attachments: one store for all instances (a shared volume in compose).
      CONTENT_STORE_DIR: join(this.dir.path, 'blobs'),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY,
      SECRETS_KEY: TEST_SECRETS_KEY,
      HEALTH_REFRESH_MS: '200',
      ...GENEROUS_LIMITS,
      ...this.options.env,
    });
    instance.process = service;
    const collect = (chunk: Buffer) => (instance.output = (instance.output + chunk.toString()).slice(-20_000));
    service.child.stdout!.on('data', collect);
    service.child.stderr!.on('data', collect);
    const failed = service.exited.then(({ code, signal }) => {
      throw new Error(`instance ${i} exited (${code ?? signal}) before listening:\n${instance.output}`);
    });
    // Its port answers (the "listening" log line is info, below the test's usual level).
    await Promise.race([liveAt(instance.url, 90_000), failed]);
    failed.catch(() => undefined);
  }
}
