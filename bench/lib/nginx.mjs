// A real nginx (Debian's binary, NGINX_BIN to use another) in front of app instances, configured
// from the production docker/nginx.conf: shared by the cluster test harness (test/support/cluster.ts)
// and bench:cluster, so both run the file that ships.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './processes.mjs';

const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
const PRODUCTION_CONF = join(ROOT, 'docker/nginx.conf');

/**
 * The production `docker/nginx.conf` with only what differs outside Docker changed: the upstream
 * peers (one `server` line per instance instead of the `app` replicas resolved by Docker's DNS)
 * and the listen port. Everything else (timeouts, retries, buffering, headers) is the file itself.
 */
export function renderNginxSite(upstreams, listenPort) {
  const site = readFileSync(PRODUCTION_CONF, 'utf8');
  const peer = /^(\s*)server app:3000 resolve( [^;]*)?;$/m;
  const listen = /^(\s*)listen 80;$/m;
  if (!peer.test(site) || !listen.test(site)) {
    throw new Error('docker/nginx.conf: the upstream "server app:3000 resolve ...;" or "listen 80;" line moved');
  }
  return site
    .replace(peer, (_line, indent, options = '') =>
      upstreams.map((address) => `${indent}server ${address}${options};`).join('\n'),
    )
    .replace(listen, (_line, indent) => `${indent}listen 127.0.0.1:${listenPort};`);
}

/** The http-block wrapper a non-root nginx needs: every path under its own prefix folder. */
function mainConf(prefix, site) {
  return [
    'worker_processes 1;',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')} warn;`,
    'events { worker_connections 4096; }',
    'http {',
    `  access_log ${join(prefix, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${join(prefix, `${kind}_temp`)};`,
    ),
    site,
    '}',
    '',
  ].join('\n');
}

/** nginx in the foreground as a child process, on a private prefix folder. */
export class Nginx {
  #child;
  #stderr = '';

  constructor(prefix, port) {
    this.prefix = prefix;
    this.port = port;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid() {
    return this.#child?.pid;
  }

  get errorLog() {
    try {
      return readFileSync(join(this.prefix, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  }

  async start(upstreams) {
    mkdirSync(this.prefix, { recursive: true });
    // Started as root, nginx's workers run as nobody: they must reach the temp folders it buffers
    // large request bodies in (a bulk call), or it answers 500.
    chmodSync(this.prefix, 0o755);
    const conf = join(this.prefix, 'nginx.conf');
    writeFileSync(conf, mainConf(this.prefix, renderNginxSite(upstreams, this.port)));
    const child = spawn(NGINX, ['-p', this.prefix, '-c', conf, '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.#child = child;
    child.stderr.on('data', (chunk) => (this.#stderr += chunk.toString()));
    const exited = new Promise((_ok, fail) =>
      child.on('exit', (code) => fail(new Error(`nginx exited with ${code}: ${this.#stderr}${this.errorLog}`))),
    );
    await Promise.race([waitForPort(this.port, 10_000), exited]);
  }

  async stop() {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((ok) => child.on('exit', ok));
    child.kill('SIGQUIT'); // graceful: finishes the requests it holds
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

export async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((ok) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        ok(true);
      });
      socket.once('error', () => ok(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
